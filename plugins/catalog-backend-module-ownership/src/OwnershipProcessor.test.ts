import { mockServices } from '@backstage/backend-test-utils';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { KnownOwner } from '@internal/plugin-ownership-common';
import { OwnerDirectory } from './OwnerDirectory';
import { OwnershipProcessor } from './OwnershipProcessor';

/** An in-memory directory: the owners the catalog would return. */
class StaticDirectory implements OwnerDirectory {
  constructor(private readonly owners: KnownOwner[] | Error) {}
  async find(ref: string) {
    if (this.owners instanceof Error) throw this.owners;
    return this.owners.find(o => o.ref === ref);
  }
}

const payments: KnownOwner = {
  ref: 'group:default/payments-team',
  kind: 'group',
  memberCount: 2,
};

const entity = (
  over: Partial<AlphaEntity> & { owner?: string },
): AlphaEntity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: over.kind ?? 'Component',
  metadata: { name: 'svc', namespace: 'default', ...over.metadata },
  spec: { type: 'service', lifecycle: 'production', owner: over.owner },
  ...(over.status && { status: over.status }),
});

const processor = (owners: KnownOwner[] | Error = [payments]) =>
  new OwnershipProcessor(
    new StaticDirectory(owners),
    mockServices.logger.mock(),
  );

describe('OwnershipProcessor', () => {
  it('leaves a well-owned entity as it is', async () => {
    const e = entity({
      owner: 'payments-team',
      metadata: {
        name: 'svc',
        annotations: {
          'pagerduty.com/service-id': 'PX1A2B3',
          'runway.dev/escalation-policy': 'oncall -> lead',
        },
      },
    });
    expect(await processor().postProcessEntity(e)).toEqual(e);
  });

  it('writes every problem as a status item, keeping other items', async () => {
    const catalogItem = { type: 'other', level: 'info' as const, message: 'x' };
    const result = await processor().postProcessEntity(
      entity({
        owner: 'legacy-team',
        status: { items: [catalogItem] },
        metadata: {
          name: 'svc',
          annotations: {
            'pagerduty.com/service-id': 'p1',
            'runway.dev/escalation-policy': 'oncall',
          },
        },
      }),
    );
    expect(result.status?.items?.[0]).toEqual(catalogItem);
    expect(
      result.status?.items?.slice(1).map(i => [i.level, i.error?.code]),
    ).toEqual([
      ['error', 'owner-unresolved'],
      ['warning', 'oncall-malformed'],
      ['warning', 'escalation-malformed'],
    ]);
    expect(result.status?.items?.[1]).toMatchObject({
      type: 'runway.dev/ownership',
      message:
        'spec.owner "legacy-team" does not resolve: no Group group:default/legacy-team in the catalog',
      error: { field: 'spec.owner' },
    });
  });

  it('replaces its own earlier items instead of adding to them', async () => {
    const p = processor();
    const once = await p.postProcessEntity(entity({ owner: 'legacy-team' }));
    const twice = await p.postProcessEntity(once);
    expect(twice.status?.items).toHaveLength(1);
    const fixed = await p.postProcessEntity({
      ...twice,
      spec: { ...twice.spec, owner: 'payments-team' },
    });
    expect(fixed.status).toBeUndefined();
  });

  it('checks systems, APIs and resources, not groups or templates', async () => {
    for (const kind of ['System', 'API', 'Resource']) {
      const r = await processor().postProcessEntity(
        entity({ kind, owner: 'nobody' }),
      );
      expect(r.status?.items).toHaveLength(1);
    }
    const group = entity({ kind: 'Group', owner: 'nobody' });
    expect(await processor().postProcessEntity(group)).toBe(group);
  });

  it('says nothing about the owner when the catalog cannot be read', async () => {
    const r = await processor(new Error('ECONNREFUSED')).postProcessEntity(
      entity({ owner: 'legacy-team' }),
    );
    expect(r.status).toBeUndefined();
  });
});
