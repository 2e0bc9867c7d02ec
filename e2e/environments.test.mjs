// Journey: the platform engineer (alex.moreno, platform-team) gets a preview environment from the browser
// through the Environment template, watches it become ready on its page, and tears it down;
// the real drivers run: a PostgreSQL database on 127.0.0.1:5432 (names with this run's prefix)
// and commits to a git repository the test creates. Screenshots go to e2e/output/.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { journey, output, signInAs } from './journey.mjs';

const POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
// Everything this run makes in PostgreSQL starts with the prefix, so cleanup finds it.
const prefix = `e2e${process.pid}_`;
const name = `e2e-${process.pid}-${Date.now().toString(36)}`;
const WAIT = 120_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'runway-e2e-environments-'));
const gitops = path.join(work, 'gitops');
git('init', '-q', '-b', 'main', gitops);
const config = path.join(work, 'app-config.environments.yaml');
fs.writeFileSync(
  config,
  JSON.stringify({
    environments: {
      drivers: {
        gitops: { localPath: gitops },
        postgres: { namePrefix: prefix },
      },
    },
  }),
);

const run = journey({ configs: [config] });

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' });
}

/** Commit subjects of the GitOps repository, newest first, each with the files it touched. */
function gitopsLog() {
  return git('-C', gitops, 'log', '--name-only', '--format=commit %s');
}

async function withPostgres(query) {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

/** Databases and roles of this run. */
function leftovers() {
  return withPostgres(async client => {
    const databases = await client.query(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    const roles = await client.query(
      'select rolname from pg_roles where starts_with(rolname, $1)',
      [prefix],
    );
    return {
      databases: databases.rows.map(r => r.datname),
      roles: roles.rows.map(r => r.rolname),
    };
  });
}

// Registered after journey(): runs once the portal is stopped, pass or fail.
after(async () => {
  try {
    const { databases, roles } = await leftovers();
    await withPostgres(async client => {
      for (const database of databases) {
        await client.query(
          `drop database if exists "${database}" with (force)`,
        );
      }
      for (const role of roles) {
        await client.query(`drop role if exists "${role}"`);
      }
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('a developer gets a preview environment from the template, sees it ready, and tears it down', async t => {
  const { portal, browser } = run;
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  const shot = file =>
    page.screenshot({ path: path.join(output, file), fullPage: true });
  t.after(() => shot('environments-last.png'));

  await signInAs(page, portal);
  await page.goto(`${portal.baseUrl}/environments`);
  await page.getByRole('link', { name: 'Create environment' }).first().click();

  // The Environment template's form (examples/templates/environment): the classes come from
  // /api/environments, and a lifetime above the class maximum is refused before the task starts.
  await fillTemplate(page, 'preview', name);
  const lifetime = page.getByRole('textbox', { name: /^Lifetime/ });
  await lifetime.fill('200');
  await lifetime.blur();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  const tooLong =
    '200 hours is above the class maximum of 168 hours (7 d) for Preview environment';
  await page.getByText(`'Lifetime (hours)' ${tooLong}`).waitFor();
  await page.locator('.Mui-error', { hasText: tooLong }).waitFor();
  assert.equal(
    await page.getByRole('button', { name: 'Create', exact: true }).count(),
    0,
  );
  await shot('environments-form-lifetime-refused.png');
  // Empty: the class default.
  await lifetime.fill('');
  await lifetime.blur();
  await shot('environments-form.png');
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByText(name, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Create', exact: true }).click();

  // The create action follows the environment until it is ready; the task then shows its output.
  await page
    .getByText(new RegExp(`^${name} is ready`))
    .waitFor({ timeout: WAIT });
  await shot('environments-task.png');

  // The environment from the list, by its name.
  await page.goto(`${portal.baseUrl}/environments`);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  const lifecycle = page.getByRole('list', { name: 'Lifecycle' });
  await lifecycle
    .locator('li[aria-current="step"]', { hasText: 'Ready' })
    .waitFor({ timeout: WAIT });

  for (const resource of ['config', 'db', 'namespace']) {
    await page
      .getByRole('heading', { name: new RegExp(`^${resource} \\(`) })
      .waitFor();
  }
  const database = await resourceOutput(page, 'db', 'database');
  assert.equal(database, `${prefix}${name.replaceAll('-', '_')}_db`);
  assert.equal(await resourceOutput(page, 'namespace', 'path'), `envs/${name}`);
  const log = page.getByRole('log', { name: 'Live log' });
  await log.getByText(/gitops: committed [0-9a-f]+ to main/).waitFor();
  await log.getByText('Ready', { exact: true }).waitFor();
  await shot('environments-ready.png');

  // The same name again: the API refuses it, and the task page says so in the API's words,
  // without "Request failed with 409" or a stack trace.
  await page.goto(`${portal.baseUrl}/environments`);
  await page.getByRole('link', { name: 'Create environment' }).first().click();
  await fillTemplate(page, 'preview', name);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const inUse = `name "${name}" is in use by environment [0-9a-f-]+ \\(ready\\)`;
  // The task's error (the panel above the steps) and the step's line in the task log, after
  // its timestamp.
  const shown = page.getByText(new RegExp(inUse)).filter({ visible: true });
  await shown.first().waitFor({ timeout: WAIT });
  await page.getByText(new RegExp(`^\\S+Z ${inUse}$`)).waitFor();
  assert.ok((await shown.count()) >= 2);
  // Nowhere on the page, not even in the panel's folded details.
  const taskPage = await page.locator('#root').textContent();
  assert.doesNotMatch(taskPage, /Request failed/);
  assert.doesNotMatch(taskPage, /\.[cm]?js:\d+:\d+|\bat \S+ \(/);
  await shot('environments-task-refused.png');
  await page.goto(`${portal.baseUrl}/environments`);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();

  // The drivers' real side effects.
  assert.deepEqual(await leftovers(), {
    databases: [database],
    roles: [database],
  });
  const provisioned = gitopsLog();
  assert.match(
    provisioned,
    new RegExp(`commit environment ${name}: provision`),
  );
  assert.match(provisioned, new RegExp(`envs/${name}/namespace-.*\\.yaml`));
  assert.ok(fs.existsSync(path.join(gitops, 'envs', name)));

  // Extend it by what the dialog suggests: the expiry moves and the log and audit say so.
  const expiry = page.getByText(/^Expires in/);
  const expiresBefore = await expiry.innerText();
  await page.getByRole('button', { name: 'Extend' }).click();
  const extendDialog = page.getByRole('dialog');
  await extendDialog.getByText(/^New expiry:/).waitFor();
  await extendDialog.getByRole('button', { name: 'Extend' }).click();
  await extendDialog.waitFor({ state: 'detached' });
  await log.getByText(/Extended by \d+ hours/).waitFor();
  // The log line can show before the page has read the environment again: wait for the expiry.
  await expiry.filter({ hasNotText: expiresBefore }).waitFor();
  assert.notEqual(await expiry.innerText(), expiresBefore);
  await auditRow(page, 'Extended').waitFor();
  await shot('environments-extended.png');

  // Tear it down from its page, after the confirmation.
  await page.getByRole('button', { name: 'Tear down' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/db \(postgres\)/).waitFor();
  await dialog.getByLabel(/Reason/).fill('e2e journey done');
  await shot('environments-teardown-dialog.png');
  await dialog.getByRole('button', { name: 'Tear down' }).click();
  await lifecycle
    .locator('li[data-state="done"]', { hasText: 'Torn down' })
    .waitFor({ timeout: WAIT });
  await page
    .getByText('The environment has ended; the log is complete.')
    .waitFor();
  // The reason given in the dialog is in the audit trail.
  await auditRow(page, 'Teardown requested')
    .getByText('e2e journey done')
    .waitFor();
  await shot('environments-torn-down.png');

  assert.deepEqual(await leftovers(), { databases: [], roles: [] });
  const removed = gitopsLog();
  assert.match(removed, new RegExp(`^commit environment ${name}: teardown`));
  assert.ok(!fs.existsSync(path.join(gitops, 'envs', name)));
});

/** Fills the Environment template's two steps up to the lifetime, for the given class and name. */
async function fillTemplate(page, className, name) {
  await page
    .getByRole('heading', { name: 'Environment for a component' })
    .waitFor();
  await pick(page, 'Component', 'Payments API');
  await pick(page, 'Owning team', 'Platform Team');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  // The class picker lists the classes with their lifetimes (EnvironmentClassPicker).
  const option = page.locator('label').filter({
    has: page.getByRole('radio', {
      name: new RegExp(`^${CLASS_TITLES[className]}`),
    }),
  });
  await option.getByText(/^Lifetime \d+ hours/).waitFor();
  await option.click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
}

const CLASS_TITLES = { preview: 'Preview environment', sandbox: 'Sandbox' };

/** Picks an entity in an EntityPicker/OwnerPicker by its title. */
async function pick(page, label, title) {
  const field = page.getByRole('textbox', { name: label });
  await field.fill(title);
  await page.getByRole('option', { name: title }).click();
}

/** The audit trail's row of an action. */
function auditRow(page, action) {
  return page
    .getByRole('row')
    .filter({ has: page.getByText(action, { exact: true }) });
}

/** An output of a resource as its card shows it. */
async function resourceOutput(page, resource, key) {
  const outputs = page.getByLabel(`${resource} outputs`);
  const term = outputs.locator('dt', { hasText: new RegExp(`^${key}$`) });
  return (
    await term.locator('xpath=following-sibling::dd[1]').innerText()
  ).trim();
}
