// The foundation's own figures: how fast the production backend starts and loads the example
// organisation, how fast the catalog answers, and how much memory the backend holds.
import { guestToken, startPortal, waitUntilReady } from '../e2e/portal.mjs';
import { memoryMiB, percentile } from './measure.mjs';

export const title = 'portal (SQLite, example org)';

const REQUESTS = 400;
const CONCURRENCY = 8;

export async function run() {
  const t0 = performance.now();
  const portal = await startPortal();
  try {
    await waitUntilReady(portal);
    const ready = (performance.now() - t0) / 1000;
    const token = await guestToken(portal.baseUrl);
    const headers = { Authorization: `Bearer ${token}` };
    const url = `${portal.baseUrl}/api/catalog/entities?filter=kind=component`;

    // Loaded when the catalog's component count stops moving and reaches the examples' size.
    let count = 0;
    for (let stable = 0; stable < 3; ) {
      const n = (await (await fetch(url, { headers })).json()).length;
      stable = n === count && n > 0 ? stable + 1 : 0;
      count = n;
      await new Promise(r => setTimeout(r, 250));
    }
    const loaded = (performance.now() - t0) / 1000;

    const latencies = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) {
          const s = performance.now();
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          if (!res.ok) throw new Error(`catalog answered ${res.status}`);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return [
      {
        metric: 'start to ready',
        value: ready.toFixed(1),
        unit: 's',
        note: 'production build, NODE_ENV=production',
      },
      {
        metric: 'start to example org loaded',
        value: loaded.toFixed(1),
        unit: 's',
        note: `${count} components`,
      },
      {
        metric: 'GET components throughput',
        value: (REQUESTS / seconds).toFixed(0),
        unit: 'req/s',
        note: `${REQUESTS} requests, ${CONCURRENCY} concurrent`,
      },
      {
        metric: 'GET components p50',
        value: percentile(latencies, 50).toFixed(1),
        unit: 'ms',
      },
      {
        metric: 'GET components p99',
        value: percentile(latencies, 99).toFixed(1),
        unit: 'ms',
      },
      {
        metric: 'backend RSS after load',
        value: memoryMiB(portal.pid),
        unit: 'MiB',
      },
    ];
  } finally {
    await portal.stop();
  }
}
