/**
 * The `postgres` resource driver of the environments backend.
 *
 * @packageDocumentation
 */
export { environmentsModulePostgresDriver as default } from './module';
export { PostgresDriver } from './PostgresDriver';
export { readPostgresDriverConfig } from './config';
export type { PostgresDriverConfig } from './config';
