import { gzipSync } from 'node:zlib';
import { mockCredentials } from '@backstage/backend-test-utils';
import { signBody } from '@internal/plugin-delivery-node';
import { createTestDatabases } from '@internal/testing';
import request from 'supertest';
import {
  prClosedUnmerged,
  prMerged,
  prOpened,
  reviewSubmitted,
} from '../__testUtils__/github';
import { SECRET } from '../__testUtils__/harness';
import { createRouterHarness } from '../__testUtils__/routerHarness';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ci = mockCredentials.service.header();
const ana = mockCredentials.user.header('user:default/ana');
const SVC = 'component:default/payments-api';

const deployment = (patch: Record<string, unknown> = {}) => ({
  type: 'deployment',
  id: 'gh-run-1',
  service: 'payments-api',
  environment: 'prod',
  version: '1.4.0',
  status: 'succeeded',
  finishedAt: '2026-11-30T16:00:00Z',
  ...patch,
});

describe.each(databases.eachSupportedId())('delivery router on %s', id => {
  async function setup(options: { deny?: string[] } = {}) {
    const { api, h } = await createRouterHarness(databases, id, options);
    const rows = async () => ({
      deployments: await h.knex('delivery_deployments').select(),
      prs: await h.knex('delivery_pull_requests').select(),
      reviews: await h.knex('delivery_reviews').select(),
      runs: await h.knex('delivery_test_runs').select(),
      cases: await h.knex('delivery_test_cases').select(),
      incidents: await h.knex('delivery_incidents').select(),
      received: await h.knex('delivery_received').select(),
    });
    return { api, h, rows };
  }

  const github = (
    api: ReturnType<typeof request>,
    event: string,
    payload: unknown,
    delivery: string,
    secret = SECRET,
  ) => {
    const body = JSON.stringify(payload);
    return api
      .post('/webhooks/github')
      .set('Content-Type', 'application/json')
      .set('X-GitHub-Event', event)
      .set('X-GitHub-Delivery', delivery)
      .set('X-Hub-Signature-256', signBody(secret, body))
      .send(body);
  };

  describe('batch API', () => {
    it('stores a batch and answers 202 with counts; a replay is stored once', async () => {
      const { api, rows } = await setup();
      const batch = {
        events: [
          { ...deployment(), deliveryId: 'ci-1' },
          {
            type: 'incident',
            deliveryId: 'pd-1',
            id: 'INC-1',
            service: SVC,
            status: 'opened',
            openedAt: '2026-11-30T16:10:00Z',
            causedByDeploymentId: 'gh-run-1',
          },
        ],
      };
      const first = await api
        .post('/events')
        .set('Authorization', ci)
        .send(batch);
      expect(first.status).toBe(202);
      expect(first.body).toEqual({ accepted: 2, duplicates: 0 });
      const again = await api
        .post('/events')
        .set('Authorization', ci)
        .send(batch);
      expect(again.body).toEqual({ accepted: 0, duplicates: 2 });
      const stored = await rows();
      expect(stored.deployments).toHaveLength(1);
      expect(stored.deployments[0]).toEqual(
        expect.objectContaining({
          service_ref: SVC,
          status: 'succeeded',
          source: 'external',
        }),
      );
      expect(Boolean(stored.deployments[0].is_production)).toBe(true);
      expect(Boolean(stored.deployments[0].caused_incident)).toBe(true);
      expect(stored.incidents).toHaveLength(1);
    });

    it('answers 400 naming the field and value, and stores nothing', async () => {
      const { api, rows } = await setup();
      const res = await api
        .post('/events')
        .set('Authorization', ci)
        .send({ events: [deployment(), deployment({ status: 'done' })] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Invalid events: events\[1\]\.status .*\(got "done"\)$/,
      );
      expect((await rows()).deployments).toEqual([]);
    });

    it('answers 400 to times of 1970 or year 1, an end before its start and absurd numbers', async () => {
      const { api, rows } = await setup();
      const send = (event: Record<string, unknown>) =>
        api
          .post('/events')
          .set('Authorization', ci)
          .send({ events: [deployment(), event] });
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [
          deployment({ id: 'd2', finishedAt: '1970-01-01T00:00:00Z' }),
          /^Invalid events\[1\]\.finishedAt: 1970-01-01T00:00:00\.000Z is outside the accepted range/,
        ],
        [
          deployment({ id: 'd2', startedAt: '0001-01-01T00:00:00Z' }),
          /^Invalid events\[1\]\.startedAt: 0001-01-01T00:00:00\.000Z is outside/,
        ],
        [
          deployment({ id: 'd2', startedAt: '2026-11-30T17:00:00Z' }),
          /^Invalid events\[1\]\.finishedAt: 2026-11-30T16:00:00\.000Z is before startedAt/,
        ],
        [
          {
            type: 'test_run',
            id: 't1',
            service: SVC,
            finishedAt: '2026-11-30T16:00:00Z',
            durationSeconds: 1e308,
            tests: 1,
            failures: 0,
          },
          /^Invalid events: events\[1\]\.durationSeconds /,
        ],
      ];
      for (const [event, message] of cases) {
        const res = await send(event);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
      expect((await rows()).deployments).toEqual([]);
    });

    it('answers 404 naming an unknown service, and stores nothing of the batch', async () => {
      const { api, rows } = await setup();
      const res = await api
        .post('/events')
        .set('Authorization', ci)
        .send({
          events: [deployment(), deployment({ id: 'x', service: 'ghost-api' })],
        });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('component:default/ghost-api');
      expect(res.body.error.message).toContain('events[1].service');
      expect((await rows()).deployments).toEqual([]);
    });

    it('answers 401 without credentials and 403 without the ingest permission', async () => {
      const { api } = await setup({ deny: ['delivery.events.ingest'] });
      expect(
        (await api.post('/events').send({ events: [deployment()] })).status,
      ).toBe(401);
      const denied = await api
        .post('/events')
        .set('Authorization', ana)
        .send({ events: [deployment()] });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('delivery.events.ingest');
    });
  });

  describe('GitHub webhook', () => {
    it('records a PR opened, reviewed and merged from GitHub payloads; a redelivery once', async () => {
      const { api, rows } = await setup();
      expect((await github(api, 'pull_request', prOpened, 'g-1')).status).toBe(
        202,
      );
      expect(
        (await github(api, 'pull_request_review', reviewSubmitted, 'g-2')).body,
      ).toEqual({ accepted: 2, duplicates: 0 });
      expect((await github(api, 'pull_request', prMerged, 'g-3')).status).toBe(
        202,
      );
      // GitHub's "Redeliver" sends the same X-GitHub-Delivery again.
      expect((await github(api, 'pull_request', prMerged, 'g-3')).body).toEqual(
        {
          accepted: 0,
          duplicates: 1,
        },
      );
      expect(
        (await github(api, 'pull_request', prClosedUnmerged, 'g-4')).status,
      ).toBe(202);
      const { prs, reviews } = await rows();
      const merged = prs.find(p => p.number === 42);
      expect(merged).toEqual(
        expect.objectContaining({
          pr_key: 'skyline/payments-api#42',
          service_ref: SVC,
          additions: 120,
          deletions: 30,
          merge_commit_sha: 'c0ffee0000000000000000000000000000000001',
        }),
      );
      expect(new Date(merged.merged_at).toISOString()).toBe(
        '2026-11-30T14:00:00.000Z',
      );
      expect(new Date(merged.first_approval_at).toISOString()).toBe(
        '2026-11-30T10:30:00.000Z',
      );
      const closed = prs.find(p => p.number === 43);
      expect(closed.merged_at).toBeNull();
      expect(closed.closed_at).not.toBeNull();
      expect(reviews).toHaveLength(1);
    });

    it('answers 401 to a bad or missing signature and stores nothing', async () => {
      const { api, rows } = await setup();
      const bad = await github(
        api,
        'pull_request',
        prOpened,
        'g-1',
        'wrong-secret',
      );
      expect(bad.status).toBe(401);
      const missing = await api
        .post('/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', 'pull_request')
        .send(prOpened);
      expect(missing.status).toBe(401);
      expect(missing.body.error.message).toContain('x-hub-signature-256');
      // A body changed after signing.
      const body = JSON.stringify(prOpened);
      const tampered = await api
        .post('/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', 'pull_request')
        .set('X-Hub-Signature-256', signBody(SECRET, body))
        .send(body.replace('120', '1'));
      expect(tampered.status).toBe(401);
      const stored = await rows();
      expect(stored.prs).toEqual([]);
      expect(stored.received).toEqual([]);
    });

    it('answers 404 naming a repository no component claims', async () => {
      const { api } = await setup();
      const payload = {
        ...prOpened,
        repository: { ...prOpened.repository, full_name: 'skyline/unknown' },
      };
      const res = await github(api, 'pull_request', payload, 'g-9');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('skyline/unknown');
    });

    it('ignores a ping and answers 400 to a payload missing a field', async () => {
      const { api } = await setup();
      expect(
        (await github(api, 'ping', { zen: 'Keep it simple' }, 'p')).body,
      ).toEqual({ accepted: 0, duplicates: 0, ignored: 'ping' });
      const res = await github(
        api,
        'pull_request',
        {
          ...prOpened,
          pull_request: { ...prOpened.pull_request, created_at: 'yesterday' },
        },
        'g-5',
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('pull_request.created_at');
    });
  });

  describe('hostile input', () => {
    /** JSON arrays nested 5,000 deep, as text: a stack overflow in validation once made it a 500. */
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;

    it('answers 400 to a body nested 5,000 deep on the API and the signed webhook, and stores nothing', async () => {
      const { api, rows } = await setup();
      const before = await rows();
      for (const path of ['/events', '/deploys', '/deploys/x/approve']) {
        const res = await api
          .post(path)
          .set('Authorization', ci)
          .set('Content-Type', 'application/json')
          .send(`{"events":${deep}}`);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.error.message).toMatch(/nests deeper than 64 levels/);
      }
      const hook = await api
        .post('/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', 'pull_request')
        .set('X-GitHub-Delivery', 'deep-1')
        .set('X-Hub-Signature-256', signBody(SECRET, deep))
        .send(deep);
      expect(hook.status).toBe(400);
      expect(hook.body.error.message).toMatch(/nests deeper than 64 levels/);
      expect(await rows()).toEqual(before);
    });

    it('answers 400 to a body that is not JSON instead of reading it as empty', async () => {
      const { api } = await setup();
      const res = await api
        .post('/events')
        .set('Authorization', ci)
        .set('Content-Type', 'text/plain')
        .send('{"events":[]}');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('it must be JSON');
    });

    it('answers 400 to an 8,000-character delivery id, a 5 MB title and negative additions', async () => {
      const { api, rows } = await setup();
      const longId = await github(
        api,
        'pull_request',
        prOpened,
        'd'.repeat(8000),
      );
      expect(longId.status).toBe(400);
      expect(longId.body.error.message).toBe(
        'x-github-delivery: 8000 characters, at most 200 are accepted',
      );
      const title = await github(
        api,
        'pull_request',
        {
          ...prOpened,
          pull_request: { ...prOpened.pull_request, title: 't'.repeat(5e6) },
        },
        'big-title',
      );
      expect(title.status).toBe(400);
      expect(title.body.error.message).toContain('pull_request.title');
      expect(title.text.length).toBeLessThan(2000);
      const negative = await github(
        api,
        'pull_request',
        {
          ...prOpened,
          pull_request: { ...prOpened.pull_request, additions: -5 },
        },
        'negative',
      );
      expect(negative.status).toBe(400);
      expect(negative.body.error.message).toContain('pull_request.additions');
      expect((await rows()).prs).toEqual([]);
    });
  });

  describe('JUnit', () => {
    const xml = `<?xml version="1.0"?><testsuite name="s" time="42.5" timestamp="2026-11-30T10:00:00"><testcase classname="A" name="a" time="1"><failure message="x"/></testcase><testcase classname="A" name="a" time="1"/><testcase classname="A" name="b" time="1"/></testsuite>`;
    const upload = (
      api: ReturnType<typeof request>,
      body: string,
      secret = SECRET,
    ) =>
      api
        .post(`/webhooks/junit?service=payments-api&runId=build-7`)
        .set('Content-Type', 'application/xml')
        .set('X-Hub-Signature-256', signBody(secret, body))
        .send(body);

    it('stores a signed JUnit upload as a test run with its flaky test', async () => {
      const { api, rows } = await setup();
      const res = await upload(api, xml);
      expect(res.status).toBe(202);
      expect(res.body.run).toEqual({
        service: SVC,
        runId: 'build-7',
        durationSeconds: 42.5,
        tests: 2,
        failures: 0,
        skipped: 0,
        flakyTests: 1,
      });
      const { runs, cases } = await rows();
      expect(runs).toHaveLength(1);
      expect(cases.map(c => [c.name, c.outcome])).toEqual(
        expect.arrayContaining([
          ['a', 'flaky'],
          ['b', 'passed'],
        ]),
      );
      // The same run again is stored once; another report under its id is a 409.
      expect((await upload(api, xml)).body).toEqual(
        expect.objectContaining({ accepted: 0, duplicates: 1 }),
      );
      const other = await upload(api, xml.replace('name="b"', 'name="c"'));
      expect(other.status).toBe(409);
      expect(other.body.error.message).toMatch(
        /^Test run build-7 of component:default\/payments-api was stored before with other content/,
      );
      expect((await rows()).cases).toHaveLength(2);
    });

    it('stores a report of 501 cases and more, sent gzip-compressed', async () => {
      const { api, rows } = await setup();
      const cases = Array.from(
        { length: 1501 },
        (_, i) => `<testcase classname="Big" name="t${i}" time="0.001"/>`,
      ).join('');
      const res = await api
        .post('/test-runs/junit?service=payments-api&runId=big-1')
        .set('Authorization', ci)
        .set('Content-Type', 'application/xml')
        .set('Content-Encoding', 'gzip')
        .send(gzipSync(`<testsuite name="big">${cases}</testsuite>`));
      expect(res.status).toBe(202);
      expect(res.body.run.tests).toBe(1501);
      expect((await rows()).cases).toHaveLength(1501);
    });

    it('answers 400 with the parser message to malformed XML, 401 to a bad signature', async () => {
      const { api, rows } = await setup();
      const res = await upload(
        api,
        '<testsuite><testcase name="a"></testsuite>',
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Malformed JUnit XML: 1:\d+: unexpected close tag/,
      );
      expect((await upload(api, xml, 'nope')).status).toBe(401);
      expect((await rows()).runs).toEqual([]);
    });

    it('takes an authenticated upload through the API too', async () => {
      const { api } = await setup();
      const res = await api
        .post('/test-runs/junit?service=payments-api&runId=b-1')
        .set('Authorization', ci)
        .set('Content-Type', 'text/xml')
        .send(xml);
      expect(res.status).toBe(202);
      const unknown = await api
        .post('/test-runs/junit?service=ghost&runId=b-1')
        .set('Authorization', ci)
        .set('Content-Type', 'text/xml')
        .send(xml);
      expect(unknown.status).toBe(404);
      const json = await api
        .post('/test-runs/junit?service=payments-api&runId=b-2')
        .set('Authorization', ci)
        .send({ xml });
      expect(json.status).toBe(400);
      expect(json.body.error.message).toBe(
        'Content-Type: a JUnit report is XML (application/xml), not JSON',
      );
    });
  });

  describe('incident webhook and metrics', () => {
    it('opens and resolves an incident, and the metrics show it', async () => {
      const { api } = await setup();
      await api
        .post('/events')
        .set('Authorization', ci)
        .send({ events: [deployment()] });
      const send = (payload: unknown) => {
        const body = JSON.stringify(payload);
        return api
          .post('/webhooks/incidents')
          .set('Content-Type', 'application/json')
          .set('X-Hub-Signature-256', signBody(SECRET, body))
          .send(body);
      };
      const opened = {
        id: 'INC-7',
        service: SVC,
        status: 'opened',
        openedAt: '2026-11-30T16:30:00Z',
        causedByDeploymentId: 'gh-run-1',
      };
      expect((await send(opened)).status).toBe(202);
      expect(
        (
          await send({
            ...opened,
            status: 'resolved',
            resolvedAt: '2026-11-30T18:30:00Z',
          })
        ).status,
      ).toBe(202);
      expect((await send({ ...opened, status: 'gone' })).status).toBe(400);

      const res = await api
        .get(
          `/metrics?service=payments-api&from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z`,
        )
        .set('Authorization', ana);
      expect(res.status).toBe(200);
      expect(res.body.dora.changeFailureRate).toEqual(
        expect.objectContaining({
          failedDeployments: 1,
          deployments: 1,
          rate: 1,
        }),
      );
      expect(res.body.dora.timeToRestore.p50Hours).toBe(2);
      const bad = await api
        .get('/metrics?from=last-week')
        .set('Authorization', ana);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('from');
      const team = await api
        .get('/metrics/dora?team=ghosts')
        .set('Authorization', ana);
      expect(team.status).toBe(404);
    });
  });
});
