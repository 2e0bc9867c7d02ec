import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Container, Flex, Header, Skeleton, Text } from '@backstage/ui';
import { teamsQuerySchema } from '@internal/plugin-ownership-common';
import { ownershipApiRef } from '../../api/ownershipApiRef';
import { errorMessage } from '../shared/errorMessage';
import { useAsync } from '@internal/frontend-common';
import { DownloadCsvButton } from './DownloadCsvButton';
import { EntitiesTable } from './EntitiesTable';
import { OwnershipFilters } from './OwnershipFilters';
import { SummaryTiles } from './SummaryTiles';
import { TeamsTable } from './TeamsTable';
import { useOwnershipFilters } from './useOwnershipFilters';

const TEAM_PROBLEMS: readonly string[] =
  teamsQuerySchema.shape.problem.unwrap().options;

/** Who owns what, and where ownership is missing or fragile. */
export const OwnershipPage = () => {
  const api = useApi(ownershipApiRef);
  const { filters, update } = useOwnershipFilters();
  const key = JSON.stringify(filters);
  const entities = useAsync(() => api.listEntities(filters), key);
  // Teams follow the team filter, and the problem filter when it is one a team can have.
  const teamProblem =
    filters.problem && TEAM_PROBLEMS.includes(filters.problem)
      ? filters.problem
      : undefined;
  const teams = useAsync(
    () => api.listTeams({ team: filters.team, problem: teamProblem }),
    `${filters.team}|${teamProblem}`,
  );
  const allTeams = useAsync(() => api.listTeams(), 'all');

  return (
    <>
      <Header
        title="Ownership"
        description="Every service, API, resource and system with a named, reachable owner, or not."
        customActions={<DownloadCsvButton filters={filters} />}
      />
      <Container my="4">
        <Flex direction="column" gap="5">
          {entities.value && (
            <SummaryTiles
              summary={entities.value.summary}
              selected={filters.problem}
              onSelect={problem => update({ problem })}
            />
          )}
          <OwnershipFilters
            filters={filters}
            teams={(allTeams.value?.items ?? []).map(t => t.ref)}
            onChange={update}
          />
          <section aria-label="Entities">
            <Flex direction="column" gap="2">
              <Text as="h2" variant="title-small">
                Entities
              </Text>
              {entities.error && (
                <Alert status="danger" title={errorMessage(entities.error)} />
              )}
              {!entities.value && !entities.error && <Skeleton height={200} />}
              {entities.value && (
                <EntitiesTable
                  items={entities.value.items}
                  stale={entities.loading}
                />
              )}
            </Flex>
          </section>
          <section aria-label="Teams">
            <Flex direction="column" gap="2">
              <Text as="h2" variant="title-small">
                Teams
              </Text>
              {teams.error && (
                <Alert status="danger" title={errorMessage(teams.error)} />
              )}
              {teams.value?.unavailable.length ? (
                <Alert
                  status="warning"
                  title={`Not shown, could not be read: ${teams.value.unavailable.join(
                    ', ',
                  )}`}
                />
              ) : null}
              {teams.value && (
                <TeamsTable items={teams.value.items} stale={teams.loading} />
              )}
            </Flex>
          </section>
        </Flex>
      </Container>
    </>
  );
};
