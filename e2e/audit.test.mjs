// Journey: the platform engineer (alex.moreno, platform-team in the example organisation) exempts
// payments-api from a readiness check through the API, tries an exemption for a check that
// does not exist, and finds both on /audit by filtering on the target; the failed one is
// marked, and its row opens the full meta. Screenshots go to e2e/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { signInToken, USERS, waitForEntity } from './portal.mjs';

const run = journey();
const SERVICE = 'component:default/payments-api';

test('the platform team finds an exemption on /audit by its target', async t => {
  const { portal, browser } = run;
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  t.after(() =>
    page.screenshot({
      path: path.join(output, 'audit-last.png'),
      fullPage: true,
    }),
  );

  await waitForEntity(portal, SERVICE);
  // The token carries the user's groups as the catalog has them at sign-in: without
  // platform-team the exemption is a 403.
  await waitForEntity(portal, USERS.platformEngineer, {
    until: user =>
      user.relations?.some(
        r =>
          r.type === 'memberOf' &&
          r.targetRef === 'group:default/platform-team',
      ),
  });
  const token = await signInToken(portal.baseUrl);
  const exempt = checkId =>
    fetch(`${portal.baseUrl}/api/readiness/exemptions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        entityRef: SERVICE,
        checkId,
        reason: 'e2e: runbook lives in the old wiki until the migration',
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    });
  const created = await exempt('ownership.system-assigned');
  assert.equal(created.status, 201, await created.text());
  const missing = await exempt('no-such-check');
  assert.equal(missing.status, 404);

  // The auditor writes in batches (every second); wait until both are stored.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(
      `${portal.baseUrl}/api/audit/events?plugin=readiness&eventId=exemption-create`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    assert.equal(res.status, 200, await res.clone().text());
    const { events } = await res.json();
    const done = events.filter(e => e.status !== 'initiated');
    if (done.length >= 2) break;
    assert.ok(Date.now() < deadline, `stored: ${JSON.stringify(events)}`);
    await new Promise(resolve => setTimeout(resolve, 500));
  }

  await signInAs(page, portal);
  await page.goto(`${portal.baseUrl}/audit`);
  // The page's own header: the app's plugin header above it names the plugin too (an h1, once
  // the app's page layout has loaded, so a bare name matches two headings some of the time).
  await page.getByRole('heading', { name: 'Audit trail', level: 2 }).waitFor();
  await page.getByRole('textbox', { name: 'Target' }).fill('payments-api');
  await page.waitForURL(/target=payments-api/);

  const events = page.getByRole('region', { name: 'Events' });
  const rows = events.getByRole('row').filter({ hasText: 'exemption-create' });
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: USERS.platformEngineer }).first().waitFor();
  const failed = rows.filter({ hasText: 'failed' });
  await failed.getByText('NotFoundError: No check no-such-check').waitFor();
  await page.screenshot({
    path: path.join(output, 'audit.png'),
    fullPage: true,
  });

  await rows
    .filter({ hasText: 'succeeded' })
    .getByText('exemption-create')
    .click();
  const dialog = page.getByRole('dialog');
  const meta = JSON.parse(await dialog.getByLabel('Meta JSON').textContent());
  assert.equal(meta.entityRef, SERVICE);
  assert.equal(meta.checkId, 'ownership.system-assigned');
  await page.waitForTimeout(500); // the dialog fades in; let the screenshot show it
  await page.screenshot({
    path: path.join(output, 'audit-event.png'),
    fullPage: true,
  });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const file = path.join(output, 'audit.csv');
  await download.saveAs(file);
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  assert.match(header, /^created_at,completed_at,plugin,event_id,/);
  assert.ok(lines.length >= 2, lines.join('\n'));
  assert.ok(
    lines.every(l => l.includes('payments-api')),
    lines.join('\n'),
  );
});
