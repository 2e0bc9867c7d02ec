export { audited } from './audited';
export { requirePermission } from './requirePermission';
