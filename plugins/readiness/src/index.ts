export { readinessPlugin as default } from './plugin';
export { readinessApiRef } from './api/readinessApiRef';
export type { ReadinessApi } from './api/readinessApiRef';
