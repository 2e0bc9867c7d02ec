// Shared set-up of a browser journey: one portal and one Chromium per test file, both stopped
// after the file's tests; screenshots go to e2e/output/ (git-ignored).
import { after, before } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { root, startPortal, USERS, waitUntilReady } from './portal.mjs';

export const output = path.join(root, 'e2e/output');

/**
 * Registers before/after hooks; the returned object's fields are set once `before` ran.
 * `portalOptions` go to startPortal (e.g. extra config files).
 */
export function journey(portalOptions = {}) {
  const context = { portal: undefined, browser: undefined };
  before(async () => {
    fs.mkdirSync(output, { recursive: true });
    context.portal = await startPortal(portalOptions);
    await waitUntilReady(context.portal);
    context.browser = await launchBrowser();
  });
  after(async () => {
    await context.browser?.close();
    await context.portal?.stop();
  });
  return context;
}

/**
 * Opens the portal and signs in as one of the example users the sign-in page lists (the
 * platform engineer unless told otherwise; USERS in portal.mjs).
 */
export async function signInAs(page, portal, user = USERS.platformEngineer) {
  await page.goto(portal.baseUrl);
  const name = user.slice(user.lastIndexOf('/') + 1);
  // A row reads "<name><what they may do>"; no listed name begins another.
  await page
    .getByRole('grid', { name: 'Choose who to be' })
    .getByRole('row')
    .filter({ hasText: new RegExp(`^${name.replace('.', '\\.')}`) })
    .click();
  await page.getByRole('heading', { name: 'Skyline Travel Catalog' }).waitFor();
}
