import { createTestDatabases } from '@internal/testing';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { createHarness } from '../__testUtils__/harness';
import { readJunitReport } from './readJunitReport';

jest.setTimeout(120_000);

/**
 * Every real report in src/__fixtures__/junit (unmodified files from public repositories, and
 * one produced here by Node's own runner; sources in manifest.json), ingested through the
 * service into each database. Expected values come from the folder's oracle.py, written from
 * the documented definitions, not from this code.
 */
const folder = path.resolve(__dirname, '../__fixtures__/junit');
type Entry = {
  file: string;
  runner: string;
  sha256: string;
  expected: {
    tests: number;
    failed: number;
    skipped: number;
    flaky: number;
    passed: number;
    attempts: number;
    durationSeconds: number;
  };
};
const manifest: Entry[] = JSON.parse(
  fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'),
);
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('JUnit corpus on %s', id => {
  it('keeps every report byte for byte as its source has it', () => {
    for (const { file, sha256 } of manifest) {
      const bytes = fs.readFileSync(path.join(folder, file));
      const raw = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
      expect([file, createHash('sha256').update(raw).digest('hex')]).toEqual([
        file,
        sha256,
      ]);
    }
  });

  it('has reports of at least ten runners and one of over 10,000 tests', () => {
    expect(new Set(manifest.map(e => e.runner)).size).toBeGreaterThanOrEqual(
      10,
    );
    expect(Math.max(...manifest.map(e => e.expected.tests))).toBeGreaterThan(
      10_000,
    );
  });

  it('stores every report with the counts, outcomes, attempts and duration the oracle computed', async () => {
    // The reports are from 2015 on: the retention reaches back far enough to take them.
    const h = await createHarness(databases, id, {
      delivery: { retentionDays: 20 * 366 },
    });
    for (const entry of manifest) {
      const { expected, file } = entry;
      const upload = () =>
        h.ingest.ingestJunit(
          limits =>
            readJunitReport(fs.createReadStream(path.join(folder, file)), {
              ...limits,
              gzip: file.endsWith('.gz'),
            }),
          { service: 'payments-api', runId: file },
          'api',
        );
      const { run, accepted } = await upload();
      const label = `${file}: ${JSON.stringify(run)}`;
      expect([label, accepted]).toEqual([label, 1]);
      expect([
        label,
        run.tests,
        run.failures,
        run.skipped,
        run.flakyTests,
      ]).toEqual([
        label,
        expected.tests,
        expected.failed,
        expected.skipped,
        expected.flaky,
      ]);
      expect(
        Math.abs(run.durationSeconds - expected.durationSeconds),
      ).toBeLessThan(1e-6);

      const rows: Array<{ outcome: string; n: unknown; attempts: unknown }> =
        await h
          .knex('delivery_test_cases')
          .where({ run_id: file })
          .groupBy('outcome')
          .select('outcome')
          .count({ n: '*' })
          .sum({ attempts: 'attempts' });
      const byOutcome = Object.fromEntries(
        rows.map(r => [r.outcome, Number(r.n)]),
      );
      expect([file, byOutcome]).toEqual([
        file,
        Object.fromEntries(
          (['passed', 'failed', 'skipped', 'flaky'] as const)
            .filter(o => expected[o] > 0)
            .map(o => [o, expected[o]]),
        ),
      ]);
      expect([file, rows.reduce((n, r) => n + Number(r.attempts), 0)]).toEqual([
        file,
        expected.attempts,
      ]);
      // The same file again is a duplicate, not a second run.
      expect(await upload()).toEqual(
        expect.objectContaining({ accepted: 0, duplicates: 1 }),
      );
    }
    const [{ n }] = await h.knex('delivery_test_runs').count({ n: '*' });
    expect(Number(n)).toBe(manifest.length);
  });
});
