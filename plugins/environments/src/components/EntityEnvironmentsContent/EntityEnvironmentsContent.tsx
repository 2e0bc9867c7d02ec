import { useState } from 'react';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ButtonLink, Flex, Switch, Text } from '@backstage/ui';
import { environmentsApiRef } from '../../api/environmentsApiRef';
import { EmptyState } from '../shared/EmptyState';
import { EnvironmentsTable } from '../shared/EnvironmentsTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { createEnvironmentPath } from '../shared/links';
import { CURRENT_STATUSES } from '../shared/presentation';
import { useAsync } from '@internal/frontend-common';
import styles from '../shared/shared.module.css';

/** The template's form filled in with this component and its owner. */
export function prefillFor(entity: Entity): Record<string, string> {
  const component = stringifyEntityRef(entity);
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return { component };
  try {
    return {
      component,
      owner: stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    };
  } catch {
    return { component };
  }
}

/** A component's environments, current ones unless asked for all, and a way to get one. */
export const EntityEnvironmentsContent = () => {
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const component = stringifyEntityRef(entity);
  const [showEnded, setShowEnded] = useState(false);
  const { value, loading, error } = useAsync(
    () =>
      api.listEnvironments({
        scope: 'all',
        component,
        status: showEnded ? undefined : CURRENT_STATUSES,
        limit: 100,
      }),
    `${component}|${showEnded}`,
  );
  const createHref = createEnvironmentPath(prefillFor(entity));
  const name = entity.metadata.title ?? entity.metadata.name;

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center" gap="3">
        <Text as="p" color="secondary">
          Places to run a change of {name}: a database, a namespace and its
          configuration, removed when they expire.
        </Text>
        <Flex align="center" gap="3">
          <Switch
            className={styles.nowrap}
            label="Show ended"
            isSelected={showEnded}
            onChange={setShowEnded}
          />
          <ButtonLink href={createHref} variant="primary">
            Create environment
          </ButtonLink>
        </Flex>
      </Flex>
      {error && (
        <ErrorAlert title="Could not load environments" error={error} />
      )}
      {!error && !value && <Progress />}
      {value && value.totalCount === 0 && (
        <EmptyState
          title={
            showEnded
              ? `${name} has had no environments`
              : `${name} has no current environments`
          }
          action={
            <ButtonLink href={createHref} variant="primary">
              Create environment
            </ButtonLink>
          }
        >
          The Environment template asks for a class and a name; the component
          and its owner are filled in.
        </EmptyState>
      )}
      {value && value.totalCount > 0 && (
        <>
          <EnvironmentsTable
            items={value.items}
            hide={['component']}
            stale={loading}
          />
          {value.totalCount > value.items.length && (
            <Text as="p" variant="body-small" color="secondary">
              Showing {value.items.length} of {value.totalCount}.
            </Text>
          )}
        </>
      )}
    </Flex>
  );
};
