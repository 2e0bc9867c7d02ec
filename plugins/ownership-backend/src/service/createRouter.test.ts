import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { FakeOwnershipSources } from '../__testUtils__/FakeOwnershipSources';
import { AuthorizedOwnershipService } from '../services/AuthorizedOwnershipService';
import { OwnershipService } from '../services/OwnershipService';
import { createRouter } from './createRouter';

function app(
  options: {
    sources?: FakeOwnershipSources;
    allow?: boolean;
    credentials?:
      | ReturnType<typeof mockCredentials.user>
      | ReturnType<typeof mockCredentials.none>;
  } = {},
) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({
        result:
          options.allow === false
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  });
  const service = new AuthorizedOwnershipService(
    new OwnershipService(
      options.sources ?? new FakeOwnershipSources(),
      mockServices.logger.mock(),
    ),
    permissions,
  );
  const httpAuth = mockServices.httpAuth({
    defaultCredentials: options.credentials ?? mockCredentials.user(),
  });
  return express()
    .use(createRouter({ service, httpAuth }))
    .use(mockErrorHandler());
}

describe('GET /entities', () => {
  it('lists every owned entity with its problems and a summary', async () => {
    const res = await request(app()).get('/entities');
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({
      entities: 4,
      teams: 2,
      orphaned: 1,
      teamsOfOne: 1,
      withoutOnCall: 2,
      byProblem: {
        'owner-unresolved': 1,
        'team-of-one': 1,
        'oncall-missing': 2,
      },
    });
    const byRef = Object.fromEntries(
      res.body.items.map((e: any) => [
        e.ref,
        e.problems.map((p: any) => p.code),
      ]),
    );
    expect(byRef).toEqual({
      'api:default/payments-openapi': [],
      'component:default/fraud-detector': ['team-of-one', 'oncall-missing'],
      'component:default/payments-api': [],
      'component:default/pdf-invoicer': ['owner-unresolved', 'oncall-missing'],
    });
  });

  it('filters by team, problem, kind and lifecycle together', async () => {
    const refs = async (query: string) =>
      (await request(app()).get(`/entities?${query}`)).body.items.map(
        (e: any) => e.ref,
      );
    expect(await refs('team=payments-team')).toEqual([
      'api:default/payments-openapi',
      'component:default/payments-api',
    ]);
    expect(await refs('team=group:default/payments-team&kind=API')).toEqual([
      'api:default/payments-openapi',
    ]);
    expect(await refs('problem=orphaned')).toEqual([
      'component:default/pdf-invoicer',
    ]);
    expect(await refs('problem=oncall-missing&lifecycle=Experimental')).toEqual(
      ['component:default/fraud-detector'],
    );
  });

  it('exports CSV, quoting what needs quoting', async () => {
    const res = await request(app()).get(
      '/entities?team=payments-team&format=csv',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text.split('\r\n')).toEqual([
      'entity,title,kind,type,lifecycle,system,owner,owner_resolved,on_call,escalation,problems,details',
      'api:default/payments-openapi,payments-openapi,api,openapi,production,,group:default/payments-team,yes,,,,',
      'component:default/payments-api,"Payments, ""core"" API",component,service,production,,group:default/payments-team,yes,pagerduty:PX1A2B3,payments-oncall -> cto,,',
      '',
    ]);
  });

  it('answers 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['kind=group', 'kind'],
      ['problem=sad', 'problem'],
      ['format=xml', 'format'],
      ['owner=x', 'owner'],
      ['team=', 'team'],
    ]) {
      const res = await request(app()).get(`/entities?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`^Invalid query parameter ${field}: `),
      );
    }
  });

  it('answers 401 without credentials and 403 without ownership.read', async () => {
    const anonymous = await request(
      app({ credentials: mockCredentials.none() }),
    ).get('/entities');
    expect(anonymous.status).toBe(401);
    const denied = await request(app({ allow: false })).get('/entities');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe('Not allowed: ownership.read');
  });
});

describe('GET /teams', () => {
  it('lists teams with members, what they own, environments and deploys', async () => {
    const res = await request(app()).get('/teams?team=payments-team');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      unavailable: [],
      items: [
        expect.objectContaining({
          ref: 'group:default/payments-team',
          members: ['user:default/ana', 'user:default/bo'],
          owned: [
            {
              ref: 'component:default/payments-api',
              kind: 'component',
              title: 'Payments, "core" API',
            },
            {
              ref: 'api:default/payments-openapi',
              kind: 'api',
              title: 'payments-openapi',
            },
          ],
          environments: [
            expect.objectContaining({ name: 'pr-42', status: 'ready' }),
          ],
          deployments: [
            expect.objectContaining({
              service: 'component:default/payments-api',
              version: '1.4.2',
            }),
          ],
          problems: [],
        }),
      ],
    });
  });

  it('filters teams of one and still answers when environments and delivery are down', async () => {
    const res = await request(
      app({
        sources: new FakeOwnershipSources(undefined, [
          'environments',
          'delivery',
        ]),
      }),
    ).get('/teams?problem=team-of-one');
    expect(res.body.unavailable).toEqual(['environments', 'delivery']);
    expect(
      res.body.items.map((t: any) => [
        t.ref,
        t.problems.map((p: any) => p.code),
      ]),
    ).toEqual([
      ['group:default/security-team', ['team-of-one', 'oncall-missing']],
    ]);
    const csv = await request(app()).get(
      '/teams?format=csv&team=security-team',
    );
    expect(csv.text.split('\r\n')[1]).toBe(
      'group:default/security-team,user:default/cy,1,component:default/fraud-detector,,,team-of-one;oncall-missing',
    );
  });

  it('answers 400 for a problem teams cannot have', async () => {
    const res = await request(app()).get('/teams?problem=owner-unresolved');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Invalid query parameter problem: /,
    );
  });
});
