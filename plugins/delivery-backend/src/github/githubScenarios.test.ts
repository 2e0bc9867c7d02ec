import { signBody } from '@internal/plugin-delivery-node';
import { createTestDatabases } from '@internal/testing';
import fs from 'node:fs';
import path from 'node:path';
import { component, SECRET } from '../__testUtils__/harness';
import { createRouterHarness } from '../__testUtils__/routerHarness';
import { toIso } from '../lib/time';

jest.setTimeout(60_000);

/**
 * Sequences of GitHub deliveries, built from the real payloads in src/__fixtures__/github with
 * the fields that order them changed (named at each use): reopening, late deliveries, a
 * deploy whose lead time starts at the first commit pushed, and a monorepo.
 */
const folder = path.resolve(__dirname, '../__fixtures__/github');
function payload(file: string, patch: (p: any) => void = () => {}) {
  const p = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  patch(p);
  return p;
}
const databases = createTestDatabases();
const SHA = (c: string) => c.repeat(40);

describe.each(databases.eachSupportedId())('GitHub sequences on %s', id => {
  async function setup(
    entities = [
      component('hello-world', 'payments-team', {
        'github.com/project-slug': 'Codertocat/Hello-World',
        'runway.dev/deploy-path': 'dev,staging,prod',
      }),
    ],
  ) {
    const { api, h } = await createRouterHarness(databases, id, {
      delivery: { retentionDays: 20 * 366 },
      entities,
    });
    let n = 0;
    const send = async (event: string, body: unknown) => {
      const text = JSON.stringify(body);
      const res = await api
        .post('/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', event)
        .set('X-GitHub-Delivery', `d-${++n}`)
        .set('X-Hub-Signature-256', signBody(SECRET, text))
        .send(text);
      expect(res.status).toBe(202);
      return res.body;
    };
    return { send, h };
  }

  it('reopens a closed pull request, and a late delivery of the close does not close it again', async () => {
    const { send, h } = await setup();
    const closed = payload('pull_request.closed.unmerged.json');
    // The reopen, as GitHub sends it a minute after the close (updated_at moves on).
    const reopened = payload('pull_request.reopened.json', p => {
      p.pull_request.updated_at = '2019-05-15T15:22:18Z';
    });
    await send('pull_request', closed);
    const pr = () =>
      h
        .knex('delivery_pull_requests')
        .where({ pr_key: 'codertocat/hello-world#2' })
        .first();
    expect(toIso((await pr()).closed_at)).toBe('2019-05-15T15:21:18.000Z');
    await send('pull_request', reopened);
    expect((await pr()).closed_at).toBeNull();
    await send('pull_request', closed);
    expect((await pr()).closed_at).toBeNull();
  });

  it('takes a deploy through its statuses in any order, and starts its lead time at the first commit pushed since the last deploy', async () => {
    const { send, h } = await setup();
    // Two pushes to master: A (branch created, commit 15:19:25) then B on top of A (its own
    // commit an hour later); the deploy ships B.
    await send(
      'push',
      payload('push.branch-created.json', p => {
        p.after = SHA('a');
        p.commits[0].id = SHA('a');
      }),
    );
    await send(
      'push',
      payload('push.branch-created.json', p => {
        p.before = SHA('a');
        p.after = SHA('b');
        p.created = false;
        p.commits[0].id = SHA('b');
        p.commits[0].timestamp = '2019-05-15T16:19:25Z';
      }),
    );
    const deployment = (p: any) => {
      p.deployment.sha = SHA('b');
    };
    // The success arrives before the deployment's creation and its in_progress status.
    await send(
      'deployment_status',
      payload('deployment_status.created.success.json', deployment),
    );
    await send('deployment', payload('deployment.created.json', deployment));
    const row = await h.knex('delivery_deployments').first();
    expect(row.status).toBe('succeeded');
    expect(row.environment).toBe('prod');
    // 15:19:25 (first commit of A) to 15:20:55 (success): 90 s.
    expect(Number(row.lead_time_seconds)).toBe(90);

    // A later deploy of a third commit C counts from C's push only: B was shipped.
    await send(
      'push',
      payload('push.branch-created.json', p => {
        p.before = SHA('b');
        p.after = SHA('c');
        p.created = false;
        p.commits[0].id = SHA('c');
        p.commits[0].timestamp = '2019-05-15T17:00:00Z';
      }),
    );
    await send(
      'deployment_status',
      payload('deployment_status.created.success.json', p => {
        p.deployment.id = 145988747;
        p.deployment.sha = SHA('c');
        p.deployment_status.created_at = '2019-05-15T17:30:00Z';
      }),
    );
    const next = await h
      .knex('delivery_deployments')
      .where({ id: 'github-deployment-145988747' })
      .first();
    expect(Number(next.lead_time_seconds)).toBe(1800);
  });

  it('attributes a monorepo push by its files, and a pull request by its label', async () => {
    const entities = [
      component('hello-api', 'payments-team', {
        'github.com/project-slug': 'Codertocat/Hello-World',
        'runway.dev/source-paths': 'api/**',
        'runway.dev/github-labels': 'api',
      }),
      component('hello-docs', 'platform-team', {
        'github.com/project-slug': 'Codertocat/Hello-World',
        'runway.dev/source-paths': 'README.md, docs/**',
        'runway.dev/github-labels': 'bug',
      }),
    ];
    const { send, h } = await setup(entities);
    // The real push touches README.md only.
    expect(await send('push', payload('push.branch-created.json'))).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    const pushes = await h.knex('delivery_pushes').select('service_ref');
    expect(pushes.map(p => p.service_ref)).toEqual([
      'component:default/hello-docs',
    ]);
    // The real pull request carries the label "bug".
    await send('pull_request', payload('pull_request.opened.json'));
    const pr = await h.knex('delivery_pull_requests').first();
    expect(pr.service_ref).toBe('component:default/hello-docs');
    // A workflow run nobody claims is acknowledged, not refused.
    expect(
      await send('check_suite', payload('check_suite.completed.json')),
    ).toEqual({
      accepted: 0,
      duplicates: 0,
      ignored:
        'ci_run in a repository 2 components share, and none claims it (runway.dev/github-workflows)',
    });
  });
});
