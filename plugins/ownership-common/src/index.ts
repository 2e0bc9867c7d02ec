export * from './problems';
export * from './rules';
export * from './permissions';
export * from './report';
export * from './schema';
export * from './api/OwnershipClient';
