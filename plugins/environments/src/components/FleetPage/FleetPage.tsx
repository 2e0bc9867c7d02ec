import { ReactNode, useState } from 'react';
import { Progress } from '@backstage/core-components';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import { EnvironmentSummary } from '@internal/plugin-environments-common';
import { EnvironmentsTable } from '../shared/EnvironmentsTable';
import { ErrorAlert } from '../shared/ErrorAlert';
import { shortRef } from '../shared/links';
import { PageHeader } from '../shared/PageHeader';
import { AsyncState } from '@internal/frontend-common';
import { ApprovalQueue } from './ApprovalQueue';
import { ClassesSection } from './ClassesSection';
import { Count, CountBars } from './CountBars';
import { TemplateUsage } from './TemplateUsage';
import { TEAM_COUNT_LIMIT, useFleet } from './useFleet';
import styles from './FleetPage.module.css';

function countByOwner(items: EnvironmentSummary[]): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(item.owner, (counts.get(item.owner) ?? 0) + 1);
  }
  return [...counts].map(([owner, count]) => ({
    key: owner,
    label: shortRef(owner),
    count,
  }));
}

const Tile = ({
  label,
  value,
  tone,
}: {
  label: string;
  value: number | undefined;
  tone?: 'warning' | 'danger';
}) => {
  let toneClass = '';
  if (value && tone === 'warning') toneClass = styles.tileWarning;
  if (value && tone === 'danger') toneClass = styles.tileDanger;
  return (
    <div className={`${styles.tile} ${toneClass}`} aria-label={label}>
      <div className={styles.tileValue}>{value ?? '…'}</div>
      <Text as="div" variant="body-small" color="secondary">
        {label}
      </Text>
    </div>
  );
};

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => (
  <Card>
    <CardHeader>
      <Text as="h2" variant="title-small">
        {title}
      </Text>
    </CardHeader>
    <CardBody>{children}</CardBody>
  </Card>
);

/** A section's loading and error states, then its content. */
function Loaded<T>({
  state,
  what,
  children,
}: {
  state: AsyncState<T>;
  what: string;
  children: (value: T) => ReactNode;
}) {
  if (state.error) {
    return <ErrorAlert title={`Could not load ${what}`} error={state.error} />;
  }
  if (state.value === undefined) return <Progress />;
  return <>{children(state.value)}</>;
}

/** The platform team's view: what waits for them, what failed, what expires, and the classes. */
export const FleetPage = () => {
  const [generation, setGeneration] = useState(0);
  const fleet = useFleet(generation);
  const refresh = () => setGeneration(g => g + 1);

  return (
    <>
      <PageHeader
        active="fleet"
        title="Fleet"
        description="Every team's environments: approvals waiting, failures, what expires soon, and how each class and template is used."
        actions={
          <Button variant="secondary" onPress={refresh}>
            Refresh
          </Button>
        }
      />
      <Container my="4">
        <Flex direction="column" gap="5">
          <div className={styles.tiles} aria-label="Fleet summary" role="group">
            <Tile label="Active" value={fleet.active.value?.totalCount} />
            <Tile
              label="Awaiting approval"
              value={fleet.awaiting.value?.totalCount}
              tone="warning"
            />
            <Tile
              label="Failed"
              value={fleet.failed.value?.totalCount}
              tone="danger"
            />
            <Tile
              label="Expiring within 24 h"
              value={fleet.expiring.value?.totalCount}
              tone="warning"
            />
          </div>

          <Section title="Awaiting approval">
            <Loaded
              state={fleet.awaiting}
              what="the requests awaiting approval"
            >
              {value =>
                value.totalCount === 0 ? (
                  <Text as="p" color="secondary">
                    No requests are waiting. Requests for classes that need the
                    platform team's approval show here.
                  </Text>
                ) : (
                  <ApprovalQueue
                    items={value.items}
                    canApprove={fleet.viewer.value?.isPlatformTeam}
                    onDecided={refresh}
                  />
                )
              }
            </Loaded>
          </Section>

          <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
            <Section title="Active by class">
              <Loaded state={fleet.usage} what="usage">
                {usage => (
                  <CountBars
                    label="Active environments by class"
                    counts={usage.classes
                      .filter(u => u.active > 0)
                      .map(u => ({
                        key: u.key,
                        label: u.key,
                        count: u.active,
                      }))}
                    empty="No active environments."
                  />
                )}
              </Loaded>
            </Section>
            <Section title="Active by team">
              <Loaded state={fleet.active} what="active environments">
                {active => (
                  <Flex direction="column" gap="2">
                    <CountBars
                      label="Active environments by team"
                      counts={countByOwner(active.items)}
                      empty="No active environments."
                    />
                    {active.totalCount > active.items.length && (
                      <Text as="p" variant="body-x-small" color="secondary">
                        Counted over the first {TEAM_COUNT_LIMIT} of{' '}
                        {active.totalCount} active environments.
                      </Text>
                    )}
                  </Flex>
                )}
              </Loaded>
            </Section>
          </Grid.Root>

          <Section title="Expiring within 24 hours">
            <Loaded state={fleet.expiring} what="expiring environments">
              {value =>
                value.totalCount === 0 ? (
                  <Text as="p" color="secondary">
                    Nothing expires in the next 24 hours.
                  </Text>
                ) : (
                  <EnvironmentsTable
                    items={[...value.items].sort((a, b) =>
                      a.expiresAt.localeCompare(b.expiresAt),
                    )}
                    hide={['created']}
                  />
                )
              }
            </Loaded>
          </Section>

          <Section title="Failed">
            <Loaded state={fleet.failed} what="failed environments">
              {value =>
                value.totalCount === 0 ? (
                  <Text as="p" color="secondary">
                    No environment is failed.
                  </Text>
                ) : (
                  <EnvironmentsTable items={value.items} hide={['expires']} />
                )
              }
            </Loaded>
          </Section>

          <Section title="Classes">
            <Loaded state={fleet.classes} what="environment classes">
              {classes => (
                <ClassesSection
                  classes={classes}
                  usage={fleet.usage.value?.classes ?? []}
                />
              )}
            </Loaded>
          </Section>

          <Section title="Templates">
            <Loaded state={fleet.usage} what="usage">
              {usage => <TemplateUsage rows={usage.templates} />}
            </Loaded>
          </Section>
        </Flex>
      </Container>
    </>
  );
};
