import { Alert } from '@backstage/ui';
import { errorMessage } from './errors';

/** An API error as a sentence the reader can act on (the backend names field and value). */
export const ErrorAlert = ({
  title,
  error,
}: {
  /** What could not be done, e.g. "Could not extend the environment". */
  title: string;
  error: unknown;
}) => (
  <Alert
    status="danger"
    icon
    role="alert"
    title={title}
    description={errorMessage(error)}
  />
);
