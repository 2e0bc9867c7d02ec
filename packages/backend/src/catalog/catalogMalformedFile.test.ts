import { mockCredentials } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  eventually,
  startCatalogBackend,
} from './__testUtils__/catalogTestBackend';

jest.setTimeout(60_000);

const auth = mockCredentials.user.header();

describe('a malformed file in the catalog locations', () => {
  it('does not stop the catalog, which reports the file and loads the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-malformed-'));
    const good = path.join(dir, 'good.yaml');
    const broken = path.join(dir, 'broken.yaml');
    fs.writeFileSync(
      good,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: good-service }\n' +
        'spec: { type: service, lifecycle: production, owner: group:search-team }\n',
    );
    // A mapping that is never closed: not YAML.
    fs.writeFileSync(
      broken,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: [broken\n',
    );

    const { backend, api } = await startCatalogBackend({
      backend: {
        baseUrl: 'http://localhost:7007',
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      catalog: {
        rules: [{ allow: ['Component', 'Location'] }],
        locations: [
          { type: 'file', target: broken },
          { type: 'file', target: good },
        ],
      },
    });

    await eventually(async () => {
      const res = await api
        .get('/api/catalog/entities/by-name/component/default/good-service')
        .set('Authorization', auth);
      return res.status === 200;
    }, 'the well-formed file to load');

    // The broken file's Location entity never finishes processing: the catalog keeps it with
    // its error among the unprocessed entities (the portal's "Unprocessed entities" page), and
    // catalog-backend-module-logs logs it.
    const reported = await eventually(async () => {
      const found = [];
      for (const reason of ['failed', 'pending']) {
        const res = await api
          .get(`/api/catalog/entities/unprocessed/${reason}`)
          .set('Authorization', auth);
        expect(res.status).toBe(200);
        found.push(...res.body.entities);
      }
      return found.find(
        (e: any) =>
          e.unprocessed_entity?.spec?.target === broken && e.errors?.length,
      );
    }, 'the malformed file to be reported');
    expect(reported.errors[0].message).toContain(
      `YAML error at file:${broken}`,
    );
    await backend.stop();
  });
});
