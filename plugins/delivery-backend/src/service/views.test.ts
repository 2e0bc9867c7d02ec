import { mockCredentials } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/testing';
import { createRouterHarness } from '../__testUtils__/routerHarness';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ana = mockCredentials.user.header('user:default/ana'); // payments-team (owner)
const ci = mockCredentials.service.header();
const SVC = 'component:default/payments-api';

const prod = (id: string, version: string, finishedAt: string, extra = {}) => ({
  type: 'deployment',
  id,
  service: 'payments-api',
  environment: 'prod',
  version,
  status: 'succeeded',
  firstCommitAt: new Date(Date.parse(finishedAt) - 2 * 3600_000).toISOString(),
  finishedAt,
  ...extra,
});

describe.each(databases.eachSupportedId())('delivery views on %s', id => {
  async function setup(options: { deny?: string[] } = {}) {
    const { api, h } = await createRouterHarness(databases, id, options);
    return { api, h };
  }

  it('charts production deployments, failures, lead time and time to restore per day', async () => {
    const { api } = await setup();
    const ingest = await api
      .post('/events')
      .set('Authorization', ci)
      .send({
        events: [
          prod('d1', '1.0.0', '2026-11-02T10:00:00Z'),
          prod('d2', '1.0.1', '2026-11-02T12:00:00Z'),
          prod('d3', '1.0.2', '2026-11-04T09:00:00Z', { status: 'failed' }),
          // Not production: not on the chart.
          {
            ...prod('d4', '1.0.3', '2026-11-04T10:00:00Z'),
            environment: 'staging',
          },
          {
            type: 'incident',
            id: 'inc-1',
            service: 'payments-api',
            status: 'resolved',
            openedAt: '2026-11-04T09:30:00Z',
            resolvedAt: '2026-11-04T10:30:00Z',
            causedByDeploymentId: 'd3',
          },
        ],
      });
    expect(ingest.status).toBe(202);

    const res = await api
      .get('/metrics/timeseries')
      .query({
        service: 'payments-api',
        from: '2026-11-02T06:00:00Z',
        to: '2026-11-05T00:00:00Z',
        bucket: 'day',
      })
      .set('Authorization', ana);
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ type: 'service', ref: SVC });
    // Snapped outwards to whole UTC days.
    expect(res.body.window).toEqual({
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-05T00:00:00.000Z',
    });
    const [nov2, nov3, nov4] = res.body.points;
    expect(res.body.points).toHaveLength(3);
    expect(nov2).toMatchObject({
      start: '2026-11-02T00:00:00.000Z',
      deployments: 2,
      finished: 2,
      failedDeployments: 0,
      changeFailureRate: 0,
      leadTimes: 2,
      incidentsResolved: 0,
    });
    // Two hours, from the histogram bucket (within about 4.4%).
    expect(nov2.leadTimeP50Hours).toBeGreaterThan(2 * 0.95);
    expect(nov2.leadTimeP50Hours).toBeLessThan(2 * 1.05);
    expect(nov3).toEqual({
      start: '2026-11-03T00:00:00.000Z',
      end: '2026-11-04T00:00:00.000Z',
      deployments: 0,
      finished: 0,
      failedDeployments: 0,
      leadTimes: 0,
      incidentsResolved: 0,
    });
    expect(nov4).toMatchObject({
      deployments: 0,
      finished: 1,
      failedDeployments: 1,
      changeFailureRate: 1,
      incidentsResolved: 1,
      timeToRestoreP50Hours: 1,
    });

    // The organisation reads the same days from its own lead-time rollup; weeks start on Monday.
    const weeks = await api
      .get('/metrics/timeseries')
      .query({ from: '2026-11-02T00:00:00Z', to: '2026-11-16T00:00:00Z' })
      .set('Authorization', ana);
    expect(weeks.status).toBe(200);
    expect(weeks.body.bucket).toBe('week');
    expect(
      weeks.body.points.map((p: any) => [p.start, p.deployments, p.finished]),
    ).toEqual([
      ['2026-11-02T00:00:00.000Z', 2, 3],
      ['2026-11-09T00:00:00.000Z', 0, 0],
    ]);
    expect(weeks.body.points[0].leadTimes).toBe(2);
  });

  it('answers 400 naming the field, 404 for an unknown team and 403 without the metrics permission', async () => {
    const { api } = await setup();
    const bucket = await api
      .get('/metrics/timeseries?bucket=month')
      .set('Authorization', ana);
    expect(bucket.status).toBe(400);
    expect(bucket.body.error.message).toMatch(/^Invalid query: bucket /);
    expect(bucket.body.error.message).toContain('"month"');

    const from = await api
      .get('/metrics/timeseries?from=yesterday')
      .set('Authorization', ana);
    expect(from.status).toBe(400);
    expect(from.body.error.message).toContain('from');

    const tooMany = await api
      .get('/metrics/timeseries')
      .query({
        from: '2025-01-01T00:00:00Z',
        to: '2026-11-01T00:00:00Z',
        bucket: 'day',
      })
      .set('Authorization', ana);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('bucket=week');

    const team = await api
      .get('/metrics/timeseries?team=nobody')
      .set('Authorization', ana);
    expect(team.status).toBe(404);

    const { api: denied } = await setup({ deny: ['delivery.metrics.read'] });
    const forbidden = await denied
      .get('/metrics/timeseries')
      .set('Authorization', ana);
    expect(forbidden.status).toBe(403);
  });

  it('lists the environments on the deploy path with what is live and what is deploying, and the known versions', async () => {
    const { api, h } = await setup();
    await api
      .post('/events')
      .set('Authorization', ci)
      .send({
        events: [
          {
            ...prod('ci-1', '1.0.0', '2026-11-20T10:00:00Z'),
            commitSha: 'abc1def',
          },
          {
            ...prod('ci-2', '1.0.0', '2026-11-19T10:00:00Z'),
            environment: 'staging',
          },
        ],
      });
    h.driver.hold();
    const deploy = await api.post('/deploys').set('Authorization', ana).send({
      service: 'payments-api',
      environment: 'staging',
      version: '1.1.0',
    });
    expect(deploy.status).toBe(202);
    await h.settled(deploy.body.id, 'running');

    const res = await api
      .get('/environments?service=payments-api')
      .set('Authorization', ana);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      service: SVC,
      owner: 'group:default/payments-team',
      deployPath: ['dev', 'staging', 'prod'],
      pathFromAnnotation: true,
      platformTeam: 'group:default/platform-team',
    });
    const [dev, staging, prodEnv] = res.body.environments;
    expect(dev).toEqual({ name: 'dev', tier: 'development', configured: true });
    expect(staging.current.version).toBe('1.0.0');
    expect(staging.active).toMatchObject({
      version: '1.1.0',
      status: 'running',
    });
    expect(prodEnv.current).toMatchObject({
      version: '1.0.0',
      commitSha: 'abc1def',
    });
    // The harness's clock is a Tuesday morning: no freeze.
    expect(prodEnv.freeze).toBeUndefined();

    const versions = await api
      .get('/versions?service=payments-api')
      .set('Authorization', ana);
    expect(versions.status).toBe(200);
    expect(
      versions.body.versions.map((v: any) => [v.version, v.liveIn.sort()]),
    ).toEqual([
      ['1.1.0', []],
      ['1.0.0', ['prod', 'staging']],
    ]);
    h.driver.release();
    await h.settled(deploy.body.id, 'succeeded');
    const after = await api
      .get('/versions?service=payments-api&limit=1')
      .set('Authorization', ana);
    expect(after.body.versions).toEqual([
      expect.objectContaining({ version: '1.1.0', liveIn: ['staging'] }),
    ]);

    expect(
      (
        await api
          .get('/versions?service=payments-api&limit=0')
          .set('Authorization', ana)
      ).body.error.message,
    ).toMatch(/^Invalid query: limit /);
    expect(
      (await api.get('/environments').set('Authorization', ana)).status,
    ).toBe(400);
    expect(
      (await api.get('/environments?service=nope').set('Authorization', ana))
        .status,
    ).toBe(404);
    const { api: denied } = await setup({ deny: ['delivery.deploy.read'] });
    expect(
      (
        await denied
          .get('/versions?service=payments-api')
          .set('Authorization', ana)
      ).status,
    ).toBe(403);
  });
});
