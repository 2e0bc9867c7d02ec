export { ownershipPlugin as default } from './plugin';
export { ownershipApiRef } from './api/ownershipApiRef';
export type { OwnershipApi } from './api/ownershipApiRef';
