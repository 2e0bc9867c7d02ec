export {
  ActionFailure,
  asActionFailure,
  reportingRefusals,
} from './actionFailure';
export { audited } from './audited';
export { containsPattern, LIKE_ESCAPED } from './containsPattern';
export { requirePermission } from './requirePermission';
export { SessionCache } from './SessionCache';
export type { SessionCacheOptions } from './SessionCache';
export { ListVisibility, visibleRows, whereVisible } from './visibleRows';
export type { QueryCondition, RowVisibility } from './visibleRows';
export { checkJson, jsonBody, jsonProblem, MAX_JSON_DEPTH } from './jsonBody';
export {
  groupRefOf,
  Ownership,
  PLATFORM_TEAM_KEY,
  platformTeamOf,
} from './ownership';
export type { Caller } from './ownership';
export { checkInput, fieldPath, parseInput, passThrough } from './parseInput';
