export { useAsync } from './useAsync';
export type { AsyncState } from './useAsync';
export { patchParams, useUrlParams } from './useUrlParams';
export type { ParamValue } from './useUrlParams';
