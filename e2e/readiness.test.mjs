// Journey: an owner opens a service's Readiness tab, sees a failing check with its how-to-fix;
// CI pushes the missing fact through the API; after re-evaluation the check passes and the
// capability's score rises. Screenshots go to e2e/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { CI_TOKEN, waitForEntity } from './portal.mjs';

const service = 'component:default/fraud-detector';
const run = journey();

/** The test-feedback capability card's score, as the page shows it. */
async function testFeedbackScore(page) {
  const score = page.getByLabel('Fast and reliable test feedback score');
  return Number(await score.innerText());
}

test('a failing check turns green after CI pushes the missing fact', async t => {
  const { portal, browser } = run;
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  t.after(() =>
    page.screenshot({
      path: path.join(output, 'readiness-last.png'),
      fullPage: true,
    }),
  );

  await signInAs(page, portal);

  // The catalog loads the example organisation in the background; the scorecard of a service
  // the scheduled run has not reached yet is evaluated on first view.
  await waitForEntity(portal, service);
  await page.goto(
    `${portal.baseUrl}/catalog/default/component/fraud-detector/readiness`,
  );
  const check = page.getByRole('button', {
    name: /Line coverage at least 60%/,
  });
  await check.waitFor();
  await check.click();
  const panel = page.getByRole('group', { name: 'Line coverage at least 60%' });
  await panel
    .getByText('Seen: no value yet for ci.test.coveragePercent')
    .waitFor();
  const howToFix = page.getByLabel('How to fix Line coverage at least 60%');
  assert.match(await howToFix.innerText(), /ci\.test\.coveragePercent/);
  const before = await testFeedbackScore(page);
  await page.screenshot({
    path: path.join(output, 'readiness-before.png'),
    fullPage: true,
  });

  const push = await fetch(`${portal.baseUrl}/api/readiness/facts`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${CI_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      facts: [
        { entityRef: service, name: 'ci.test.coveragePercent', value: 84 },
      ],
    }),
  });
  assert.equal(push.status, 202, await push.text());

  await page.reload();
  await page
    .getByRole('button', { name: /Line coverage at least 60%/ })
    .click();
  await panel.getByText('Seen: ci.test.coveragePercent = 84').waitFor();
  const after = await testFeedbackScore(page);
  assert.ok(
    after > before,
    `test feedback score should rise: ${before} -> ${after}`,
  );
  await page.screenshot({
    path: path.join(output, 'readiness-after.png'),
    fullPage: true,
  });
});
