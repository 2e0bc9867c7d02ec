import { usePermission } from '@backstage/plugin-permission-react';
import { auditEventsReadPermission } from '@internal/plugin-audit-common';
import { RiFileList3Line, RiLockLine } from '@remixicon/react';

export const PLATFORM_TEAM_ONLY = 'The audit trail is for the platform team';

/**
 * The sidebar icon of the audit page. Someone without `audit.events.read` sees a lock whose
 * tooltip says who the page is for, instead of finding out from the page.
 */
export const AuditNavIcon = () => {
  const { loading, allowed } = usePermission({
    permission: auditEventsReadPermission,
  });
  if (loading || allowed) return <RiFileList3Line size={24} />;
  return (
    <span
      title={PLATFORM_TEAM_ONLY}
      role="img"
      aria-label={PLATFORM_TEAM_ONLY}
      style={{ display: 'inline-flex' }}
    >
      <RiLockLine size={24} aria-hidden />
    </span>
  );
};
