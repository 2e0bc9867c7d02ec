// Journey: production sign-in through a real OpenID Connect provider (oidc-provider, its own
// process). The portal runs with app-config.production.yaml's auth section as it is (OIDC only,
// the catalogUserMatchingEmail resolver); a person in the catalog signs in as their catalog user
// with their groups, a person who is not is refused with what to do and gets no session.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { launchBrowser } from './browser.mjs';
import { output } from './journey.mjs';
import { startOidcProvider } from './oidcProvider.mjs';
import {
  CI_TOKEN,
  freePort,
  root,
  startPortal,
  waitUntilReady,
} from './portal.mjs';

// Priya is in examples/org (priya.nair@skyline.example, platform-team and data-team); the IdP
// spells her email in another case. Nobody has a Skyline account but no catalog user.
const accounts = [
  {
    username: 'priya',
    password: 'priya-pass',
    email: 'Priya.Nair@Skyline.example',
    name: 'Priya N. (SSO)',
  },
  {
    username: 'nobody',
    password: 'nobody-pass',
    email: 'nobody@skyline.example',
    name: 'No Body',
  },
];

let provider;
let portal;
let configDir;

before(async () => {
  fs.mkdirSync(output, { recursive: true });
  const port = await freePort();
  provider = await startOidcProvider({
    redirectUri: `http://localhost:${port}/api/auth/oidc/handler/frame`,
    accounts,
  });
  // Only the sign-in settings of production: the rest (PostgreSQL, drivers) stays local.
  const production = parse(
    fs.readFileSync(path.join(root, 'app-config.production.yaml'), 'utf8'),
  );
  configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-e2e-oidc-'));
  const signInConfig = path.join(configDir, 'app-config.sign-in.json');
  // auth.environment production also makes the backend refuse app-config.yaml's development
  // secrets, so these two get throwaway values.
  const secret = () => crypto.randomBytes(24).toString('hex');
  fs.writeFileSync(
    signInConfig,
    JSON.stringify({
      runway: production.runway,
      auth: production.auth,
      environments: { encryptionKey: secret() },
      delivery: { webhooks: { secret: secret() } },
    }),
  );
  portal = await startPortal({
    port,
    devUser: false,
    configs: [signInConfig],
    env: {
      AUTH_SESSION_SECRET: `e2e-session-${process.pid}`,
      AUTH_OIDC_METADATA_URL: provider.metadataUrl,
      AUTH_OIDC_CLIENT_ID: provider.clientId,
      AUTH_OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
  await waitUntilReady(portal);
  // A sign-in before the catalog has loaded the organisation would be refused.
  await waitForCatalogUser('priya.nair');
});

after(async () => {
  await portal?.stop();
  await provider?.stop();
  if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
});

async function waitForCatalogUser(name, timeoutMs = 120_000) {
  const url = `${portal.baseUrl}/api/catalog/entities/by-name/user/default/${name}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${CI_TOKEN}` },
    });
    if (res.ok) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`The catalog never served user ${name}`);
}

/** A fresh Chromium on the sign-in page; closed (with a screenshot) after the test. */
async function openSignInPage(t, screenshot) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  t.after(async () => {
    await page
      .screenshot({ path: path.join(output, screenshot), fullPage: true })
      .catch(() => {});
    await browser.close();
  });
  await page.goto(portal.baseUrl);
  await page.getByText('Single sign-on').waitFor();
  // Production offers no choosing who to be: neither the page nor the backend.
  assert.equal(
    await page.getByRole('grid', { name: 'Choose who to be' }).count(),
    0,
  );
  const refresh = await fetch(`${portal.baseUrl}/api/auth/devUser/refresh`, {
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      'x-runway-dev-user': 'user:default/alex.moreno',
    },
  });
  assert.equal(refresh.status, 404);
  return page;
}

/** Clicks the portal's sign-in and completes the provider's login form in the popup. */
async function signInThroughProvider(page, username, password) {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: /sign in/i }).click();
  const popup = await popupOpened;
  await popup
    .getByRole('heading', { name: 'Skyline Travel sign-in' })
    .waitFor();
  assert.ok(popup.url().startsWith(provider.issuer), popup.url());
  await popup.getByLabel('Username').fill(username);
  await popup.getByLabel('Password').fill(password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  // The popup hands the result to the portal and closes itself.
  await popup.waitForEvent('close');
}

/** A line's text as read (the entity links break it into several). */
async function lineText(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** What the portal's session cookie gives the browser: the refresh endpoint's answer. */
async function refreshSession(page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/oidc/refresh?env=production', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'include',
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  });
}

test('a person in the catalog signs in through the OIDC provider as their catalog user, with their groups', async t => {
  const page = await openSignInPage(t, 'oidc-signed-in.png');
  await signInThroughProvider(page, 'priya', 'priya-pass');
  await page.getByRole('heading', { name: 'Skyline Travel Catalog' }).waitFor();

  // The settings page shows the identity the resolver issued (catalog names, not the IdP's).
  await page.goto(`${portal.baseUrl}/settings`);
  const userLine = page.locator('h6', { hasText: 'User Entity:' });
  // A link shows the entity's name first and its title once the catalog has answered.
  const priya = userLine.locator('a[href$="/catalog/default/user/priya.nair"]');
  await priya.getByText('Priya Nair').waitFor();
  assert.equal(await lineText(userLine), 'User Entity: Priya Nair');
  const ownershipLine = page.locator('h6', { hasText: 'Ownership Entities:' });
  for (const title of ['Priya Nair', 'Data Team', 'Platform Team']) {
    await ownershipLine.getByText(title).waitFor();
  }
  assert.match(
    await lineText(ownershipLine),
    /^Ownership Entities: Priya Nair, (Data Team, Platform Team|Platform Team, Data Team)$/,
  );
  await page.screenshot({
    path: path.join(output, 'oidc-settings.png'),
    fullPage: true,
  });

  const { status, body } = await refreshSession(page);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.profile.email, 'Priya.Nair@Skyline.example');
  const { token, identity: claims } = body.backstageIdentity;
  assert.equal(claims.userEntityRef, 'user:default/priya.nair');
  assert.deepEqual([...claims.ownershipEntityRefs].sort(), [
    'group:default/data-team',
    'group:default/platform-team',
    'user:default/priya.nair',
  ]);
  // The token is a Backstage user token the other plugins accept.
  const res = await fetch(
    `${portal.baseUrl}/api/catalog/entities/by-name/user/default/priya.nair`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  assert.equal(res.status, 200);
});

test('a person the catalog does not know is refused with what to do, and gets no session', async t => {
  const page = await openSignInPage(t, 'oidc-refused.png');
  await signInThroughProvider(page, 'nobody', 'nobody-pass');
  await page
    .getByText(
      'no catalog user with email nobody@skyline.example; ask the platform team to add you',
    )
    .waitFor();
  // Still on the sign-in page, not in the portal.
  await page.getByText('Single sign-on').waitFor();
  assert.equal(
    await page.getByRole('heading', { name: 'Skyline Travel Catalog' }).count(),
    0,
  );
  const { status, body } = await refreshSession(page);
  assert.equal(status, 401, JSON.stringify(body));
  assert.equal(body?.backstageIdentity, undefined);
});
