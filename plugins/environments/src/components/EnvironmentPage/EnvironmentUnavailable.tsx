import { ButtonLink, Container, Header } from '@backstage/ui';
import { EmptyState } from '../shared/EmptyState';
import { ErrorAlert } from '../shared/ErrorAlert';
import { errorStatus } from '../shared/errors';
import { useEnvironmentLinks } from '../shared/useEnvironmentLinks';

/** The environment could not be read: it does not exist (404), or the API said why. */
export const EnvironmentUnavailable = ({ error }: { error: Error }) => {
  const links = useEnvironmentLinks();
  return (
    <>
      <Header title="Environment" />
      <Container my="4">
        {errorStatus(error) === 404 ? (
          <EmptyState
            title="This environment does not exist"
            action={
              links.list && (
                <ButtonLink href={links.list} variant="secondary">
                  All environments
                </ButtonLink>
              )
            }
          >
            It may have been mistyped, or the link is to another portal.
          </EmptyState>
        ) : (
          <ErrorAlert title="Could not load the environment" error={error} />
        )}
      </Container>
    </>
  );
};
