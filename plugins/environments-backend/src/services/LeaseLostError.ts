/**
 * A write of a provisioning run found the environment's work lease taken over by another run
 * (a replica that resumed it): nothing was written, and the run stops.
 */
export class LeaseLostError extends Error {
  constructor(environmentId: string) {
    super(`the work lease on environment ${environmentId} was taken over`);
    this.name = 'LeaseLostError';
  }
}
