// Journey: a service whose deploys Runway only hears about from GitHub (signed `push`,
// `deployment` and `deployment_status` webhooks) and whose incidents come from PagerDuty (a
// signed Webhooks v3 subscription). The payloads are the real ones of the delivery backend's
// corpus (plugins/delivery-backend/src/__fixtures__), with only the fields that must change
// changed, each said where it is done. In the browser: the service's Delivery tab lists the
// GitHub deploys, its DORA tiles count them, and the deploy that was live when the incident
// opened counts as failed with the incident named; the organisation's Delivery page says there
// is no binding constraint yet and which stages lack data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { root, signInToken, waitForEntity } from './portal.mjs';

const NAME = 'payments-api';
const SERVICE = `component:default/${NAME}`;
const WAIT = 60_000;
const HOUR = 3_600_000;

const fixtures = path.join(root, 'plugins/delivery-backend/src/__fixtures__');
const fixture = file =>
  JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8'));

// PagerDuty's signing secret of the captured deliveries; the payloads are changed below, so
// the test signs them again with it, as PagerDuty would.
const PAGERDUTY_SECRET = fixture('incidents/signature-vectors.json').pagerduty
  .captured.items[0].secret;
const GITHUB_SECRET = `e2e-github-${process.pid}-${Date.now()}`;

const run = journey({
  config: {
    delivery: {
      webhooks: {
        github: { secret: GITHUB_SECRET },
        pagerduty: { secret: PAGERDUTY_SECRET },
      },
    },
  },
});

const hmac = (secret, body) =>
  createHmac('sha256', secret).update(body).digest('hex');

async function sendGithub(baseUrl, event, payload) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${baseUrl}/api/delivery/webhooks/github`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'GitHub-Hookshot/e2e',
      'X-GitHub-Event': event,
      'X-GitHub-Delivery': randomUUID(),
      'X-Hub-Signature-256': `sha256=${hmac(GITHUB_SECRET, body)}`,
    },
    body,
  });
  const text = await res.text();
  assert.equal(res.status, 202, `${event}: ${text}`);
  assert.deepEqual(JSON.parse(text), { accepted: 1, duplicates: 0 }, event);
}

async function sendPagerduty(baseUrl, payload) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${baseUrl}/api/delivery/webhooks/pagerduty`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-PagerDuty-Signature': `v1=${hmac(PAGERDUTY_SECRET, body)}`,
    },
    body,
  });
  const text = await res.text();
  assert.equal(res.status, 202, `${payload.event.event_type}: ${text}`);
  assert.deepEqual(
    JSON.parse(text),
    { accepted: 1, duplicates: 0 },
    payload.event.event_type,
  );
}

/** The service's annotations, as the catalog serves them. */
async function annotationsOf(baseUrl) {
  const token = await signInToken(baseUrl);
  const res = await fetch(
    `${baseUrl}/api/catalog/entities/by-name/component/default/${NAME}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  assert.equal(res.status, 200);
  return (await res.json()).metadata.annotations;
}

test('GitHub deploys and a PagerDuty incident give a service its DORA tiles and a failed change with its reason; the organisation page names the stages that lack data', async t => {
  const { portal, browser } = run;
  await waitForEntity(portal, SERVICE);
  const annotations = await annotationsOf(portal.baseUrl);
  const slug = annotations['github.com/project-slug'];
  const pagerdutyServiceId = annotations['pagerduty.com/service-id'];
  assert.equal(slug, 'skyline-travel/payments-api');
  assert.equal(pagerdutyServiceId, 'PX1A2B3');
  assert.equal(annotations['runway.dev/deploy-path'], 'dev,staging,prod');

  // Every time is moved to the last three days: the corpus's are from 2016-2025, and the
  // portal refuses times older than delivery.retentionDays. GitHub writes times without
  // milliseconds.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const ago = hours =>
    new Date(now - hours * HOUR).toISOString().replace(/\.000Z$/, 'Z');
  const sha = name => createHash('sha1').update(name).digest('hex');
  const [A, B, C] = ['first', 'second', 'third'].map(c => sha(`${NAME} ${c}`));

  // Three pushes to master, each on top of the last (before = the previous head), from the
  // real branch-created push. Changed: repository.full_name (the service's slug), before,
  // after, created, the commit's id and time, head_commit, pushed_at.
  const push = (before, after, commitHoursAgo) =>
    sendGithub(
      portal.baseUrl,
      'push',
      (p => {
        p.repository.full_name = slug;
        p.before = before ?? p.before;
        p.after = after;
        p.created = before === undefined;
        p.commits[0].id = after;
        p.commits[0].timestamp = ago(commitHoursAgo);
        p.head_commit = p.commits[0];
        p.repository.pushed_at = Math.floor(
          (now - commitHoursAgo * HOUR) / 1000 + 120,
        );
        return p;
      })(fixture('github/push.branch-created.json')),
    );

  // One GitHub deployment to "production" (the deploy path's prod, of tier production): its
  // creation, then its final status. Changed: repository.full_name, deployment.id (one per
  // deploy), deployment.sha (the pushed head it ships), deployment and status times.
  let deploymentId = 145988746; // the real payload's id, then the next ones
  const deploy = async (
    head,
    createdHoursAgo,
    finishedHoursAgo,
    statusFile,
  ) => {
    const id = deploymentId++;
    const patch = p => {
      p.repository.full_name = slug;
      p.deployment.id = id;
      p.deployment.sha = head;
      p.deployment.environment = 'production';
      p.deployment.created_at = ago(createdHoursAgo);
      p.deployment.updated_at = ago(createdHoursAgo);
      return p;
    };
    await sendGithub(
      portal.baseUrl,
      'deployment',
      patch(fixture('github/deployment.created.json')),
    );
    const status = patch(fixture(`github/${statusFile}`));
    status.deployment_status.created_at = ago(finishedHoursAgo);
    status.deployment_status.updated_at = ago(finishedHoursAgo);
    await sendGithub(portal.baseUrl, 'deployment_status', status);
    return head.slice(0, 12); // the version Runway shows: ref "master" is no release
  };

  const success = 'deployment_status.created.success.json';
  // A 2016 Heroku delivery (no `action` key, as GitHub sent it then).
  const failure = 'deployment_status.created.failure.json';
  await push(undefined, A, 72);
  const first = await deploy(A, 70, 69.8, success); // lead time 2.2 h
  await push(A, B, 50);
  const failed = await deploy(B, 48, 47.9, failure);
  const second = await deploy(B, 46, 45.8, success); // 4.2 h: from B, A was shipped
  await push(B, C, 26);
  const third = await deploy(C, 25, 24.8, success); // 1.2 h

  // The PagerDuty incident opens 18 minutes after the third deploy went live and is resolved
  // an hour later. Changed: data.service.id (the service's pagerduty.com/service-id),
  // data.created_at and occurred_at.
  const opened = ago(24.5);
  for (const [file, occurred] of [
    ['incidents/pagerduty.incident.triggered.json', opened],
    ['incidents/pagerduty.incident.resolved.json', ago(23.5)],
  ]) {
    const p = fixture(file);
    p.event.data.service.id = pagerdutyServiceId;
    p.event.data.created_at = opened;
    p.event.occurred_at = occurred;
    await sendPagerduty(portal.baseUrl, p);
  }
  const incident = fixture('incidents/pagerduty.incident.triggered.json').event
    .data;

  const page = await browser.context.newPage();
  page.setDefaultTimeout(WAIT);
  const shot = file =>
    page.screenshot({ path: path.join(output, file), fullPage: true });
  t.after(() => shot('delivery-data-last.png'));

  await signInAs(page, portal);
  await page.goto(
    `${portal.baseUrl}/catalog/default/component/${NAME}/delivery`,
  );

  // The history: the four GitHub deploys to prod, reported by CI/CD. The failed deploy and the
  // second success shipped the same commit, so the same version: their rows differ by status.
  const history = page.getByRole('region', { name: 'Deploy history' });
  const row = (version, status) =>
    history
      .getByRole('row')
      .filter({ hasText: version })
      .filter({ has: page.getByText(status, { exact: true }) });
  const rows = {
    first: row(first, 'Succeeded'),
    failed: row(failed, 'Failed'),
    second: row(second, 'Succeeded'),
    third: row(third, 'Succeeded'),
  };
  for (const r of Object.values(rows))
    await r.getByText('prod', { exact: true }).waitFor();
  assert.equal(
    await history.getByRole('row').filter({ hasText: 'CI/CD' }).count(),
    4,
  );

  // Why each counts, or not: the third was live when the incident opened (the time as the
  // browser writes it), the failed one failed, the first two count as no failure.
  const openedAsShown = await page.evaluate(
    iso =>
      new Date(iso).toLocaleString(undefined, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
    opened,
  );
  await rows.third.getByText('Counts as failed', { exact: true }).waitFor();
  await rows.third
    .getByText(
      `PagerDuty incident ${incident.title}: live when it opened ${openedAsShown}`,
      { exact: true },
    )
    .waitFor();
  assert.equal(
    await rows.third
      .getByRole('link', { name: incident.title })
      .getAttribute('href'),
    incident.html_url,
  );
  await rows.failed.getByText('Counts as failed', { exact: true }).waitFor();
  await rows.failed.getByText('failed', { exact: true }).waitFor();
  for (const r of [rows.first, rows.second])
    await r.getByText('No', { exact: true }).waitFor();

  // The DORA tiles over the last 30 days: 3 deploys went live (3 a month), 2 of the 4 that
  // finished count as failed (the failure, and the incident's), lead time the median of 2.2,
  // 4.2 and 1.2 hours, the incident restored in an hour.
  const tile = name =>
    page.getByRole('list', { name: 'DORA metrics' }).getByLabel(name);
  await tile('Deployment frequency')
    .getByText('3 / month', { exact: true })
    .waitFor();
  await tile('Deployment frequency')
    .getByText('3 production deployments', { exact: true })
    .waitFor();
  await tile('Lead time for changes')
    .getByText('2.2 h', { exact: true })
    .waitFor();
  await tile('Lead time for changes')
    .getByText(/^median of 3;/)
    .waitFor();
  await tile('Change failure rate').getByText('50%', { exact: true }).waitFor();
  await tile('Change failure rate')
    .getByText('2 of 4 deployments', { exact: true })
    .waitFor();
  await tile('Time to restore').getByText('1 h', { exact: true }).waitFor();
  await shot('delivery-data-service.png');

  // The organisation: four deploys measure no stage 5 times, so there is no constraint, and
  // the page names the stages without enough data and says how to feed them.
  await page.goto(`${portal.baseUrl}/delivery`);
  await page.getByRole('heading', { name: 'Organisation' }).waitFor();
  const callout = page.getByRole('region', { name: 'Binding constraint' });
  await callout
    .getByText('No binding constraint yet', { exact: true })
    .waitFor();
  await callout
    .getByText(
      'Not enough data: no stage has 5 or more measurements in the window.',
    )
    .waitFor();
  await callout
    .getByText(
      'Stages without enough data: review, review rounds (first review to merge), CI tests, merge to deploy, deploy approval, the deploy queue, deploying.',
      { exact: true },
    )
    .waitFor();
  assert.equal(await callout.getByText(/^Changes wait longest in/).count(), 0);
  await tile('Change failure rate').getByText('50%', { exact: true }).waitFor();

  await callout
    .getByText('What each stage is measured from, and how to feed it')
    .click();
  await callout
    .getByText(
      /^production deployments: started to finished; 0 in this window\. Feed it with deploys through Runway, GitHub deployment_status webhooks/,
    )
    .waitFor({ state: 'visible' });
  await shot('delivery-data-organisation.png');
});
