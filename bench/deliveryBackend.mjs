// The delivery plugin in a child backend for the benchmarks: createBackend with the delivery
// plugin from source through the Backstage CLI's TypeScript transform, the permission backend
// with Runway's policy, and an in-memory catalog of the bench entities. The portal's
// production build is not needed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CI_TOKEN,
  freePort,
  PRODUCTION_NODE_FLAGS,
  root,
} from '../e2e/portal.mjs';

// The child backend: an in-memory catalog of the bench entities, the permission backend, and
// the delivery plugin from source.
const CHILD = `
const fs = require('node:fs');
const { createBackend } = require('@backstage/backend-defaults');
const { createServiceFactory } = require('@backstage/backend-plugin-api');
const { catalogServiceRef } = require('@backstage/plugin-catalog-node');
const entities = JSON.parse(fs.readFileSync(process.env.BENCH_ENTITIES, 'utf8'));
const refOf = e => (e.kind + ':' + (e.metadata.namespace || 'default') + '/' + e.metadata.name).toLowerCase();
const byRef = new Map(entities.map(e => [refOf(e), e]));
const matches = (e, filter) => Object.entries(filter || {}).every(([k, v]) => {
  if (k === 'kind') return e.kind.toLowerCase() === String(v).toLowerCase();
  if (k === 'relations.ownedBy') return (e.relations || []).some(r => r.type === 'ownedBy' && r.targetRef === String(v).toLowerCase());
  if (k.startsWith('metadata.annotations.')) return (e.metadata.annotations || {})[k.slice(21)] === v;
  return false;
});
const catalog = {
  async getEntitiesByRefs({ entityRefs }) { return { items: entityRefs.map(r => byRef.get(r.toLowerCase())) }; },
  async getEntityByRef(ref) { return byRef.get(String(ref).toLowerCase()); },
  async getEntities(request) { return { items: entities.filter(e => matches(e, request && request.filter)) }; },
};
const backend = createBackend();
// The portal's database service: SQLite in write-ahead-log mode, as make start runs it.
backend.add(require(process.env.RUNWAY_DATABASE_FACTORY).databaseServiceFactory);
backend.add(createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog }));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@internal/plugin-permission-backend-module-runway'));
backend.add(import('@internal/plugin-delivery-backend'));
backend.add(import('@internal/plugin-delivery-backend-module-gitops'));
backend.start();
`;

/**
 * Starts the child backend on a free port with `database` (Backstage's backend.database) and
 * `delivery` settings; resolves once it is ready. `pid` is the child's, for memory readings.
 */
export async function startDeliveryBackend({
  dir,
  entities,
  database,
  delivery,
}) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const entitiesFile = path.join(dir, 'entities.json');
  fs.writeFileSync(entitiesFile, JSON.stringify(entities));
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl,
        listen: { port },
        database,
        auth: {
          externalAccess: [
            { type: 'static', options: { token: CI_TOKEN, subject: 'bench' } },
          ],
        },
      },
      // The bench calls with a service token, which the policy does not restrict.
      runway: { platformTeam: 'group:default/platform-team' },
      permission: { enabled: true },
      delivery,
    }),
  );
  const child = spawn(
    process.execPath,
    [
      // The production start command's heap cap (README, "Running in production").
      ...PRODUCTION_NODE_FLAGS,
      '-r',
      path.join(root, 'node_modules/@backstage/cli/config/nodeTransform.cjs'),
      ...(process.env.RUNWAY_BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.RUNWAY_BENCH_CPU_PROF}`]
        : []),
      '-e',
      CHILD,
      '--',
      '--config',
      configFile,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_ENTITIES: entitiesFile,
        RUNWAY_DATABASE_FACTORY: path.join(
          root,
          'packages/backend/src/database/databaseServiceFactory.ts',
        ),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // The last 64 KB of what it printed (a request log line each: keep the bench's own work small).
  // Chunks are kept as they come and the oldest dropped: copying 64 KB per chunk took half a
  // core of the bench's process at a thousand requests a second.
  const chunks = [];
  let kept = 0;
  const keep = d => {
    chunks.push(d);
    kept += d.length;
    while (kept - chunks[0].length > 65_536) kept -= chunks.shift().length;
  };
  const output = () => Buffer.concat(chunks).toString('utf8').slice(-65_536);
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise(resolve => child.on('exit', resolve));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  if (child.exitCode !== null || Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(
      `the bench backend did not start:\n${output().slice(-4000)}`,
    );
  }
  return {
    baseUrl,
    pid: child.pid,
    /** What the backend printed, for a bench that saw it fail. */
    output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
