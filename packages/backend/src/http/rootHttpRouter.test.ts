import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import net from 'node:net';
import request from 'supertest';
import { rootHttpRouterFactory } from './rootHttpRouter';

/** A plugin whose routes fail the ways real ones do. */
const failingPlugin = createBackendPlugin({
  pluginId: 'failing',
  register(env) {
    env.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        const router = Router();
        router.get('/sql', async () => {
          // What knex throws on SQLite: the statement, values included, then the driver's words.
          throw Object.assign(
            new Error(
              "insert into `delivery_test_cases` (`name`) select 'secret test name' as `name` - too many terms in compound SELECT",
            ),
            { name: 'SqliteError', code: 'SQLITE_ERROR' },
          );
        });
        router.get('/path', async () => {
          throw new TypeError(
            "Cannot read properties of undefined (reading 'x') at /work/main/plugins/x/src/y.ts:12",
          );
        });
        router.get('/input', async () => {
          throw new InputError('Invalid query: limit must be at most 200');
        });
        router.get('/conflict', async () => {
          throw new ConflictError('Deploy d-1 is already running');
        });
        http.use(router);
        http.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

describe('rootHttpRouterFactory', () => {
  it('answers a server error with a request id only, and keeps 4xx messages without stack traces', async () => {
    // This factory replaces the test backend's router, so it serves on a port of its own.
    const port = await freePort();
    // (startTestBackend needs its own router, so this is Backstage's createBackend.)
    // Development mode, where Backstage's handlers add stack traces to every error body.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    const backend = createBackend();
    backend.add(
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: `http://localhost:${port}`,
            listen: { port, host: '127.0.0.1' },
          },
        },
      }),
    );
    backend.add(mockServices.rootLogger.factory());
    backend.add(mockServices.auth.factory());
    backend.add(mockServices.httpAuth.factory());
    backend.add(rootHttpRouterFactory);
    backend.add(failingPlugin);
    await backend.start();
    process.env.NODE_ENV = nodeEnv;
    const server = `http://127.0.0.1:${port}`;
    for (const path of ['/sql', '/path']) {
      const res = await request(server).get(`/api/failing${path}`);
      expect(res.status).toBe(500);
      const id = res.get('X-Request-Id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.error).toEqual({
        name: 'Error',
        message: `An internal error occurred; the server log has it under request id ${id}`,
      });
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(
        /insert into|SQLITE|secret test name|\/work\/|stack/i,
      );
    }
    const input = await request(server).get('/api/failing/input');
    expect(input.status).toBe(400);
    expect(input.body.error).toEqual({
      // No stack, though development mode put one in.
      name: 'InputError',
      message: 'Invalid query: limit must be at most 200',
    });
    const conflict = await request(server).get('/api/failing/conflict');
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.stack).toBeUndefined();
    await backend.stop();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
