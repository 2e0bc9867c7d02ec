export { audited } from './audited';
export { requirePermission } from './requirePermission';
export { visibleRows, whereVisible } from './visibleRows';
export type { QueryCondition, RowVisibility } from './visibleRows';
