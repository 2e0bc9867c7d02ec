export type { FactProvider, CollectedFact } from './FactProvider';
export {
  readinessFactProvidersExtensionPoint,
  readinessChecksExtensionPoint,
} from './extensions';
export type {
  ReadinessFactProvidersExtensionPoint,
  ReadinessChecksExtensionPoint,
} from './extensions';
