export * from './permissions';
export * from './schema/ingest';
export * from './schema/deploys';
export * from './types';
export * from './dora';
export * from './metrics';
export * from './api/DeliveryClient';
