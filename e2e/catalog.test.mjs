// Journey: a visitor signs in (as the platform engineer), opens the catalog, sees the example services, opens one
// and sees its owner. Screenshots go to e2e/output/ (git-ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { waitForEntity } from './portal.mjs';

const run = journey();

test('a platform engineer signs in, finds the example services in the catalog and sees an owner', async t => {
  const { portal, browser } = run;
  const page = await browser.context.newPage();
  t.after(async () => {
    // On failure, what the page showed last is the first thing to look at.
    await page.screenshot({
      path: path.join(output, 'last-page.png'),
      fullPage: true,
    });
  });
  page.setDefaultTimeout(60_000);
  // The portal is ready before the catalog has processed the example organisation, and the
  // catalog page does not refetch: open it once the entities this journey looks for exist.
  for (const name of [
    'payments-api',
    'booking-service',
    'fraud-detector',
    'search-api',
  ]) {
    await waitForEntity(portal, `component:default/${name}`);
  }
  await signInAs(page, portal);

  // The catalog is the landing page. The platform engineer belongs to the platform team, so it opens on
  // "Owned"; "All" lists the organisation's services (shown by title) once processed.
  await page.getByText('All', { exact: true }).click();
  const table = page.getByRole('table');
  for (const service of ['Payments API', 'Booking Service', 'Fraud Detector']) {
    await table.getByRole('link', { name: service, exact: true }).waitFor();
  }
  await page.screenshot({
    path: path.join(output, 'catalog.png'),
    fullPage: true,
  });
  // The table's own search finds a service beyond the first page.
  const filter = page.getByPlaceholder('Search');
  await filter.fill('search-api');
  await table.getByRole('link', { name: 'Search API', exact: true }).waitFor();
  await filter.fill('');

  await table.getByRole('link', { name: 'Payments API', exact: true }).click();
  await page.waitForURL(/\/catalog\/default\/component\/payments-api/);
  // The About card's Owner field links to the owning team.
  const about = page.locator('dt', { hasText: /^Owner$/ }).locator('..');
  const owner = about.locator(
    'a[href$="/catalog/default/group/payments-team"]',
  );
  await owner.waitFor();
  assert.match(await owner.innerText(), /payments-team/);
  await page.getByText('About', { exact: true }).first().waitFor();
  await page.screenshot({
    path: path.join(output, 'service-owner.png'),
    fullPage: true,
  });
});
