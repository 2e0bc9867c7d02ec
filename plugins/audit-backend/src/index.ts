export { auditPlugin as default } from './plugin';
export { auditorServiceFactory } from './auditor/auditorServiceFactory';
