import { Alert } from '@backstage/ui';
import { errorMessage, errorTitle } from './errors';

/** An API error as a sentence the reader can act on. */
export const ErrorAlert = ({
  action,
  error,
}: {
  /** What could not be done, e.g. "Deploy". */
  action: string;
  error: unknown;
}) => (
  <Alert
    status="danger"
    icon
    role="alert"
    title={errorTitle(action, error)}
    description={errorMessage(error)}
  />
);
