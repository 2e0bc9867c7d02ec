import { useMemo } from 'react';
import { Container, Flex, Header } from '@backstage/ui';
import { ConstraintCallout } from './ConstraintCallout';
import { DownloadCsvButton } from './DownloadCsvButton';
import { HeatmapSection } from './HeatmapSection';
import { OverviewFilters } from './OverviewFilters';
import { useOrganisationRollup, useOverview, useOwners } from './useOverview';
import {
  toFilterQuery,
  toPageQuery,
  useOverviewFilters,
} from './useOverviewFilters';

/** The platform team's view: the constraint, then every scored entity by capability. */
export const ReadinessOverviewPage = () => {
  const { filters, update } = useOverviewFilters();
  const pageQuery = useMemo(() => toPageQuery(filters), [filters]);
  const csvQuery = useMemo(() => toFilterQuery(filters), [filters]);
  const overview = useOverview(pageQuery);
  const organisation = useOrganisationRollup();
  const owners = useOwners();

  return (
    <>
      <Header
        title="Organisation overview"
        description="How ready every scored service is on the six platform capabilities."
        customActions={<DownloadCsvButton query={csvQuery} />}
      />
      <Container my="4">
        <Flex direction="column" gap="5">
          <ConstraintCallout state={organisation} />
          <section aria-label="Entities">
            <Flex direction="column" gap="3">
              <OverviewFilters
                filters={filters}
                owners={owners.value ?? []}
                onChange={update}
              />
              <HeatmapSection
                state={overview}
                filters={filters}
                update={update}
              />
            </Flex>
          </section>
        </Flex>
      </Container>
    </>
  );
};
