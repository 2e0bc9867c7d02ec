// Journey: a service owner (alex.moreno, a member of platform-team, which owns identity-service)
// deploys 2.0.0 to staging from the component's Delivery tab, promotes it to prod, rolls prod
// back, and sees the history, the live log and the DORA tiles change. The real gitops deploy
// driver commits each deploy to a git repository the test creates; the commits are checked
// outside the browser. Freeze windows and the readiness gate are switched off in this portal's
// config, so the journey passes on a Friday afternoon and needs no second user to approve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { CI_TOKEN, waitForEntity } from './portal.mjs';

const SERVICE = 'component:default/identity-service';
const WAIT = 60_000;
const HOUR = 3_600_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-e2e-delivery-'));
const gitops = path.join(work, 'gitops');
git('init', '-q', '-b', 'main', gitops);
const config = path.join(work, 'app-config.delivery.yaml');
fs.writeFileSync(
  config,
  JSON.stringify({
    delivery: {
      drivers: { gitops: { localPath: gitops } },
      // Replaces the Friday-afternoon production freeze of app-config.yaml.
      freezeWindows: [],
      // No readiness gate: a gated deploy needs a second user to approve it.
      gates: { readiness: null },
      // This history is one pull request: stages are compared from one measurement each here.
      // With the default (5) the page rightly names no constraint; delivery-data.test.mjs
      // checks that.
      stages: { minimumSample: 1 },
    },
  }),
);

const run = journey({ configs: [config] });
test.after(() => fs.rmSync(work, { recursive: true, force: true }));

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' });
}

/** What CI/CD reported before the journey: 1.0.0 live in staging and prod, a reviewed PR. */
async function seedHistory(baseUrl) {
  const at = hoursAgo => new Date(Date.now() - hoursAgo * HOUR).toISOString();
  const repository = 'skyline-travel/identity-service';
  const events = [
    ...['staging', 'prod'].map((environment, i) => ({
      type: 'deployment',
      id: `ci-1.0.0-${environment}`,
      service: SERVICE,
      environment,
      version: '1.0.0',
      status: 'succeeded',
      commitSha: 'a1b2c3d4e5f6',
      firstCommitAt: at(60),
      finishedAt: at(48 - i * 24),
    })),
    {
      type: 'pull_request',
      service: SERVICE,
      repository,
      number: 7,
      action: 'merged',
      openedAt: at(40),
      mergedAt: at(10),
      additions: 120,
      deletions: 30,
    },
    {
      type: 'review',
      service: SERVICE,
      repository,
      number: 7,
      reviewId: 'r-7-1',
      state: 'approved',
      submittedAt: at(16),
    },
  ];
  const res = await fetch(`${baseUrl}/api/delivery/events`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${CI_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ events }),
  });
  assert.equal(res.status, 202, await res.text());
}

test('an owner deploys 2.0.0 to staging, promotes it to prod, rolls back, and sees history and DORA change', async t => {
  const { portal, browser } = run;
  await waitForEntity(portal, SERVICE);
  await seedHistory(portal.baseUrl);

  const page = await browser.context.newPage();
  page.setDefaultTimeout(WAIT);
  const shot = file =>
    page.screenshot({ path: path.join(output, file), fullPage: true });
  t.after(() => shot('delivery-last.png'));

  await signInAs(page, portal);
  await page.goto(
    `${portal.baseUrl}/catalog/default/component/identity-service/delivery`,
  );
  const card = name => page.getByLabel(`Environment ${name}`, { exact: true });
  await card('prod').getByText('1.0.0', { exact: true }).waitFor();
  await page.getByText('Deploy path: dev → staging → prod').waitFor();
  const tile = name =>
    page.getByRole('list', { name: 'DORA metrics' }).getByLabel(name);
  await tile('Change failure rate').getByText('0%').waitFor();
  await tile('Deployment frequency')
    .getByText('1 production deployment', { exact: true })
    .waitFor();
  await page.getByText(/Tiers from the DORA 2024 report/).waitFor();

  // Deploy 2.0.0 to staging: the gitops driver commits it, the log says so.
  await page.getByRole('textbox', { name: /Version/ }).fill('2.0.0');
  const form = page.getByLabel('Deploy a version');
  await form.getByRole('button', { name: /Environment/ }).click();
  await page.getByRole('option', { name: /^staging/ }).click();
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  const log = page.getByRole('log', { name: 'Deploy log' });
  await log.getByText(/gitops: committed [0-9a-f]+ to main/).waitFor();
  await card('staging').getByText('2.0.0', { exact: true }).waitFor();
  await shot('delivery-staging.png');

  // Promote the exact version to the next environment on the path.
  await card('staging')
    .getByRole('button', { name: 'Promote to prod' })
    .click();
  await card('prod').getByText('2.0.0', { exact: true }).waitFor();
  await page.getByText('The deploy has ended; the log is complete.').waitFor();
  const history = page.getByRole('region', { name: 'Deploy history' });
  await history
    .getByRole('row')
    .filter({ hasText: 'prod' })
    .filter({ hasText: 'Promotion' })
    .getByText('Succeeded')
    .waitFor();

  // Roll prod back to the last version that succeeded before 2.0.0.
  await card('prod').getByRole('button', { name: 'Roll back prod' }).click();
  await card('prod').getByText('1.0.0', { exact: true }).waitFor();
  const rows = history.getByRole('row');
  await rows
    .filter({ hasText: 'Promotion' })
    .getByText('Rolled back', { exact: true })
    .waitFor();
  await rows.filter({ hasText: 'Rollback' }).getByText('Succeeded').waitFor();

  // The DORA tiles count the promotion (rolled back: a failed change) and the rollback (rework).
  await tile('Deployment frequency')
    .getByText('3 production deployments', { exact: true })
    .waitFor();
  await tile('Change failure rate').getByText('33%').waitFor();
  await tile('Rework rate').getByText('33%').waitFor();
  await shot('delivery-tab.png');

  // Outside the browser: one commit per deploy, and prod's overlay names 1.0.0 again.
  const subjects = git('-C', gitops, 'log', '--format=%s').trim().split('\n');
  assert.deepEqual(subjects, [
    'identity-service: roll back 1.0.0 to prod',
    'identity-service: deploy 2.0.0 to prod',
    'identity-service: deploy 2.0.0 to staging',
  ]);
  const overlay = fs.readFileSync(
    path.join(gitops, 'apps/identity-service/prod/kustomization.yaml'),
    'utf8',
  );
  assert.match(overlay, /newTag: "?1\.0\.0"?/);

  // The organisation's dashboard, then the owning team's, with the binding constraint.
  await page.goto(`${portal.baseUrl}/delivery`);
  await page.getByRole('heading', { name: 'Organisation' }).waitFor();
  await page.getByText(/^Changes wait longest in: /).waitFor();
  await page.getByRole('button', { name: /Team/ }).click();
  await page.getByRole('option', { name: 'Platform Team' }).click();
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
  await page.getByRole('heading', { name: 'Team: Platform Team' }).waitFor();
  await page.getByText('Changes wait longest in: review').waitFor();
  assert.match(page.url(), /team=group%3Adefault%2Fplatform-team/);
  await shot('delivery-dashboard.png');
});
