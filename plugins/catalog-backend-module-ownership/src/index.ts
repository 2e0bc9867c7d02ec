export { catalogModuleOwnership as default } from './module';
export { OwnershipProcessor, withOwnershipStatus } from './OwnershipProcessor';
export { CatalogOwnerDirectory, knownOwnerOf } from './OwnerDirectory';
export type { OwnerDirectory } from './OwnerDirectory';
