import { ReactNode, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Alert,
  Button,
  Container,
  Flex,
  Header,
  Skeleton,
  Text,
} from '@backstage/ui';
import {
  AuditEvent,
  auditEventsReadPermission,
} from '@internal/plugin-audit-common';
import { auditApiRef } from '../../api/auditApiRef';
import { PLATFORM_TEAM_ONLY } from '../AuditNavIcon';
import { AuditFilters } from './AuditFilters';
import { DownloadCsvButton } from './DownloadCsvButton';
import { errorMessage, isForbidden } from './errors';
import { EventDetailDialog } from './EventDetailDialog';
import { EventsTable } from './EventsTable';
import { toApiFilter, useAuditFilters } from './useAuditFilters';
import { useEventPages } from './useEventPages';

const DESCRIPTION =
  'Every audited action in the portal: who did what to which target, and how it ended.';

const PlatformTeamOnly = () => (
  <Alert
    status="info"
    title={PLATFORM_TEAM_ONLY}
    description="It names people, IP addresses and what they changed, so only the platform team may read it (permission audit.events.read). Ask them if you need an event."
  />
);

const AuditLayout = (props: { actions?: ReactNode; body: ReactNode }) => (
  <>
    <Header
      title="Audit trail"
      description={DESCRIPTION}
      customActions={props.actions}
    />
    <Container my="4">{props.body}</Container>
  </>
);

const AuditTrail = () => {
  const api = useApi(auditApiRef);
  const { filters, update } = useAuditFilters();
  const pages = useEventPages(
    api,
    () => toApiFilter(filters, new Date()),
    JSON.stringify(filters),
  );
  const [open, setOpen] = useState<AuditEvent>();
  const forbidden = pages.error && isForbidden(pages.error);
  if (forbidden) return <AuditLayout body={<PlatformTeamOnly />} />;

  const plugins = [...new Set((pages.events ?? []).map(e => e.plugin))];
  return (
    <AuditLayout
      actions={
        <DownloadCsvButton
          filter={pages.query}
          isDisabled={pages.loading || Boolean(pages.error)}
        />
      }
      body={
        <Flex direction="column" gap="4">
          <AuditFilters filters={filters} plugins={plugins} onChange={update} />
          <section aria-label="Events">
            <Flex direction="column" gap="2">
              {pages.error && (
                <Alert status="danger" title={errorMessage(pages.error)} />
              )}
              {!pages.events && !pages.error && <Skeleton height={200} />}
              {pages.events && !pages.error && (
                <EventsTable
                  events={pages.events}
                  stale={pages.loading}
                  onOpen={setOpen}
                />
              )}
              {pages.moreError && (
                <Alert status="danger" title={errorMessage(pages.moreError)} />
              )}
              {pages.events && !pages.error && (
                <Flex align="center" gap="3">
                  {pages.hasMore ? (
                    <Button
                      variant="secondary"
                      isPending={pages.loadingMore}
                      onPress={pages.loadMore}
                    >
                      Load more
                    </Button>
                  ) : null}
                  <Text variant="body-small" color="secondary">
                    {pages.events.length} event
                    {pages.events.length === 1 ? '' : 's'}
                    {pages.hasMore ? ' shown, older ones follow' : ''}
                  </Text>
                </Flex>
              )}
            </Flex>
          </section>
          <EventDetailDialog event={open} onClose={() => setOpen(undefined)} />
        </Flex>
      }
    />
  );
};

/** The cross-plugin audit trail: filter, page back in time, open an event, export CSV. */
export const AuditPage = () => {
  const permission = usePermission({ permission: auditEventsReadPermission });
  if (permission.allowed) return <AuditTrail />;
  return (
    <AuditLayout
      body={
        permission.loading ? <Skeleton height={200} /> : <PlatformTeamOnly />
      }
    />
  );
};
