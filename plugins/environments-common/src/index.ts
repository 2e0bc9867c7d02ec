export * from './types';
export * from './permissions';
export * from './schema/environmentClass';
export * from './schema/settable';
export * from './schema/requests';
export * from './api/responses';
export * from './api/EnvironmentsClient';
