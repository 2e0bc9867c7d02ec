export { ownershipPlugin as default } from './plugin';
