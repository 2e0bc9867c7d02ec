export { audited } from './audited';
export { requirePermission } from './requirePermission';
export { visibleRows, whereVisible } from './visibleRows';
export type { RowVisibility, RuleQueries } from './visibleRows';
