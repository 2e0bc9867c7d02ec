import { createTestDatabases } from '@internal/testing';
import { isEnvironmentOwner } from '@internal/plugin-environments-common';
import { DatabaseEnvironmentStore } from '../database/DatabaseEnvironmentStore';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  isEnvironmentOwnerRule,
  transformEnvironmentConditions,
} from './environmentRules';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const now = new Date(Date.UTC(2026, 10, 24, 12));

function environment(id: string, owner: string) {
  return {
    id,
    name: id,
    className: 'preview',
    owner,
    createdBy: 'user:default/ana',
    status: 'requested' as const,
    expiresAt: new Date(now.getTime() + 3600_000),
    resources: [{ name: 'config', type: 'config', parameters: {} }],
  };
}

describe('IS_ENVIRONMENT_OWNER', () => {
  it('matches an environment whose owner is one of the claims, ignoring case', () => {
    const env = { owner: 'group:default/payments-team' } as any;
    const apply = (claims: string[]) =>
      isEnvironmentOwnerRule.apply(env, { claims });
    expect(apply(['user:default/ana', 'Group:default/Payments-Team'])).toBe(
      true,
    );
    expect(apply(['user:default/ana', 'group:default/search-team'])).toBe(
      false,
    );
  });
});

describe.each(databases.eachSupportedId())(
  'a list under a conditional decision on %s',
  databaseId => {
    it('holds only the rows the conditions allow, and counts only those', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = new DatabaseEnvironmentStore(knex);
      for (const [id, owner] of [
        ['p1', 'group:default/payments-team'],
        ['p2', 'group:default/payments-team'],
        ['s1', 'group:default/search-team'],
        ['u1', 'user:default/ana'],
      ]) {
        await store.create(environment(id, owner), { now });
      }
      const list = (
        conditions: Parameters<typeof transformEnvironmentConditions>[0],
      ) =>
        store.list(
          {
            visibility: {
              all: false,
              criteria: transformEnvironmentConditions(conditions),
            },
          },
          { limit: 10, offset: 0 },
        );

      const ana = await list(
        isEnvironmentOwner(['user:default/ana', 'group:default/payments-team']),
      );
      expect(ana.items.map(e => e.id).sort()).toEqual(['p1', 'p2', 'u1']);
      expect(ana.totalCount).toBe(3);

      const notPayments = await list({
        not: isEnvironmentOwner(['group:default/payments-team']),
      });
      expect(notPayments.items.map(e => e.id).sort()).toEqual(['s1', 'u1']);

      const nobody = await list(isEnvironmentOwner([]));
      expect(nobody).toEqual({ items: [], totalCount: 0 });
    });
  },
);
