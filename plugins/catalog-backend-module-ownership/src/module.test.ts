import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AlphaEntity as Entity } from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { eventually, orgYaml } from './__testUtils__/catalogFiles';
import { catalogModuleOwnership } from './module';

jest.setTimeout(90_000);

const auth = mockCredentials.user.header();

const components = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: good-service }
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: early-service
  annotations:
    pagerduty.com/service-id: PX1A2B3
    opsgenie.com/component-selector: 'tag:"service:early"'
spec: { type: service, lifecycle: production, owner: late-team }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ghost-api, annotations: { runway.dev/escalation-policy: 'a -> a' } }
spec: { type: openapi, lifecycle: production, owner: empty-team, definition: 'openapi: 3.0.0' }
`;

describe('catalog module ownership, in real catalog processing', () => {
  it('keeps entities with problems, shows them as status items, and clears them once fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-ownership-'));
    const org = path.join(dir, 'org.yaml');
    fs.writeFileSync(path.join(dir, 'components.yaml'), components);
    fs.writeFileSync(org, orgYaml({ 'team-a': ['ana'], 'empty-team': [] }));

    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleOwnership,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            catalog: {
              // Re-process every 1-1.5 s so the test sees the periodic re-check.
              processingInterval: { seconds: 1 },
              rules: [
                { allow: ['Component', 'API', 'Group', 'User', 'Location'] },
              ],
              locations: [
                { type: 'file', target: path.join(dir, 'components.yaml') },
                { type: 'file', target: org },
              ],
            },
            ownership: { catalog: { ownerCacheSeconds: 1 } },
          },
        }),
      ],
    });
    const api = request(backend.server);
    const entity = async (ref: string): Promise<Entity | undefined> => {
      const res = await api
        .get(`/api/catalog/entities/by-name/${ref}`)
        .set('Authorization', auth);
      return res.status === 200 ? res.body : undefined;
    };
    const problems = (e: Entity | undefined) =>
      (e?.status?.items ?? [])
        .filter(i => i.type === 'runway.dev/ownership')
        .map(i => i.error?.code)
        .sort();

    // The owner has no Group yet: the entity is in the catalog all the same, with the problems.
    const early = await eventually(async () => {
      const e = await entity('component/default/early-service');
      return problems(e).includes('owner-unresolved') ? e : undefined;
    }, 'early-service with an unresolved owner');
    expect(problems(early)).toEqual(['oncall-malformed', 'owner-unresolved']);
    expect(early?.status?.items).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message:
          'spec.owner "late-team" does not resolve: no Group group:default/late-team in the catalog',
      }),
    );

    await eventually(async () => {
      const e = await entity('api/default/ghost-api');
      return problems(e).includes('owner-without-members') ? e : undefined;
    }, 'ghost-api owned by a group without members');
    expect(problems(await entity('api/default/ghost-api'))).toEqual([
      'escalation-malformed',
      'owner-without-members',
    ]);
    await eventually(
      async () =>
        (
          await entity('component/default/good-service')
        )?.metadata.uid,
      'good-service',
    );
    expect(
      (await entity('component/default/good-service'))?.status,
    ).toBeUndefined();

    // The team appears (and empty-team gets a member): the next processing runs clear it.
    fs.writeFileSync(
      org,
      orgYaml({ 'team-a': ['ana'], 'empty-team': ['bo'], 'late-team': ['cy'] }),
    );
    await eventually(async () => {
      const e = await entity('component/default/early-service');
      return problems(e).join() === 'oncall-malformed';
    }, 'the unresolved owner to clear by itself');
    await eventually(async () => {
      const e = await entity('api/default/ghost-api');
      return problems(e).join() === 'escalation-malformed';
    }, 'the member-less group problem to clear');
    await backend.stop();
  });
});
