import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  createConditionTransformer,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { createTestDatabases } from '@internal/testing';
import { z } from 'zod';
import {
  ListVisibility,
  QueryCondition,
  visibleRows,
  whereVisible,
} from './visibleRows';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const read = createPermission({
  name: 'thing.read',
  attributes: { action: 'read' },
  resourceType: 'thing',
});
type Thing = { owner: string; kind: string };
const thingRef = createPermissionResourceRef<Thing, QueryCondition>().with({
  pluginId: 'things',
  resourceType: 'thing',
});
const rules = [
  createPermissionRule({
    name: 'IS_OWNER',
    description: 'owned by one of the claims',
    resourceRef: thingRef,
    paramsSchema: z.object({ claims: z.array(z.string()) }),
    apply: (thing, { claims }) => claims.includes(thing.owner),
    toQuery:
      ({ claims }) =>
      q =>
        q.whereIn('owner', claims),
  }),
  createPermissionRule({
    name: 'HAS_KIND',
    description: 'of a kind',
    resourceRef: thingRef,
    paramsSchema: z.object({ kind: z.string() }),
    apply: (thing, { kind }) => thing.kind === kind,
    toQuery:
      ({ kind }) =>
      q =>
        q.where('kind', kind),
  }),
];
const transform = createConditionTransformer<QueryCondition, typeof rules>(
  rules,
);
const owner = (...claims: string[]): PermissionCondition => ({
  rule: 'IS_OWNER',
  resourceType: 'thing',
  params: { claims },
});
const kind = (k: string): PermissionCondition => ({
  rule: 'HAS_KIND',
  resourceType: 'thing',
  params: { kind: k },
});

describe('visibleRows', () => {
  it('turns ALLOW into all rows, CONDITIONAL into criteria and DENY into a 403', async () => {
    const credentials = mockCredentials.user();
    const decide = (decision: object) =>
      mockServices.permissions.mock({
        authorizeConditional: async () => [decision as any],
      });
    await expect(
      visibleRows(
        decide({ result: AuthorizeResult.ALLOW }),
        read,
        credentials,
        transform,
      ),
    ).resolves.toEqual({ all: true });
    const conditions = owner('group:default/a');
    const conditional = await visibleRows(
      decide({ result: AuthorizeResult.CONDITIONAL, conditions }),
      read,
      credentials,
      transform,
    );
    expect(conditional.all).toBe(false);
    await expect(
      visibleRows(
        decide({ result: AuthorizeResult.DENY }),
        read,
        credentials,
        transform,
      ),
    ).rejects.toThrow('Not allowed: thing.read');
    await expect(
      visibleRows(
        decide({
          result: AuthorizeResult.CONDITIONAL,
          conditions: {
            rule: 'IS_SOMETHING_ELSE',
            resourceType: 'thing',
            params: {},
          },
        }),
        read,
        credentials,
        transform,
      ),
    ).rejects.toThrow(/Not allowed: thing\.read \(.*IS_SOMETHING_ELSE/);
  });
});

describe('ListVisibility', () => {
  it("asks the policy once per session and list, and again for another caller's session", async () => {
    const permissions = mockServices.permissions.mock({
      authorizeConditional: async () => [{ result: AuthorizeResult.ALLOW }],
    });
    const list = new ListVisibility(permissions, read, transform);
    const session = (ref: string, expiresAt: number) => ({
      ...mockCredentials.user(ref),
      expiresAt: new Date(expiresAt),
    });
    const later = Date.now() + 3_600_000;
    await list.forCaller(session('user:default/a', later));
    await list.forCaller(session('user:default/a', later));
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    await list.forCaller(session('user:default/b', later));
    await list.forCaller(session('user:default/a', later + 1000));
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
  });
});

describe.each(databases.eachSupportedId())('whereVisible on %p', id => {
  async function namesVisibleTo(
    criteria: PermissionCriteria<PermissionCondition> | undefined,
  ) {
    const db = await databases.init(id);
    const table = `things_${Math.random().toString(36).slice(2, 8)}`;
    await db.schema.createTable(table, t => {
      t.string('name');
      t.string('owner');
      t.string('kind');
    });
    await db(table).insert([
      { name: 'a1', owner: 'group:default/a', kind: 'service' },
      { name: 'a2', owner: 'group:default/a', kind: 'library' },
      { name: 'b1', owner: 'group:default/b', kind: 'service' },
      { name: 'c1', owner: 'group:default/c', kind: 'service' },
    ]);
    const query = db(table).select('name').orderBy('name');
    whereVisible(
      query,
      criteria ? { all: false, criteria: transform(criteria) } : { all: true },
    );
    const rows = await query;
    await db.schema.dropTable(table);
    return rows.map((r: { name: string }) => r.name);
  }

  it('filters rows by conditions, with allOf, anyOf and not', async () => {
    expect(await namesVisibleTo(undefined)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(await namesVisibleTo(owner('group:default/a'))).toEqual([
      'a1',
      'a2',
    ]);
    expect(
      await namesVisibleTo({
        allOf: [owner('group:default/a', 'group:default/b'), kind('service')],
      }),
    ).toEqual(['a1', 'b1']);
    expect(
      await namesVisibleTo({
        anyOf: [owner('group:default/c'), kind('library')],
      }),
    ).toEqual(['a2', 'c1']);
    expect(await namesVisibleTo({ not: owner('group:default/a') })).toEqual([
      'b1',
      'c1',
    ]);
    // An owner rule combined with a negated kind, inside anyOf: grouping must hold.
    expect(
      await namesVisibleTo({
        anyOf: [
          { allOf: [owner('group:default/a'), { not: kind('service') }] },
          owner('group:default/c'),
        ],
      }),
    ).toEqual(['a2', 'c1']);
  });

  it('fails closed: an empty anyOf shows no row', async () => {
    expect(await namesVisibleTo({ anyOf: [] } as any)).toEqual([]);
  });
});
