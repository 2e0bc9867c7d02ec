export { auditPlugin as default } from './plugin';
export { auditApiRef } from './api/auditApiRef';
export type { AuditApi } from './api/auditApiRef';
