export { environmentsPlugin as default } from './plugin';
export { environmentsApiRef } from './api/environmentsApiRef';
export type { EnvironmentsApi } from './api/environmentsApiRef';
