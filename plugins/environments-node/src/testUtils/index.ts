export { driverContext, recordingLogger } from './driverContext';
export type { LogLines } from './driverContext';
