export { useAsync } from './useAsync';
export type { AsyncState } from './useAsync';
export { useUrlParams } from './useUrlParams';
export type { ParamValue } from './useUrlParams';
