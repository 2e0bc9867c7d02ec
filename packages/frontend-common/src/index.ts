export { useAsync } from './useAsync';
export type { AsyncState } from './useAsync';
