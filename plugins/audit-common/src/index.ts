export * from './permissions';
export * from './events';
export * from './query';
export * from './api/AuditClient';
