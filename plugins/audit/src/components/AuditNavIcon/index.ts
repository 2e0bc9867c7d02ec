export { AuditNavIcon, PLATFORM_TEAM_ONLY } from './AuditNavIcon';
