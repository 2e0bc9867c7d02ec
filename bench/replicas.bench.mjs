// Two production replicas on one PostgreSQL behind a round-robin proxy, 20 times one of them
// killed with SIGKILL at a random moment and started again while a mixed workload runs
// (e2e/replicas.mjs). The rows: each invariant checked afterwards, and the time a killed
// replica took to serve again. RUNWAY_BENCH_REPLICA_KILLS sets the number of kills.
import { report, runReplicaTrials } from '../e2e/replicas.mjs';

const KILLS = Number(process.env.RUNWAY_BENCH_REPLICA_KILLS ?? 20);
export const title = `two replicas, ${KILLS} SIGKILLs`;

export async function run() {
  const result = await runReplicaTrials({
    kills: KILLS,
    log: line => process.stderr.write(`replicas: ${line}\n`),
  });
  process.stderr.write(`${report(result)}\n`);
  const back = result.trials.map(t => t.backInSeconds).sort((a, b) => a - b);
  return [
    ...result.invariants.map(i => ({
      metric: i.name,
      value: i.info ? '-' : i.ok ? 'held' : 'BROKEN',
      unit: i.info ? 'note' : 'invariant',
      note: i.detail,
    })),
    {
      metric: 'killed replica serving again, median',
      value: back[Math.floor(back.length / 2)]?.toFixed(1) ?? '-',
      unit: 's',
      note: `${KILLS} kills in ${result.seconds.toFixed(0)} s; max ${
        back[back.length - 1]?.toFixed(1) ?? '-'
      } s (a production start on PostgreSQL, catalog and all plugins)`,
    },
  ];
}
