import { ReactNode, useState } from 'react';
import { Button, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import {
  EnvironmentResource,
  EnvironmentResponse,
} from '@internal/plugin-environments-common';
import { ResourceStatusBadge } from '../shared/StatusBadge';
import { shortRef } from '../shared/links';
import { isEnded } from '../shared/presentation';
import styles from './EnvironmentPage.module.css';

function emptyOutputs(resource: EnvironmentResource, ended: boolean) {
  if (resource.status === 'ready') return 'This resource exposes no outputs.';
  if (ended) return 'Never provisioned.';
  return 'Outputs appear here once the resource is ready.';
}

const Pair = ({ name, children }: { name: string; children: ReactNode }) => (
  <>
    <dt>{name}</dt>
    <dd>{children}</dd>
  </>
);

/** Hidden until asked for, so a shared screen does not show a password. */
const SecretValue = ({ label, value }: { label: string; value: string }) => {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <span className={styles.secret}>
      <span className={styles.value}>{shown ? value : '••••••••••••'}</span>
      <Button
        size="small"
        variant="tertiary"
        aria-label={`${shown ? 'Hide' : 'Show'} ${label}`}
        onPress={() => setShown(s => !s)}
      >
        {shown ? 'Hide' : 'Show'}
      </Button>
      {typeof navigator !== 'undefined' && navigator.clipboard && (
        <Button
          size="small"
          variant="tertiary"
          aria-label={`Copy ${label}`}
          onPress={() =>
            navigator.clipboard.writeText(value).then(() => setCopied(true))
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      )}
    </span>
  );
};

const ResourceCard = ({
  resource,
  ended,
}: {
  resource: EnvironmentResource;
  /** The environment is over: a resource still pending was never made. */
  ended: boolean;
}) => {
  const outputs = Object.entries(resource.outputs ?? {});
  const secrets = Object.entries(resource.secrets ?? {});
  const parameters = Object.entries(resource.parameters ?? {});
  return (
    <Card>
      <CardHeader>
        <div className={styles.resourceHeader}>
          <Text as="h3" variant="title-x-small">
            {resource.name}{' '}
            <Text as="span" variant="body-small" color="secondary">
              ({resource.type})
            </Text>
          </Text>
          <ResourceStatusBadge status={resource.status} />
        </div>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {resource.error && (
            <Text as="p" color="danger">
              {resource.error}
            </Text>
          )}
          {resource.status === 'torn-down' && (
            <Text as="p" variant="body-small" color="secondary">
              Torn down: what it exposed no longer exists.
            </Text>
          )}
          {resource.status !== 'torn-down' && outputs.length > 0 && (
            <dl
              className={styles.pairs}
              aria-label={`${resource.name} outputs`}
            >
              {outputs.map(([key, value]) => (
                <Pair key={key} name={key}>
                  <span className={styles.value}>{value}</span>
                </Pair>
              ))}
            </dl>
          )}
          {resource.status !== 'torn-down' && outputs.length === 0 && (
            <Text as="p" variant="body-small" color="secondary">
              {emptyOutputs(resource, ended)}
            </Text>
          )}
          {secrets.length > 0 && (
            <section
              className={styles.secrets}
              aria-label={`${resource.name} connection details`}
            >
              <Text as="h4" variant="body-small" weight="bold">
                Connection details
              </Text>
              <dl className={styles.pairs}>
                {secrets.map(([key, value]) => (
                  <Pair key={key} name={key}>
                    <SecretValue
                      label={`${resource.name} ${key}`}
                      value={value}
                    />
                  </Pair>
                ))}
              </dl>
            </section>
          )}
          {parameters.length > 0 && (
            <details>
              <summary>
                <Text as="span" variant="body-small" color="secondary">
                  Parameters
                </Text>
              </summary>
              <dl className={styles.pairs}>
                {parameters.map(([key, value]) => (
                  <Pair key={key} name={key}>
                    <span className={styles.value}>
                      {typeof value === 'string'
                        ? value
                        : JSON.stringify(value)}
                    </span>
                  </Pair>
                ))}
              </dl>
            </details>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
};

/** Each resource with what it exposes; connection details only when the API sent them. */
export const ResourcesSection = ({
  environment,
}: {
  environment: EnvironmentResponse;
}) => {
  const hasSecrets = environment.resources.some(
    r => r.secrets && Object.keys(r.secrets).length > 0,
  );
  return (
    <Flex direction="column" gap="3">
      {!environment.viewer.isOwner && !hasSecrets && (
        <Text as="p" variant="body-small" color="secondary">
          Connection details (passwords, tokens) are shown only to members of{' '}
          {shortRef(environment.owner)}.
        </Text>
      )}
      {environment.resources.map(resource => (
        <ResourceCard
          key={resource.name}
          resource={resource}
          ended={isEnded(environment.status)}
        />
      ))}
    </Flex>
  );
};
