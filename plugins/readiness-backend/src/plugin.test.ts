import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { readinessPlugin } from './plugin';

jest.setTimeout(60_000);

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: ['ana', 'ben', 'cy'].map(u => ({
    type: 'hasMember',
    targetRef: `user:default/${u}`,
  })),
};
const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    description: 'Payments',
    annotations: {
      'pagerduty.com/service-id': 'PX1',
      'github.com/project-slug': 'skyline/payments-api',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:payments-team',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments-team' }],
};

const user = mockCredentials.user.header('user:default/ana');

let actions: ReturnType<typeof actionsRegistryServiceMock>;
// The mock registry files every action under the plugin id "test" (in the portal: "readiness:").
const MOCK_PREFIX = 'test:';

async function startReadiness(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  actions = actionsRegistryServiceMock();
  const { server } = await startTestBackend({
    features: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => actions,
      }),
      readinessPlugin,
      catalogServiceMock.factory({ entities: [team, service] }),
      mockServices.permissions.factory({ result }),
      // Requests without a token are anonymous, as in production, not a default test user.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return request(server);
}

/** CI's push of one fact, with a service token. */
function pushFlakyRate(
  api: request.Agent | ReturnType<typeof request>,
  value: number,
) {
  return api
    .post('/api/readiness/facts')
    .set('Authorization', mockCredentials.service.header())
    .send({
      facts: [
        {
          entityRef: 'component:default/payments-api',
          name: 'ci.test.flakyRate',
          value,
        },
      ],
    });
}

const scorecardUrl = '/api/readiness/scorecards/component/default/payments-api';
const checkOf = (body: any, capability: string, id: string) =>
  body.capabilities
    .find((c: any) => c.capability === capability)
    .checks.find((c: any) => c.id === id);

describe('readiness plugin at /api/readiness', () => {
  it('loads every built-in check with guidance and no problems', async () => {
    const api = await startReadiness();
    const res = await api
      .get('/api/readiness/checks')
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.checks.length).toBeGreaterThanOrEqual(24);
    for (const check of res.body.checks) {
      expect(check.howToFix.markdown.length).toBeGreaterThan(40);
    }
  });

  it('scores a service on the six capabilities, and a pushed fact turns a check green', async () => {
    const api = await startReadiness();
    const before = await api.get(scorecardUrl).set('Authorization', user);
    expect(before.status).toBe(200);
    expect(before.body.capabilities.map((c: any) => c.capability)).toEqual([
      'self-service-deployment',
      'test-feedback',
      'environment-provisioning',
      'code-review',
      'ownership',
      'observability',
    ]);
    expect(
      checkOf(before.body, 'ownership', 'ownership.owner-resolves').status,
    ).toBe('pass');
    expect(checkOf(before.body, 'ownership', 'ownership.oncall').status).toBe(
      'pass',
    );
    const flaky = checkOf(
      before.body,
      'test-feedback',
      'test-feedback.flaky-rate-low',
    );
    expect(flaky.status).toBe('missing-data');
    expect(flaky.howToFix.markdown).toContain('ci.test.flakyRate');
    const scoreBefore = before.body.capabilities.find(
      (c: any) => c.capability === 'test-feedback',
    ).score;

    const push = await pushFlakyRate(api, 0.01);
    expect(push.status).toBe(202);
    expect(push.body).toEqual({
      accepted: 1,
      changed: 1,
      evaluated: ['component:default/payments-api'],
    });

    const after = await api.get(scorecardUrl).set('Authorization', user);
    expect(
      checkOf(after.body, 'test-feedback', 'test-feedback.flaky-rate-low')
        .status,
    ).toBe('pass');
    const scoreAfter = after.body.capabilities.find(
      (c: any) => c.capability === 'test-feedback',
    ).score;
    expect(scoreAfter).toBeGreaterThan(scoreBefore);

    const history = await api
      .get(`${scorecardUrl}/history`)
      .set('Authorization', user);
    expect(history.status).toBe(200);
    const testFeedback = history.body.changes.filter(
      (c: any) => c.capability === 'test-feedback',
    );
    expect(testFeedback.map((c: any) => c.score)).toEqual([
      scoreBefore,
      scoreAfter,
    ]);
  });

  it('answers what to fix first: the checks blocking the next overall level, heaviest first', async () => {
    const api = await startReadiness();
    const card = await api.get(scorecardUrl).set('Authorization', user);
    expect(card.status).toBe(200);
    const { overallLevel, scoredCapabilities, fixFirst, capabilities } =
      card.body;
    expect(overallLevel).toBe('none');
    expect(scoredCapabilities).toBe(6);
    expect(fixFirst.level).toBe('bronze');
    // Exactly the checks each capability below bronze names as blocking bronze.
    const blockingBronze = capabilities.flatMap((c: any) =>
      c.next?.level === 'bronze' ? c.next.failingChecks : [],
    );
    expect(fixFirst.checks.map((c: any) => c.id).sort()).toEqual(
      [...blockingBronze].sort(),
    );
    expect(fixFirst.checks.length).toBeGreaterThan(1);
    const weights = fixFirst.checks.map((c: any) => c.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const check of fixFirst.checks) {
      expect(check).toEqual({
        id: expect.any(String),
        capability: expect.any(String),
        level: 'bronze',
        weight: expect.any(Number),
        status: expect.not.stringMatching(/^(pass|not-applicable)$/),
        title: checkOf(card.body, check.capability, check.id).title,
        howToFix: checkOf(card.body, check.capability, check.id).howToFix,
      });
    }
    expect(fixFirst.checks.map((c: any) => c.id)).toContain(
      'observability.runbook-linked',
    );
  });

  it('does not count a CI fact older than its declared age limit', async () => {
    const api = await startReadiness();
    const observedAt = new Date(Date.now() - 45 * 86_400_000).toISOString();
    const push = await api
      .post('/api/readiness/facts')
      .set('Authorization', mockCredentials.service.header())
      .send({
        facts: [
          {
            entityRef: 'component:default/payments-api',
            name: 'ci.test.flakyRate',
            value: 0.01,
            observedAt,
          },
        ],
      });
    expect(push.status).toBe(202);
    const card = await api.get(scorecardUrl).set('Authorization', user);
    expect(
      checkOf(card.body, 'test-feedback', 'test-feedback.flaky-rate-low'),
    ).toEqual(
      expect.objectContaining({
        status: 'missing-data',
        detail: `ci.test.flakyRate was last reported ${observedAt.slice(
          0,
          10,
        )}, more than 30 days ago`,
      }),
    );
    // A fresh push counts again.
    await pushFlakyRate(api, 0.01);
    const fresh = await api.get(scorecardUrl).set('Authorization', user);
    expect(
      checkOf(fresh.body, 'test-feedback', 'test-feedback.flaky-rate-low')
        .status,
    ).toBe('pass');
  });

  it('rejects bad facts with a 400 or 404 naming the field, and stores none of the batch', async () => {
    const api = await startReadiness();
    const push = (facts: unknown) =>
      api
        .post('/api/readiness/facts')
        .set('Authorization', mockCredentials.service.header())
        .send({ facts });
    const good = {
      entityRef: 'component:default/payments-api',
      name: 'ci.test.coveragePercent',
      value: 90,
    };

    const unknownFact = await push([good, { ...good, name: 'ci.test.vibes' }]);
    expect(unknownFact.status).toBe(400);
    expect(unknownFact.body.error.message).toContain(
      'facts[1].name "ci.test.vibes"',
    );

    const outOfRange = await push([{ ...good, value: 140 }]);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.message).toBe(
      'facts[0].value for ci.test.coveragePercent must be at most 100, got 140',
    );

    const wrongShape = await push([{ ...good, value: { a: 1 } }]);
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error.message).toMatch(
      /^Invalid facts: facts\[0\]\.value/,
    );

    const hugeText = await push([
      { ...good, name: 'catalog.runbookUrl', value: 'u'.repeat(10_001) },
    ]);
    expect(hugeText.status).toBe(400);
    expect(hugeText.body.error.message).toMatch(
      /^Invalid facts: facts\[0\]\.value/,
    );

    const unknownEntity = await push([
      good,
      { ...good, entityRef: 'component:default/nope' },
    ]);
    expect(unknownEntity.status).toBe(404);
    expect(unknownEntity.body.error.message).toBe(
      'facts[1].entityRef: no catalog entity component:default/nope',
    );

    const card = await api.get(scorecardUrl).set('Authorization', user);
    expect(
      checkOf(card.body, 'test-feedback', 'test-feedback.coverage-60').status,
    ).toBe('missing-data');
  });

  it('answers 404 for an unknown entity and 401 without credentials', async () => {
    const api = await startReadiness();
    const unknown = await api
      .get('/api/readiness/scorecards/component/default/nope')
      .set('Authorization', user);
    expect(unknown.status).toBe(404);
    const anonymous = await api.get(scorecardUrl);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a body that is not JSON with a 400 instead of evaluating everything', async () => {
    const api = await startReadiness();
    const res = await api
      .post('/api/readiness/evaluate')
      .set('Authorization', mockCredentials.service.header())
      .set('Content-Type', 'text/plain')
      .send('entityRef=component:default/payments-api');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('it must be JSON');
  });

  it('exempts a check with a reason until a date, once, and shows it on the scorecard', async () => {
    const api = await startReadiness();
    const body = {
      entityRef: 'component:default/payments-api',
      checkId: 'observability.runbook-linked',
      reason: 'Runbook is being rewritten this sprint',
      expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
    };
    const created = await api
      .post('/api/readiness/exemptions')
      .set('Authorization', user)
      .send(body);
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe('user:default/ana');
    const again = await api
      .post('/api/readiness/exemptions')
      .set('Authorization', user)
      .send(body);
    expect(again.status).toBe(409);
    const past = await api
      .post('/api/readiness/exemptions')
      .set('Authorization', user)
      .send({
        ...body,
        checkId: 'observability.dashboard-linked',
        expiresAt: '2020-01-01T00:00:00Z',
      });
    expect(past.status).toBe(400);
    const noReason = await api
      .post('/api/readiness/exemptions')
      .set('Authorization', user)
      .send({ ...body, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    // Bounded: a 1.5 MB reason, and an expiry in 9999 or past the 180-day default.
    const huge = await api
      .post('/api/readiness/exemptions')
      .set('Authorization', user)
      .send({ ...body, checkId: 'x.y', reason: 'r'.repeat(1_500_000) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(
      /^Invalid exemption: reason must be at most 2000 characters \(got "r{78}…\)$/,
    );
    for (const expiresAt of [
      '9999-12-31T00:00:00Z',
      new Date(Date.now() + 181 * 86400_000).toISOString(),
    ]) {
      const far = await api
        .post('/api/readiness/exemptions')
        .set('Authorization', user)
        .send({
          ...body,
          checkId: 'observability.dashboard-linked',
          expiresAt,
        });
      expect(far.status).toBe(400);
      expect(far.body.error.message).toContain(
        'is more than 180 days away (readiness.exemptions.maxDays)',
      );
    }

    const card = await api.get(scorecardUrl).set('Authorization', user);
    const runbook = checkOf(
      card.body,
      'observability',
      'observability.runbook-linked',
    );
    expect(runbook.status).toBe('fail');
    expect(runbook.exemption.reason).toBe(body.reason);
    // An exempted check no longer blocks the next level.
    expect(card.body.fixFirst.checks.map((c: any) => c.id)).not.toContain(
      'observability.runbook-linked',
    );
    expect(card.body.fixFirst.checks.length).toBeGreaterThan(0);

    const revoked = await api
      .delete(`/api/readiness/exemptions/${created.body.id}`)
      .set('Authorization', user);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedBy).toBe('user:default/ana');
  });

  it('lists the overview with filters, exports it as CSV and rolls it up per team', async () => {
    const api = await startReadiness();
    await api
      .post('/api/readiness/evaluate')
      .set('Authorization', user)
      .send({});
    const page = await api
      .get(
        '/api/readiness/overview?owner=group:default/payments-team&sort=ownership&order=desc',
      )
      .set('Authorization', user);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(1);
    expect(page.body.rows[0]).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        owner: 'group:default/payments-team',
      }),
    );
    // The overview shows the same score the scorecard does.
    const card = await api.get(scorecardUrl).set('Authorization', user);
    const ownership = card.body.capabilities.find(
      (c: any) => c.capability === 'ownership',
    );
    expect(page.body.rows[0].scores.ownership).toEqual({
      score: ownership.score,
      level: ownership.level,
    });
    // And the same first check to fix, stored when it was evaluated.
    const [first] = card.body.fixFirst.checks;
    expect(page.body.rows[0].scoredCapabilities).toBe(6);
    expect(page.body.rows[0].fixFirst).toEqual({
      level: card.body.fixFirst.level,
      blockingChecks: card.body.fixFirst.checks.length,
      first: {
        id: first.id,
        capability: first.capability,
        level: first.level,
        title: first.title,
      },
    });

    const csv = await api
      .get('/api/readiness/overview?format=csv')
      .set('Authorization', user);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(
      /^entity_ref,title,kind,type,owner,system,lifecycle,overall_level,self-service-deployment_score/,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^component:default\/payments-api,payments-api,Component,service,group:default\/payments-team/,
    );
    expect(lines[0]).toMatch(
      /,scored_capabilities,next_level,blocking_checks,fix_first_check$/,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `,6,bronze,${card.body.fixFirst.checks.length},${first.id.replace(
          /\./g,
          '\\.',
        )}$`,
      ),
    );

    const rollups = await api
      .get('/api/readiness/rollups')
      .set('Authorization', user);
    expect(rollups.status).toBe(200);
    expect(rollups.body.rollups).toEqual([
      expect.objectContaining({
        owner: 'group:default/payments-team',
        entities: 1,
        fixFirst: {
          id: first.id,
          capability: first.capability,
          level: first.level,
          title: first.title,
          entities: 1,
        },
      }),
    ]);

    const bad = await api
      .get('/api/readiness/overview?sort=speed&limit=0')
      .set('Authorization', user);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid query: sort/);
  });

  it('gives coding agents the scorecard and the failing checks with how to fix them', async () => {
    await startReadiness();
    const credentials = mockCredentials.user('user:default/ana');
    const { output: card } = await actions.invoke({
      id: `${MOCK_PREFIX}get-readiness-scorecard`,
      input: { entityRef: 'component:default/payments-api' },
      credentials,
    });
    expect((card as any).capabilities).toHaveLength(6);
    expect((card as any).scoredCapabilities).toBe(6);
    expect((card as any).fixFirst.level).toBe('bronze');
    const { output } = await actions.invoke({
      id: `${MOCK_PREFIX}list-failing-readiness-checks`,
      input: {
        entityRef: 'component:default/payments-api',
        capability: 'observability',
      },
      credentials,
    });
    const checks = (output as any).checks;
    expect(checks.map((c: any) => c.id)).toContain(
      'observability.runbook-linked',
    );
    expect(checks.every((c: any) => c.capability === 'observability')).toBe(
      true,
    );
    expect(checks[0].level).toBe('bronze');
    expect(checks[0].howToFix.markdown.length).toBeGreaterThan(40);
    // The same fix-first list as the scorecard, whichever capability was asked about.
    expect((output as any).fixFirst).toEqual((card as any).fixFirst);
    expect((output as any).fixFirst.checks.length).toBeGreaterThan(1);
  });

  it('refuses with 403 when the permission policy denies', async () => {
    const api = await startReadiness(AuthorizeResult.DENY);
    const card = await api.get(scorecardUrl).set('Authorization', user);
    expect(card.status).toBe(403);
    const push = await pushFlakyRate(api, 0.01);
    expect(push.status).toBe(403);
    await expect(
      actions.invoke({
        id: `${MOCK_PREFIX}get-readiness-scorecard`,
        input: { entityRef: 'component:default/payments-api' },
        credentials: mockCredentials.user('user:default/ana'),
      }),
    ).rejects.toThrow(/Not allowed/);
  });
});
