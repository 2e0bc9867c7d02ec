import { NotFoundError } from '@backstage/errors';
import {
  Deployment,
  KnownVersion,
  ServiceEnvironment,
  ServiceEnvironmentsResponse,
} from '@internal/plugin-delivery-common';
import { ServiceStateStore } from '../database/ServiceStateStore';
import { FreezeCalendar } from './FreezeCalendar';
import { ServiceCatalog, ServiceInfo } from './ServiceCatalog';
import { DeliverySettings } from './settings';

/**
 * A service's environments as its Delivery tab shows them: along its deploy path, what is live,
 * what is deploying, which freeze window is in force; and the versions its deployments have seen.
 */
export class ServiceEnvironments {
  private readonly freeze: FreezeCalendar;

  constructor(
    private readonly deps: {
      store: ServiceStateStore;
      services: ServiceCatalog;
      settings: DeliverySettings;
      /** The platform team's group (runway.platformTeam), shown to owners. */
      platformTeam: string;
      now?: () => Date;
    },
  ) {
    this.freeze = new FreezeCalendar(deps.settings.freezeWindows);
  }

  async environments(ref: string): Promise<ServiceEnvironmentsResponse> {
    const service = await this.service(ref);
    const configured = this.deps.settings.environments;
    const path = service.deployPath ?? configured.map(e => e.name);
    const now = this.deps.now?.() ?? new Date();
    const [current, active] = await Promise.all([
      this.deps.store.current(service.ref, path),
      this.deps.store.active(service.ref),
    ]);
    const activeIn = new Map<string, Deployment>();
    for (const d of active)
      if (!activeIn.has(d.environment)) activeIn.set(d.environment, d);
    const environments = path.map((name): ServiceEnvironment => {
      const settings = configured.find(e => e.name === name);
      const frozen = settings && this.freeze.activeWindow(settings.tier, now);
      return {
        name,
        tier: settings?.tier,
        configured: Boolean(settings),
        current: current.get(name),
        active: activeIn.get(name),
        freeze: frozen
          ? { window: frozen.name, description: frozen.description }
          : undefined,
      };
    });
    return {
      service: service.ref,
      owner: service.owner,
      deployPath: path,
      pathFromAnnotation: Boolean(service.deployPath),
      environments,
      platformTeam: this.deps.platformTeam,
    };
  }

  async versions(ref: string, limit: number): Promise<KnownVersion[]> {
    const service = await this.service(ref);
    const sightings = await this.deps.store.versions(service.ref, limit);
    const byVersion = new Map<string, KnownVersion>();
    // Newest first: the first sighting of a version is its latest.
    for (const s of sightings) {
      const known = byVersion.get(s.version) ?? {
        version: s.version,
        commitSha: s.commitSha,
        lastSeenAt: s.lastSeenAt.toISOString(),
        liveIn: [],
      };
      known.commitSha ??= s.commitSha;
      if (s.live && !known.liveIn.includes(s.environment))
        known.liveIn.push(s.environment);
      byVersion.set(s.version, known);
    }
    return [...byVersion.values()];
  }

  private async service(ref: string): Promise<ServiceInfo> {
    const found = (await this.deps.services.resolve([ref])).get(ref);
    if (!found)
      throw new NotFoundError(`Unknown service: ${ref} is not in the catalog`);
    return found;
  }
}
