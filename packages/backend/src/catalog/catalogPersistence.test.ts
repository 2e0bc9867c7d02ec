import { mockCredentials } from '@backstage/backend-test-utils';
import { postgresConnectionForTests } from '@internal/testing';
import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Knex, knex as createKnex } from 'knex';
import {
  eventually,
  startCatalogBackend,
} from './__testUtils__/catalogTestBackend';

jest.setTimeout(120_000);

const auth = mockCredentials.user.header();
const postgres = postgresConnectionForTests();
const prefix = `runway_persist_${process.pid}_`;

// The database settings `make start` (SQLite files) and production (PostgreSQL) use.
const stores: Array<[string, () => JsonObject]> = [
  [
    'SQLite file',
    () => ({
      client: 'better-sqlite3',
      connection: { directory: fs.mkdtempSync(path.join(os.tmpdir(), 'rw-')) },
    }),
  ],
];
if (postgres) {
  stores.push([
    'PostgreSQL',
    () => ({ client: 'pg', connection: postgres, prefix }),
  ]);
}

/** Serves one catalog-info.yaml over HTTP, as a repository host would. */
async function serveComponent(name: string) {
  const yaml = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    `metadata: { name: ${name} }`,
    'spec: { type: service, lifecycle: production, owner: group:payments-team }',
  ].join('\n');
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(yaml);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/${name}/catalog-info.yaml`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe.each(stores)('catalog data on %s', (_name, database) => {
  afterAll(async () => {
    if (!postgres) return;
    const admin: Knex = createKnex({ client: 'pg', connection: postgres });
    const { rows } = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw(`drop database if exists "${datname}" with (force)`);
    }
    await admin.destroy();
  });

  it('keeps a location a user registered, and its entity, across a restart', async () => {
    const repository = await serveComponent('checkout-api');
    const target = repository.url;
    const config = {
      backend: {
        baseUrl: 'http://localhost:7007',
        database: database(),
        reading: { allow: [{ host: repository.host }] },
      },
      catalog: { rules: [{ allow: ['Component', 'Location'] }] },
    };

    const first = await startCatalogBackend(config);
    const created = await first.api
      .post('/api/catalog/locations')
      .set('Authorization', auth)
      .send({ type: 'url', target });
    expect(created.status).toBe(201);
    await eventually(async () => {
      const res = await first.api
        .get('/api/catalog/entities/by-name/component/default/checkout-api')
        .set('Authorization', auth);
      return res.status === 200;
    }, 'the registered component to be processed');
    await first.backend.stop();

    // The repository is gone: whatever the second backend serves came from the database.
    await repository.close();
    const second = await startCatalogBackend(config);
    const locations = await second.api
      .get('/api/catalog/locations')
      .set('Authorization', auth);
    expect(locations.status).toBe(200);
    expect(locations.body.map((l: any) => l.data.target)).toContain(target);
    const entity = await second.api
      .get('/api/catalog/entities/by-name/component/default/checkout-api')
      .set('Authorization', auth);
    expect(entity.status).toBe(200);
    expect(entity.body.spec.owner).toBe('group:payments-team');
    await second.backend.stop();
  });
});
