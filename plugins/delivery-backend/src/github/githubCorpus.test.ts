import { signBody } from '@internal/plugin-delivery-node';
import { createTestDatabases } from '@internal/testing';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { component, SECRET } from '../__testUtils__/harness';
import { createRouterHarness } from '../__testUtils__/routerHarness';
import { toIso } from '../lib/time';

jest.setTimeout(120_000);

/**
 * Every GitHub payload in src/__fixtures__/github (as GitHub sent them, from public
 * repositories; sources in manifest.json) through the signed webhook, one at a time into an
 * empty database, and what each must become. The expected rows are read off the payloads by
 * hand, with GitHub's documented meanings (docs.github.com, HEADERS.md in the folder).
 */
const folder = path.resolve(__dirname, '../__fixtures__/github');
const read = (file: string) => fs.readFileSync(path.join(folder, file));
const manifest: Array<{ file: string; event: string; sha256: string }> =
  JSON.parse(read('manifest.json').toString());
/** The bytes GitHub sent (one capture is kept wrapped in {event, payload}). */
function bodyOf(file: string): string {
  const doc = JSON.parse(read(file).toString());
  return doc.payload && doc.event
    ? JSON.stringify(doc.payload)
    : read(file).toString();
}

type Expected =
  | { ignored: string }
  | {
      table: string;
      where: Record<string, unknown>;
      row: Record<string, unknown>;
    };

const SVC = (repo: string) =>
  `component:default/${repo.replace('/', '-').toLowerCase()}`;
const HELLO = SVC('Codertocat/Hello-World');
const dep = (id: number) => ({ id: `github-deployment-${id}` });

const EXPECTED: Record<string, Expected> = {
  'deployment.created.json': {
    table: 'delivery_deployments',
    where: dep(145988746),
    row: {
      service_ref: HELLO,
      status: 'queued',
      // "production" is the deploy path's production environment.
      environment: 'prod',
      is_production: true,
      version: 'f95f852bd8fc',
      commit_sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      queued_at: '2019-05-15T15:20:53.000Z',
      finished_at: null,
      triggered_by: 'github:Codertocat',
    },
  },
  'deployment.created.github-pages.json': {
    table: 'delivery_deployments',
    where: dep(145988746),
    // production_environment false: not production whatever its name.
    row: {
      environment: 'github-pages',
      is_production: false,
      status: 'queued',
    },
  },
  'deployment_status.created.success.json': {
    table: 'delivery_deployments',
    where: dep(145988746),
    row: {
      status: 'succeeded',
      environment: 'prod',
      is_production: true,
      finished_at: '2019-05-15T15:20:55.000Z',
    },
  },
  'deployment_status.created.in_progress.json': {
    table: 'delivery_deployments',
    where: dep(145988746),
    row: {
      status: 'running',
      environment: 'github-pages',
      started_at: '2022-01-03T01:28:40.000Z',
      finished_at: null,
    },
  },
  // 2016 deliveries without an `action` key.
  'deployment_status.created.failure.json': {
    table: 'delivery_deployments',
    where: dep(6175277),
    row: {
      service_ref: SVC('atmos-org/speakerboxxx'),
      status: 'failed',
      environment: 'prod',
      finished_at: '2016-06-19T21:12:25.000Z',
    },
  },
  'deployment_status.created.pending.json': {
    table: 'delivery_deployments',
    where: dep(6175277),
    row: { status: 'queued', queued_at: '2016-06-19T21:11:54.000Z' },
  },
  'deployment_status.created.error.json': {
    table: 'delivery_deployments',
    where: dep(3792439815),
    row: {
      status: 'failed',
      is_production: true,
      finished_at: '2026-02-07T20:00:54.000Z',
    },
  },
  'push.branch.json': {
    table: 'delivery_pushes',
    where: { after_sha: '3b9b972be9c2b24920ac73f2736b170174df279a' },
    row: {
      service_ref: SVC('atmos-org/speakerboxxx'),
      before_sha: '350218bdfad9150dff19dc769d839a45aba7b244',
      ref: 'refs/heads/master',
      // 2016-06-13T15:56:37-07:00
      first_commit_at: '2016-06-13T22:56:37.000Z',
      commits: 1,
      forced: false,
    },
  },
  'push.branch-created.json': {
    table: 'delivery_pushes',
    where: { after_sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246' },
    row: {
      before_sha: '0000000000000000000000000000000000000000',
      first_commit_at: '2019-05-15T15:19:25.000Z',
    },
  },
  'push.tag-created.json': {
    ignored: 'push of refs/tags/v0.0.1: not a branch',
  },
  'push.branch-deleted.json': { ignored: 'push deleting a branch or tag' },
  'push.tag-deleted.json': { ignored: 'push deleting a branch or tag' },
  'push.forced.json': {
    table: 'delivery_pushes',
    where: { after_sha: '971d76ca309446a9c20381f6271cea8a59b4e40a' },
    // 2023-05-04T22:44:40+05:30
    row: { forced: true, first_commit_at: '2023-05-04T17:14:40.000Z' },
  },
  'push.forced-no-commits.json': { ignored: 'push without new commits' },
  'workflow_run.requested.json': {
    table: 'delivery_ci_runs',
    where: { id: 'github-workflow-run-289782451-1' },
    row: {
      kind: 'workflow_run',
      provider: 'github-actions',
      name: 'test',
      status: 'running',
      conclusion: null,
      finished_at: null,
    },
  },
  'workflow_run.completed.success.json': {
    table: 'delivery_ci_runs',
    where: { id: 'github-workflow-run-289782451-1' },
    row: {
      status: 'completed',
      conclusion: 'success',
      trigger: 'repository_dispatch',
      head_branch: 'master',
      started_at: '2020-10-05T16:33:49.000Z',
      finished_at: '2020-10-05T16:33:49.000Z',
      duration_seconds: 0,
    },
  },
  'workflow_run.completed.failure.wrapped.json': {
    table: 'delivery_ci_runs',
    where: { id: 'github-workflow-run-9399825641-1' },
    row: {
      name: 'Clone and Build Workflow',
      conclusion: 'failure',
      trigger: 'pull_request',
      duration_seconds: 12,
    },
  },
  'workflow_run.in_progress.json': {
    table: 'delivery_ci_runs',
    where: { id: 'github-workflow-run-18436407157-1' },
    row: {
      name: 'CodeQL',
      status: 'running',
      head_branch: 'refs/pull/166/head',
    },
  },
  'workflow_job.queued.with-deployment.json': {
    ignored: 'workflow_job: not an event delivery reads',
  },
  'workflow_job.completed.success.json': {
    ignored: 'workflow_job: not an event delivery reads',
  },
  'workflow_job.completed.failure.json': {
    ignored: 'workflow_job: not an event delivery reads',
  },
  'check_suite.completed.json': {
    table: 'delivery_ci_runs',
    where: { id: 'github-check-suite-118578147' },
    row: {
      kind: 'check_suite',
      name: 'octocoders-linter',
      conclusion: 'success',
      head_branch: 'changes',
      duration_seconds: 43,
    },
  },
  'check_suite.completed.raw.json': {
    ignored: 'check_suite of GitHub Actions (its workflow_run is read)',
  },
  'check_suite.requested.json': { ignored: 'check_suite requested' },
  'check_suite.requested.raw.json': { ignored: 'check_suite requested' },
  'check_run.created.json': { ignored: 'check_run created' },
  'check_run.created.raw.json': { ignored: 'check_run created' },
  'check_run.completed.success.json': {
    table: 'delivery_ci_runs',
    where: { id: 'github-check-run-128620228' },
    row: {
      kind: 'check_run',
      name: 'Octocoders-linter',
      conclusion: 'success',
    },
  },
  'check_run.completed.failure.json': {
    ignored: 'check_run of GitHub Actions (its workflow_run is read)',
  },
  'check_run.completed.skipped.raw.json': {
    ignored: 'check_run of GitHub Actions (its workflow_run is read)',
  },
  'pull_request.opened.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    row: {
      service_ref: HELLO,
      author: 'Codertocat',
      opened_at: '2019-05-15T15:20:33.000Z',
      ready_at: '2019-05-15T15:20:33.000Z',
      draft: false,
      closed_at: null,
      merged_at: null,
      head_sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    },
  },
  'pull_request.reopened.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    row: { closed_at: null, merged_at: null },
  },
  'pull_request.synchronize.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    row: { additions: 1, deletions: 1 },
  },
  'pull_request.converted_to_draft.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    row: { draft: true, ready_at: null },
  },
  'pull_request.ready_for_review.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    // Ready when marked so (updated_at), not when opened.
    row: { draft: false, ready_at: '2019-05-15T15:21:18.000Z' },
  },
  'pull_request.labeled.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    row: { state_at: '2019-05-15T15:20:35.000Z' },
  },
  'pull_request.closed.unmerged.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'codertocat/hello-world#2' },
    row: {
      closed_at: '2019-05-15T15:21:18.000Z',
      merged_at: null,
      // Before a merge GitHub's merge_commit_sha is a test merge.
      merge_commit_sha: null,
    },
  },
  'pull_request.edited.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'bradrydzewski/drone-test-go#1' },
    row: { additions: 1, deletions: 4, opened_at: '2018-06-22T23:54:09.000Z' },
  },
  'pull_request.opened.raw.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'derekg1729/test-repo#315' },
    row: { author: 'derekg1729', additions: 1, deletions: 0 },
  },
  'pull_request.synchronize.raw.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'derekg1729/test-repo#315' },
    row: { head_sha: 'b47337c4ca1d0241a46b452efc902c18973b5ad6', additions: 4 },
  },
  'pull_request.closed.merged.raw.json': {
    table: 'delivery_pull_requests',
    where: { pr_key: 'derekg1729/test-repo#315' },
    row: {
      merged_at: '2025-10-15T07:15:39.000Z',
      closed_at: '2025-10-15T07:15:40.000Z',
      merge_commit_sha: '18cc785ed89e9653ea48823eb5320ab0b691d7da',
    },
  },
  'pull_request_review.submitted.commented.json': {
    table: 'delivery_reviews',
    where: { review_id: '237895671' },
    row: {
      pr_key: 'codertocat/hello-world#2',
      state: 'commented',
      reviewer: 'Codertocat',
      submitted_at: '2019-05-15T15:20:38.000Z',
    },
  },
  'pull_request_review.dismissed.json': {
    table: 'delivery_reviews',
    where: { review_id: '237895671' },
    row: { state: 'dismissed' },
  },
  'pull_request_review.edited.json': { ignored: 'pull_request_review edited' },
  'ping.json': { ignored: 'ping' },
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('GitHub corpus on %s', id => {
  async function setup(secret = SECRET) {
    const repos = new Set<string>();
    for (const { file } of manifest) {
      const repo = JSON.parse(bodyOf(file)).repository?.full_name;
      if (repo) repos.add(repo);
    }
    return createRouterHarness(databases, id, {
      // The payloads are from 2016 on.
      delivery: { retentionDays: 20 * 366, webhooks: { secret } },
      entities: [...repos].map(r =>
        component(r.replace('/', '-').toLowerCase(), 'payments-team', {
          'github.com/project-slug': r,
          'runway.dev/deploy-path': 'dev,staging,prod',
        }),
      ),
    });
  }

  it('keeps every payload byte for byte as its source has it', () => {
    for (const { file, sha256 } of manifest)
      expect([
        file,
        createHash('sha256').update(read(file)).digest('hex'),
      ]).toEqual([file, sha256]);
  });

  it('turns every payload into what GitHub says happened, or says why it does not', async () => {
    const { api, h } = await setup();
    expect(Object.keys(EXPECTED).sort()).toEqual(
      manifest.map(m => m.file).sort(),
    );
    const tables = [
      'delivery_deployments',
      'delivery_pushes',
      'delivery_ci_runs',
      'delivery_pull_requests',
      'delivery_reviews',
      'delivery_received',
      'delivery_deployment_days',
      'delivery_lead_time_days',
    ];
    for (const { file, event } of manifest) {
      for (const t of tables) await h.knex(t).delete();
      const expected = EXPECTED[file];
      const body = bodyOf(file);
      const send = () =>
        api
          .post('/webhooks/github')
          .set('Content-Type', 'application/json')
          .set('X-GitHub-Event', event.split('.')[0])
          .set('X-GitHub-Delivery', `delivery-of-${file}`)
          .set('X-Hub-Signature-256', signBody(SECRET, body))
          .send(body);
      const res = await send();
      expect([file, res.status]).toEqual([file, 202]);
      const observed: Expected =
        'ignored' in expected
          ? { ignored: res.body.ignored }
          : { ...expected, row: await rowOf(h.knex, expected) };
      expect([file, observed]).toEqual([file, expected]);
      // GitHub's redelivery of the same delivery is stored once (or ignored again).
      expect([file, (await send()).body.accepted]).toEqual([file, 0]);
    }
  });

  it('accepts the exact bytes GitHub sent with the signature GitHub computed', async () => {
    const vectors = JSON.parse(read('signature-vectors.json').toString())
      .captured_deliveries.items as Array<{
      file: string;
      secret: string;
      headers: Record<string, string>;
    }>;
    const { api } = await setup(vectors[0].secret);
    for (const v of vectors) {
      const res = await api
        .post('/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', v.headers['x-github-event'])
        .set('X-GitHub-Delivery', v.headers['x-github-delivery'])
        .set('X-Hub-Signature-256', v.headers['x-hub-signature-256'])
        .send(read(v.file).toString());
      expect([v.file, res.status]).toEqual([v.file, 202]);
      const tampered = await api
        .post('/webhooks/github')
        .set('Content-Type', 'application/json')
        .set('X-GitHub-Event', v.headers['x-github-event'])
        .set('X-Hub-Signature-256', v.headers['x-hub-signature-256'])
        .send(`${read(v.file).toString()} `);
      expect([v.file, tampered.status]).toEqual([v.file, 401]);
    }
  });
});

async function rowOf(
  knex: Knex,
  expected: Extract<Expected, { table: string }>,
): Promise<Record<string, unknown>> {
  const row = await knex(expected.table).where(expected.where).first();
  return Object.fromEntries(
    Object.keys(expected.row).map(k => [k, comparable(k, row?.[k])]),
  );
}

/** Dates as ISO strings, booleans and numbers as such, whatever the database returned. */
function comparable(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (/_at$/.test(column)) return toIso(value);
  if (['is_production', 'draft', 'forced'].includes(column))
    return Boolean(value);
  if (
    ['duration_seconds', 'additions', 'deletions', 'commits'].includes(column)
  )
    return Number(value);
  return value;
}
