import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  EntitiesQuery,
  OwnedEntitiesResponse,
  OwnedEntity,
  TeamsQuery,
  TeamsResponse,
} from '@internal/plugin-ownership-common';
import { isOrphaned, ownedEntities, summaryOf, teams } from './buildReport';
import { OwnershipSources } from './sources';

type Filters<T> = Omit<T, 'format'>;

const teamRefOf = (team: string) => {
  const t = team.toLocaleLowerCase('en-US');
  if (t.includes(':')) return t.includes('/') ? t : t.replace(':', ':default/');
  return `group:default/${t}`;
};

/** The ownership report: who owns what, what is orphaned, which teams are at risk. */
export class OwnershipService {
  constructor(
    private readonly sources: OwnershipSources,
    private readonly logger: LoggerService,
  ) {}

  async listEntities(
    filters: Filters<EntitiesQuery>,
    credentials: BackstageCredentials,
  ): Promise<OwnedEntitiesResponse> {
    const snapshot = await this.sources.catalog(credentials);
    const all = ownedEntities(snapshot);
    const allTeams = teams(snapshot, all);
    const items = all.filter(entityFilter(filters));
    return {
      summary: summaryOf(
        all,
        allTeams.length,
        allTeams.filter(t => t.problems.some(p => p.code === 'team-of-one'))
          .length,
      ),
      items: items.sort((a, b) => a.ref.localeCompare(b.ref)),
    };
  }

  async listTeams(
    filters: Filters<TeamsQuery>,
    credentials: BackstageCredentials,
  ): Promise<TeamsResponse> {
    const snapshot = await this.sources.catalog(credentials);
    const entities = ownedEntities(snapshot);
    const selected = teams(snapshot, entities)
      .filter(t => !filters.team || t.ref === teamRefOf(filters.team))
      .filter(
        t =>
          !filters.problem || t.problems.some(p => p.code === filters.problem),
      )
      .sort((a, b) => a.ref.localeCompare(b.ref));

    // Environments and deploys enrich the report; if a plugin is down the rest still shows.
    const unavailable: string[] = [];
    const environments = await this.sources
      .environments(
        selected.map(t => t.ref),
        credentials,
      )
      .catch(error => {
        this.logger.warn(
          `Environments unavailable for the ownership report: ${error}`,
        );
        unavailable.push('environments');
        return new Map();
      });
    const services = selected.flatMap(t =>
      t.owned.filter(o => o.kind === 'component').map(o => o.ref),
    );
    const deployments = await this.sources
      .deployments(services, credentials)
      .catch(error => {
        this.logger.warn(
          `Delivery unavailable for the ownership report: ${error}`,
        );
        unavailable.push('delivery');
        return [];
      });
    return {
      items: selected.map(t => {
        const owns = new Set(t.owned.map(o => o.ref));
        return {
          ...t,
          environments: environments.get(t.ref) ?? [],
          deployments: deployments.filter(d => owns.has(d.service)),
        };
      }),
      unavailable,
    };
  }
}

function entityFilter(filters: Filters<EntitiesQuery>) {
  const team = filters.team ? teamRefOf(filters.team) : undefined;
  return (e: OwnedEntity) =>
    (!team || e.ownerRef === team) &&
    (!filters.kind || e.kind === filters.kind) &&
    (!filters.lifecycle ||
      e.lifecycle?.toLocaleLowerCase('en-US') === filters.lifecycle) &&
    (!filters.problem ||
      (filters.problem === 'orphaned'
        ? isOrphaned(e)
        : e.problems.some(p => p.code === filters.problem)));
}
