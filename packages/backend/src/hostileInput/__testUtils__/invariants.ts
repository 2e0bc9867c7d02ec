import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';

/** The plugins whose rows a refused request must leave exactly as they were. */
export const STATEFUL_PLUGINS = ['delivery', 'environments', 'readiness'];

async function tablesOf(db: Knex): Promise<string[]> {
  const names =
    db.client.config.client === 'pg'
      ? (
          await db.raw(
            "select table_name as name from information_schema.tables where table_schema = 'public'",
          )
        ).rows
      : await db.raw("select name from sqlite_master where type = 'table'");
  return names
    .map((r: { name: string }) => r.name)
    .filter((n: string) => !n.startsWith('knex_') && !n.startsWith('sqlite_'))
    .sort();
}

/** Where the environments' postgres driver makes databases and roles, when it is installed. */
export type DriverServer = { admin: Knex; namePrefix: string };

/**
 * Row counts of every table of the stateful plugins, the GitOps repository's commits, and the
 * databases and roles the environments' postgres driver made on the server.
 */
export async function snapshot(
  forPlugin: (pluginId: string) => Knex,
  gitops: string,
  server?: DriverServer,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  if (server) {
    const count = async (sql: string) =>
      Number(
        (await server.admin.raw(sql, [`${server.namePrefix}%`])).rows[0].n,
      );
    out['postgres.roles'] = await count(
      'select count(*) as n from pg_roles where rolname like ?',
    );
    out['postgres.databases'] = await count(
      'select count(*) as n from pg_database where datname like ?',
    );
  }
  for (const pluginId of STATEFUL_PLUGINS) {
    const db = forPlugin(pluginId);
    for (const table of await tablesOf(db)) {
      const [{ n }] = await db(table).count({ n: '*' });
      out[`${pluginId}.${table}`] = Number(n);
    }
  }
  let commits = 0;
  try {
    commits = Number(
      execFileSync('git', ['-C', gitops, 'rev-list', '--count', 'HEAD'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim(),
    );
  } catch {
    commits = 0; // no commit yet
  }
  out['gitops.commits'] = commits;
  return out;
}

const root = path.resolve(__dirname, '../../../../..');

/** What a response must never show: SQL or a database's error, a stack trace, a server path. */
const LEAKS: Array<[string, RegExp]> = [
  [
    'SQL',
    /\b(insert into|delete from)\s+["`]?\w|\bselect\b[^"]{0,200}\bfrom\s+["`]\w|\bupdate\s+["`]\w+["`]\s+set\b/i,
  ],
  [
    'a database error',
    /SQLITE_|syntax error at or near|violates (unique|foreign key|not-null|check) constraint|duplicate key value|relation "[^"]+" does not exist|\bknex\b/i,
  ],
  [
    'a stack trace',
    /\n\s+at\s+\S+\s+\(?\S+:\d+:\d+\)?|\bat\s+\S+\s\((\/|node:)\S+:\d+:\d+\)/,
  ],
  [
    'a server path',
    new RegExp(`${escape(root)}|${escape(os.tmpdir())}/runway-|node_modules/`),
  ],
];

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The leak a response body shows, if any, after removing what the request itself sent (an
 * error may quote the value it refuses).
 */
export function leakIn(body: string, sent: string[]): string | undefined {
  let text = body;
  for (const s of [...sent].sort((a, b) => b.length - a.length)) {
    if (s.length < 4) continue;
    text = text.split(s).join('');
    text = text.split(JSON.stringify(s).slice(1, -1)).join('');
  }
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match)
      return `${what}: ...${text.slice(
        Math.max(0, match.index - 80),
        match.index + 120,
      )}...`;
  }
  return undefined;
}
