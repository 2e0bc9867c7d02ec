import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity, EntityStatusItem } from '@backstage/catalog-model/alpha';
import { CatalogProcessor } from '@backstage/plugin-catalog-node';
import {
  escalationProblems,
  isOwnedKind,
  onCallProblems,
  OWNERSHIP_STATUS_TYPE,
  OwnershipProblem,
  ownerProblems,
  ownerRefOf,
} from '@internal/plugin-ownership-common';
import { OwnerDirectory } from './OwnerDirectory';

/**
 * Checks the ownership of every Component, API, Resource and System and writes what it finds
 * into the entity's `status.items` (type `runway.dev/ownership`), keeping the entity.
 *
 * Why status items and not `processingResult.inputError`: an emitted error fails the whole
 * processing run, so a new entity never enters the catalog and an edited one stays at its last
 * good version until the problem is fixed. That is right for a broken descriptor, too harsh for
 * an owner that has not been loaded yet or a typo in an escalation policy. The catalog's
 * stitcher keeps the processed entity's `status` and appends its own processing errors to it,
 * so these items show on the entity (API, entity page card, ownership page) and clear on the
 * next processing run once the cause is gone. See docs/ownership.md.
 */
export class OwnershipProcessor implements CatalogProcessor {
  constructor(
    private readonly owners: OwnerDirectory,
    private readonly logger: LoggerService,
  ) {}

  getProcessorName(): string {
    return 'OwnershipProcessor';
  }

  async postProcessEntity(entity: Entity): Promise<AlphaEntity> {
    if (!isOwnedKind(entity)) return entity;
    const annotations = entity.metadata.annotations ?? {};
    const problems: OwnershipProblem[] = [
      ...(await this.ownerProblemsOf(entity)),
      ...onCallProblems(annotations),
      ...escalationProblems(annotations),
    ];
    return withOwnershipStatus(entity, problems);
  }

  private async ownerProblemsOf(entity: Entity): Promise<OwnershipProblem[]> {
    const ref = ownerRefOf(entity);
    if (!ref) return ownerProblems(entity, undefined);
    try {
      return ownerProblems(entity, await this.owners.find(ref));
    } catch (error) {
      // The catalog API is not reachable (e.g. while the backend starts): say nothing about
      // the owner rather than report a problem that may not exist; the next run checks again.
      this.logger.warn(`Could not look up owner ${ref}: ${error}`);
      return [];
    }
  }
}

/** The entity with its ownership status items replaced by `problems` (others kept). */
export function withOwnershipStatus(
  entity: AlphaEntity,
  problems: OwnershipProblem[],
): AlphaEntity {
  const others = (entity.status?.items ?? []).filter(
    item => item.type !== OWNERSHIP_STATUS_TYPE,
  );
  const items: EntityStatusItem[] = [
    ...others,
    ...problems.map(p => ({
      type: OWNERSHIP_STATUS_TYPE,
      level: p.level,
      message: p.message,
      // `error` carries the machine-readable code and field for the page and API readers.
      error: {
        name: 'OwnershipProblem',
        message: p.message,
        code: p.code,
        field: p.field,
      },
    })),
  ];
  const { status: _previous, ...rest } = entity;
  return items.length ? { ...rest, status: { ...entity.status, items } } : rest;
}
