import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import { toIso } from '../lib/time';
import { chunks, INSERT_ROWS, insertChunks } from './chunks';
import { TestRunInput } from './IngestStore';

type Row = Record<string, any>;
type SqliteConnection = {
  prepare?: (sql: string) => { run: (values: unknown[]) => unknown };
};

/** PostgreSQL takes a run's cases as one array per column, 10,000 rows a statement. */
const PG_CASE_ROWS = 10_000;
const CASE_COLUMNS: Array<[string, string]> = [
  ['service_ref', 'text'],
  ['run_id', 'text'],
  ['case_index', 'int'],
  ['suite', 'text'],
  ['classname', 'text'],
  ['name', 'text'],
  ['outcome', 'text'],
  ['attempts', 'int'],
  ['duration_seconds', 'float8'],
  ['message', 'text'],
];

/**
 * Test runs and their cases. A run id (per service) is stored once: sent again with the same
 * content it is a duplicate, with other content a ConflictError naming it. Returns the runs
 * that were duplicates.
 */
export async function insertTestRuns(
  tx: Knex.Transaction,
  runs: TestRunInput[],
): Promise<Set<TestRunInput>> {
  const duplicates = new Set<TestRunInput>();
  if (runs.length === 0) return duplicates;
  const stored = new Map<string, Row>();
  const keyOf = (serviceRef: string, runId: string) =>
    `${serviceRef}\u0000${runId}`;
  for (const batch of chunks(runs, 400)) {
    const rows: Row[] = await tx('delivery_test_runs')
      .select('service_ref', 'run_id', 'content_hash', 'tests', 'finished_at')
      .where(q => {
        for (const r of batch)
          q.orWhere({ service_ref: r.serviceRef, run_id: r.runId });
      });
    for (const row of rows) stored.set(keyOf(row.service_ref, row.run_id), row);
  }
  const fresh: TestRunInput[] = [];
  for (const run of runs) {
    const key = keyOf(run.serviceRef, run.runId);
    const before = stored.get(key);
    if (before) {
      // Rows stored before hashes were kept cannot be compared: taken as the same run.
      if (before.content_hash && before.content_hash !== run.contentHash)
        throw new ConflictError(
          `Test run ${run.runId} of ${
            run.serviceRef
          } was stored before with other content (${
            before.tests
          } tests, finished ${toIso(
            before.finished_at,
          )}); nothing was stored: send a new run id for a new run`,
        );
      duplicates.add(run);
      continue;
    }
    stored.set(key, {
      content_hash: run.contentHash,
      tests: run.tests,
      finished_at: run.finishedAt,
    });
    fresh.push(run);
  }

  for (const batch of insertChunks(fresh)) {
    await tx('delivery_test_runs').insert(
      batch.map(r => ({
        service_ref: r.serviceRef,
        run_id: r.runId,
        source: r.source,
        started_at: r.startedAt ?? null,
        finished_at: r.finishedAt,
        duration_seconds: r.durationSeconds,
        tests: r.tests,
        failures: r.failures,
        skipped: r.skipped,
        flaky_tests: r.flakyTests,
        content_hash: r.contentHash,
      })),
    );
  }
  for (const run of fresh) await insertCases(tx, run);
  return duplicates;
}

async function insertCases(tx: Knex.Transaction, run: TestRunInput) {
  const cases = run.cases ?? [];
  const rowOf = (i: number) => {
    const c = cases[i];
    return [
      run.serviceRef,
      run.runId,
      i,
      c.suite,
      c.classname,
      c.name,
      c.outcome,
      c.attempts,
      c.durationSeconds,
      c.message ?? null,
    ];
  };
  if (tx.client.dialect === 'postgresql') {
    const sql = `insert into delivery_test_cases (${CASE_COLUMNS.map(
      ([c]) => c,
    ).join(', ')}) select * from unnest(${CASE_COLUMNS.map(
      ([, type]) => `?::${type}[]`,
    ).join(', ')})`;
    for (let start = 0; start < cases.length; start += PG_CASE_ROWS) {
      const end = Math.min(start + PG_CASE_ROWS, cases.length);
      const columns: unknown[][] = CASE_COLUMNS.map(() => []);
      for (let i = start; i < end; i++)
        rowOf(i).forEach((v, c) => columns[c].push(v));
      // Each binding is a JavaScript array: node-postgres sends it as a PostgreSQL array.
      await tx.raw(sql, columns as unknown as Knex.RawBinding[]);
    }
    return;
  }
  // better-sqlite3: one prepared statement for every row of the transaction's connection.
  // Multi-row inserts through knex build a statement, its SQL text and its bindings per 500
  // rows: for 100,000 cases that garbage grew the backend by some 200 MB.
  const connection = (await tx.client.acquireConnection()) as SqliteConnection;
  if (typeof connection?.prepare === 'function') {
    const insert = connection.prepare(
      `insert into delivery_test_cases (${CASE_COLUMNS.map(([c]) => c).join(
        ', ',
      )}) values (${CASE_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (let i = 0; i < cases.length; i++) insert.run(rowOf(i));
    return;
  }
  for (let start = 0; start < cases.length; start += INSERT_ROWS) {
    const rows: Row[] = [];
    const end = Math.min(start + INSERT_ROWS, cases.length);
    for (let i = start; i < end; i++) {
      const values = rowOf(i);
      rows.push(
        Object.fromEntries(CASE_COLUMNS.map(([c], k) => [c, values[k]])),
      );
    }
    await tx('delivery_test_cases').insert(rows);
  }
}
