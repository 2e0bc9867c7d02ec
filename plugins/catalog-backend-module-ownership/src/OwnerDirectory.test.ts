import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { knownOwnerOf } from '@internal/plugin-ownership-common';
import { CatalogOwnerDirectory } from './OwnerDirectory';

const group = (name: string, members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    ...members.map(m => ({ type: 'hasMember', targetRef: m })),
    { type: 'childOf', targetRef: 'group:default/engineering' },
  ],
});

describe('knownOwnerOf', () => {
  it('counts users that are direct members', () => {
    expect(
      knownOwnerOf(group('a', ['user:default/x', 'user:default/y'])),
    ).toEqual({
      ref: 'group:default/a',
      kind: 'group',
      memberCount: 2,
    });
    expect(knownOwnerOf(group('b', []))?.memberCount).toBe(0);
  });
});

describe('CatalogOwnerDirectory', () => {
  it('reads the catalog, then answers from its cache until the ttl passes', async () => {
    let now = 0;
    const entities: Entity[] = [];
    // A fresh in-memory catalog per read, so entities added later are seen.
    const catalog = {
      getEntitiesByRefs: (
        ...args: Parameters<CatalogService['getEntitiesByRefs']>
      ) => catalogServiceMock({ entities }).getEntitiesByRefs(...args),
    } as Pick<CatalogService, 'getEntitiesByRefs'> as CatalogService;
    const directory = new CatalogOwnerDirectory(
      catalog,
      mockServices.auth(),
      30_000,
      () => now,
    );
    expect(await directory.find('group:default/late-team')).toBeUndefined();

    // The group is loaded later (processing order); a "not found" is reused for a second only.
    entities.push(group('late-team', ['user:default/x']));
    now = 999;
    expect(await directory.find('group:default/late-team')).toBeUndefined();
    now = 1000;
    expect(await directory.find('Group:default/Late-Team')).toMatchObject({
      memberCount: 1,
    });

    // A found owner is reused for the whole ttl: a member who joins shows after it.
    entities.splice(
      0,
      1,
      group('late-team', ['user:default/x', 'user:default/y']),
    );
    now = 30_999;
    expect(await directory.find('group:default/late-team')).toMatchObject({
      memberCount: 1,
    });
    now = 31_000;
    expect(await directory.find('group:default/late-team')).toMatchObject({
      memberCount: 2,
    });
  });
});
