import { useEffect, useState } from 'react';
import { Button, Flex, Select, Text, TextField } from '@backstage/ui';
import {
  KnownVersion,
  ServiceEnvironment,
} from '@internal/plugin-delivery-common';

/**
 * Deploy a version to an environment: the version is typed (a build CI made) or picked from the
 * versions the service's deployments have seen, newest first.
 */
export const DeployForm = ({
  environments,
  versions,
  busy,
  overrideField,
  onDeploy,
}: {
  environments: ServiceEnvironment[];
  versions: KnownVersion[];
  busy: boolean;
  /** The freeze override field for the chosen environment (only when it is frozen). */
  overrideField: (environment: ServiceEnvironment) => React.ReactNode;
  onDeploy: (environment: string, version: string) => Promise<boolean>;
}) => {
  const targets = environments.filter(e => e.configured);
  const [environment, setEnvironment] = useState(targets[0]?.name ?? '');
  const [version, setVersion] = useState('');
  useEffect(() => {
    if (!targets.some(t => t.name === environment) && targets[0])
      setEnvironment(targets[0].name);
  }, [targets, environment]);
  const chosen = targets.find(t => t.name === environment);

  return (
    <form
      aria-label="Deploy a version"
      onSubmit={async e => {
        e.preventDefault();
        if (await onDeploy(environment, version.trim())) setVersion('');
      }}
    >
      <Flex direction="column" gap="3">
        <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
          <div style={{ minWidth: 220 }}>
            <TextField
              label="Version"
              placeholder="e.g. 1.4.2"
              value={version}
              onChange={setVersion}
              isRequired
            />
          </div>
          <div style={{ minWidth: 180 }}>
            <Select
              label="Environment"
              options={targets.map(t => ({
                id: t.name,
                label: `${t.name} (${t.tier})`,
              }))}
              value={environment}
              onChange={key => setEnvironment(String(key))}
            />
          </div>
          <Button
            type="submit"
            variant="primary"
            isDisabled={busy || !version.trim() || !environment}
          >
            Deploy
          </Button>
        </Flex>
        {versions.length > 0 && (
          <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
            <Text as="span" variant="body-small" color="secondary">
              Known versions:
            </Text>
            {versions.slice(0, 8).map(v => (
              <Button
                key={v.version}
                size="small"
                variant="tertiary"
                aria-label={`Use version ${v.version}`}
                onPress={() => setVersion(v.version)}
              >
                {v.version}
                {v.liveIn.length ? ` (${v.liveIn.join(', ')})` : ''}
              </Button>
            ))}
          </Flex>
        )}
        {chosen && overrideField(chosen)}
      </Flex>
    </form>
  );
};
