import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { databaseServiceFactory, useWal } from './databaseServiceFactory';

type Seen = { journal?: string; synchronous?: number; rows?: string[] };

/** A plugin that writes a row (when given one) and reports its database's settings and rows. */
function notesPlugin(seen: Seen, write?: string) {
  return createBackendPlugin({
    pluginId: 'notes',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          const db = await database.getClient();
          if (!(await db.schema.hasTable('notes'))) {
            await db.schema.createTable('notes', t => t.string('text'));
          }
          if (write) await db('notes').insert({ text: write });
          const [journal] = await db.raw('PRAGMA journal_mode');
          const [synchronous] = await db.raw('PRAGMA synchronous');
          seen.journal = journal.journal_mode;
          seen.synchronous = synchronous.synchronous;
          seen.rows = (await db('notes').select('text')).map(r => r.text);
        },
      });
    },
  });
}

describe('databaseServiceFactory', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-db-factory-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const start = (seen: Seen, write?: string) =>
    startTestBackend({
      features: [
        databaseServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: {
                client: 'better-sqlite3',
                connection: { directory: dir },
              },
            },
          },
        }),
        notesPlugin(seen, write),
      ],
    });

  it('opens SQLite in write-ahead-log mode and keeps what was written across a restart', async () => {
    const first: Seen = {};
    const backend = await start(first, 'written before the restart');
    expect(first).toEqual({
      journal: 'wal',
      synchronous: 1, // NORMAL
      rows: ['written before the restart'],
    });
    await backend.stop();

    // The mode is kept in the file itself, for any other reader of it.
    const file = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'notes.sqlite') },
      useNullAsDefault: true,
    });
    expect(await file.raw('PRAGMA journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
    await file.destroy();

    const second: Seen = {};
    const again = await start(second);
    expect(second.rows).toEqual(['written before the restart']);
    await again.stop();
  });

  it('leaves other databases as they are, without connecting', async () => {
    const pg = knexFactory({
      client: 'pg',
      connection: 'postgresql://nobody@127.0.0.1:1/none',
    });
    await expect(useWal(pg)).resolves.toBe(pg);
    await pg.destroy();
  });
});
