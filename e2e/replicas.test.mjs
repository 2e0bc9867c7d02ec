// Two production replicas on one PostgreSQL, one killed with SIGKILL at random moments while a
// mixed workload runs (e2e/replicas.mjs says what runs and what is checked). The short form:
// RUNWAY_REPLICA_KILLS (default 3) kills; `make bench` runs 20 (bench/replicas.bench.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { report, runReplicaTrials } from './replicas.mjs';

const KILLS = Number(process.env.RUNWAY_REPLICA_KILLS ?? 3);

test(
  `two replicas, ${KILLS} killed with SIGKILL: nothing lost, duplicated or left behind`,
  { timeout: 20 * 60_000 },
  async () => {
    const result = await runReplicaTrials({
      kills: KILLS,
      log: line => process.stdout.write(`replicas: ${line}\n`),
    });
    process.stdout.write(`${report(result)}\n`);
    assert.equal(result.trials.length, KILLS);
    // The workload got through: every kind of request was accepted at least once.
    assert.ok(
      result.ledger.environments.size > 0,
      'no environment was accepted',
    );
    assert.ok(result.ledger.deploys.size > 0, 'no deploy was accepted');
    assert.ok(result.ledger.facts.length > 0, 'no fact push was accepted');
    assert.ok(result.ledger.prs.size > 0, 'no webhook was accepted');
    assert.deepEqual(
      result.invariants.filter(i => !i.ok).map(i => `${i.name}: ${i.detail}`),
      [],
    );
  },
);
