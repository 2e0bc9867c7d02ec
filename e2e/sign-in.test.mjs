// Journey: `make start`'s sign-in. The page lists the example users one may be, each with what
// they may do; the platform engineer reads the audit trail, signs out (and may choose again),
// and as a developer of another team the same page is refused. Screenshots go to e2e/output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { journey, output, signInAs } from './journey.mjs';
import { USERS, waitForEntity } from './portal.mjs';

const run = journey();

const REFUSED = 'The audit trail is for the platform team';

const memberOf = group => user =>
  user.relations?.some(
    r => r.type === 'memberOf' && r.targetRef === `group:default/${group}`,
  );

test('one chooses who to be: the platform engineer reads the audit trail, a developer of another team is refused', async t => {
  const { portal, browser } = run;
  const page = await browser.context.newPage();
  t.after(async () => {
    await page.screenshot({
      path: path.join(output, 'sign-in-last.png'),
      fullPage: true,
    });
  });
  page.setDefaultTimeout(60_000);
  // A token carries the groups the catalog knows at sign-in: wait until it knows them.
  await waitForEntity(portal, USERS.platformEngineer, {
    until: memberOf('platform-team'),
  });
  await waitForEntity(portal, USERS.otherTeamDeveloper, {
    until: memberOf('web-team'),
  });

  await page.goto(portal.baseUrl);
  const chooser = page.getByRole('grid', { name: 'Choose who to be' });
  await chooser.getByRole('row').first().waitFor();
  const rows = await chooser.getByRole('row').allInnerTexts();
  const line = name => rows.find(r => r.startsWith(name))?.replace(/\s+/g, ' ');
  assert.match(line('alex.moreno'), /Platform engineer \(platform-team\)/);
  assert.match(line('maria.silva'), /Service owner \(payments-team\)/);
  assert.match(line('olivia.brown'), /Developer on another team \(web-team\)/);
  await page.screenshot({
    path: path.join(output, 'sign-in.png'),
    fullPage: true,
  });

  await signInAs(page, portal, USERS.platformEngineer);
  await page.goto(`${portal.baseUrl}/audit`);
  // The trail's event count shows once the platform engineer's read was allowed.
  await page
    .getByRole('region', { name: 'Events' })
    .getByText(/^\d+ events?/)
    .waitFor();
  assert.equal(await page.getByText(REFUSED).count(), 0);

  // Signing out forgets the choice: the list is back.
  await page.goto(`${portal.baseUrl}/settings`);
  await page.getByRole('button', { name: 'more' }).click();
  await page.getByRole('menuitem', { name: 'Sign Out' }).click();
  await chooser.getByRole('row').first().waitFor();

  await signInAs(page, portal, USERS.otherTeamDeveloper);
  await page.goto(`${portal.baseUrl}/audit`);
  await page.getByText(REFUSED).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Events' }).count(), 0);
  await page.screenshot({
    path: path.join(output, 'sign-in-refused.png'),
    fullPage: true,
  });
});
