export { audited } from './audited';
export { requirePermission } from './requirePermission';
export { SessionCache } from './SessionCache';
export type { SessionCacheOptions } from './SessionCache';
export { visibleRows, whereVisible } from './visibleRows';
export type { QueryCondition, RowVisibility } from './visibleRows';
