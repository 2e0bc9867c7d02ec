import { Deployment } from '@internal/plugin-delivery-common';

/** A version as the service's deployments show it, per environment. */
export type VersionSighting = {
  version: string;
  environment: string;
  commitSha?: string;
  lastSeenAt: Date;
  /** Whether it went live there (succeeded, or later rolled back). */
  live: boolean;
};

/** What a service's Delivery tab shows: what runs where, what is deploying, which versions exist. */
export interface ServiceStateStore {
  /** The latest succeeded deployment per environment (only the environments asked about). */
  current(
    serviceRef: string,
    environments: string[],
  ): Promise<Map<string, Deployment>>;
  /** Deploys awaiting approval, queued or running. */
  active(serviceRef: string): Promise<Deployment[]>;
  /** Per version and environment, newest first; `limit` distinct versions at most. */
  versions(serviceRef: string, limit: number): Promise<VersionSighting[]>;
}
