export { catalogModuleOwnership as default } from './module';
export { OwnershipProcessor, withOwnershipStatus } from './OwnershipProcessor';
export { CatalogOwnerDirectory } from './OwnerDirectory';
export type { OwnerDirectory } from './OwnerDirectory';
