// Journey: the platform engineer opens the ownership page, filters to orphaned services (the example
// organisation's pdf-invoicer, owned by a team that does not exist) and downloads the CSV.
// Screenshots go to e2e/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { waitForEntity } from './portal.mjs';

const run = journey();

test('the ownership page filters to orphaned services and exports them as CSV', async t => {
  const { portal, browser } = run;
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  t.after(() =>
    page.screenshot({
      path: path.join(output, 'ownership-last.png'),
      fullPage: true,
    }),
  );

  await signInAs(page, portal);
  // The report reads the catalog as it is; wait until the example organisation is in.
  await waitForEntity(portal, 'component:default/pdf-invoicer');
  await waitForEntity(portal, 'user:default/hannah.fischer');
  await page.goto(`${portal.baseUrl}/ownership`);

  const entities = page.getByRole('region', { name: 'Entities' });
  await entities.getByText('Fraud Detector').waitFor();
  await page.screenshot({
    path: path.join(output, 'ownership.png'),
    fullPage: true,
  });

  await page.getByRole('button', { name: /^Orphaned: \d+$/ }).click();
  await page.waitForURL(/problem=orphaned/);
  await entities.getByText('PDF Invoicer').waitFor();
  await entities.getByText('Fraud Detector').waitFor({ state: 'detached' });
  await page.screenshot({
    path: path.join(output, 'ownership-orphaned.png'),
    fullPage: true,
  });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const file = path.join(output, 'ownership.csv');
  await download.saveAs(file);
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\r\n');
  assert.match(header, /^entity,title,kind,/);
  assert.ok(rows.length >= 1, 'the CSV has the orphaned services');
  assert.ok(
    rows.every(r => /owner-unresolved|owner-missing/.test(r)),
    `every row is orphaned: ${rows.join(' | ')}`,
  );
  assert.ok(rows.some(r => r.startsWith('component:default/pdf-invoicer,')));
});
