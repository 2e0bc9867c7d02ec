import { JsonObject } from '@backstage/types';
import { Client, escapeIdentifier } from 'pg';
import { PostgresDriver } from './PostgresDriver';
import {
  driverContext,
  LogLines,
} from '@internal/plugin-environments-node/testUtils';
import { verifierMatches } from './__testUtils__/scram';
import {
  admin,
  connection,
  countOwnObjects,
  describeWithPostgres,
  dropOwnObjects,
  PREFIX,
  serverConfig,
  serverObjects,
  withClient,
} from './__testUtils__/postgresServer';

describeWithPostgres('PostgresDriver on a real PostgreSQL server', () => {
  const lines: LogLines = [];
  const secrets: string[] = [];
  let driver: PostgresDriver;

  beforeAll(() => {
    driver = new PostgresDriver(serverConfig());
  });

  afterAll(async () => {
    if (connection) await dropOwnObjects();
  });

  it('computes the same SCRAM verifier as the server (the password check below relies on it)', async () => {
    const role = `${PREFIX}scram_probe`;
    const verifier = await admin(async client => {
      await client.query(
        `CREATE ROLE ${escapeIdentifier(
          role,
        )} PASSWORD 'correct horse battery staple'`,
      );
      const { rows } = await client.query(
        'SELECT rolpassword FROM pg_authid WHERE rolname = $1',
        [role],
      );
      await client.query(`DROP ROLE ${escapeIdentifier(role)}`);
      return rows[0].rolpassword as string;
    });
    expect(verifier).toMatch(/^SCRAM-SHA-256\$/);
    expect(verifierMatches(verifier, 'correct horse battery staple')).toBe(
      true,
    );
    expect(verifierMatches(verifier, 'correct horse battery stapler')).toBe(
      false,
    );
  });

  it('provisions a database its own role owns, reachable with the returned password, and a resumed provision creates nothing new', async () => {
    const store: { state?: JsonObject } = {};
    const env = 'checkout-pr-12';
    const result = await driver.provision(
      driverContext({
        environmentName: env,
        store,
        lines,
        parameters: { connectionLimit: 7, extensions: ['pgcrypto'] },
      }),
    );
    const name = `${PREFIX}checkout_pr_12_db`;
    expect(result.outputs).toEqual({
      host: serverConfig().host,
      port: String(serverConfig().port),
      database: name,
      user: name,
    });
    const password = result.secrets!.password;
    secrets.push(password, result.secrets!.url);
    expect(password.length).toBeGreaterThanOrEqual(40);
    expect(result.secrets!.url).toBe(
      `postgresql://${name}:${password}@${serverConfig().host}:${
        serverConfig().port
      }/${name}`,
    );
    // Checkpointed before anything was created.
    expect(store.state).toEqual({ database: name, role: name, password });

    const first = await serverObjects(name);
    expect(first.database.owner).toBe(name);
    expect(first.role.rolcanlogin).toBe(true);
    expect(first.role.rolconnlimit).toBe(7);
    // The server holds the verifier of exactly the returned password.
    expect(verifierMatches(first.role.rolpassword, password)).toBe(true);
    // No CONNECT for PUBLIC: the ACL has no "=c" entry.
    expect(first.database.acl).not.toMatch(/(^|[{,])=[a-zA-Z]*c/);

    // The role works in its database: it creates a table and uses it.
    await withClient({ user: name, password, database: name }, async c => {
      await c.query('CREATE TABLE orders (id serial PRIMARY KEY, note text)');
      await c.query("INSERT INTO orders (note) VALUES ('first')");
      const { rows } = await c.query(
        "SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'",
      );
      expect(rows).toHaveLength(1);
    });

    // Another login role may not even connect.
    const other = `${PREFIX}other`;
    await admin(c => c.query(`CREATE ROLE ${escapeIdentifier(other)} LOGIN`));
    await expect(
      withClient({ user: other, database: name }, async () => undefined),
    ).rejects.toThrow(/permission denied for database/);

    const before = await countOwnObjects();
    const again = await driver.provision(
      driverContext({
        environmentName: env,
        store,
        lines,
        parameters: { connectionLimit: 7, extensions: ['pgcrypto'] },
      }),
    );
    expect(again).toEqual(result);
    expect(await countOwnObjects()).toEqual(before);
    const second = await serverObjects(name);
    expect(second.database.oid).toBe(first.database.oid);
    expect(second.role.oid).toBe(first.role.oid);
    expect(verifierMatches(second.role.rolpassword, password)).toBe(true);
    await withClient({ user: name, password, database: name }, async c => {
      const { rows } = await c.query('SELECT note FROM orders');
      expect(rows).toEqual([{ note: 'first' }]);
    });

    await driver.teardown(
      driverContext({ environmentName: env, store, lines }),
    );
    expect(await serverObjects(name)).toEqual({
      database: undefined,
      role: undefined,
    });
    // Already absent is done.
    await driver.teardown(
      driverContext({ environmentName: env, store, lines }),
    );
    expect(await serverObjects(name)).toEqual({
      database: undefined,
      role: undefined,
    });
  });

  it('resumes a provision that stopped right after saveState, with the saved password', async () => {
    const store: { state?: JsonObject } = {};
    const env = 'resume-after-save';
    const name = `${PREFIX}resume_after_save_db`;
    await expect(
      driver.provision(
        driverContext({
          environmentName: env,
          store,
          lines,
          failAfterSaveState: true,
        }),
      ),
    ).rejects.toThrow('simulated crash after saveState');
    const saved = store.state as { password: string };
    secrets.push(saved.password);
    // Nothing was created before the checkpoint was durable.
    expect(await serverObjects(name)).toEqual({
      database: undefined,
      role: undefined,
    });

    const result = await driver.provision(
      driverContext({ environmentName: env, store, lines }),
    );
    expect(result.secrets!.password).toBe(saved.password);
    secrets.push(result.secrets!.url);
    const objects = await serverObjects(name);
    expect(objects.database.owner).toBe(name);
    expect(verifierMatches(objects.role.rolpassword, saved.password)).toBe(
      true,
    );
    await driver.teardown(
      driverContext({ environmentName: env, store, lines }),
    );
  });

  it('resumes a provision that stopped between the role and the database', async () => {
    const store: { state?: JsonObject } = {};
    const env = 'resume-after-role';
    const name = `${PREFIX}resume_after_role_db`;
    await expect(
      driver.provision(
        driverContext({
          environmentName: env,
          store,
          lines,
          failOnLog: /can log in/,
        }),
      ),
    ).rejects.toThrow(/simulated crash/);
    const half = await serverObjects(name);
    expect(half.role).toBeDefined();
    expect(half.database).toBeUndefined();

    const result = await driver.provision(
      driverContext({ environmentName: env, store, lines }),
    );
    secrets.push(result.secrets!.password, result.secrets!.url);
    const whole = await serverObjects(name);
    expect(whole.role.oid).toBe(half.role.oid);
    expect(whole.database.owner).toBe(name);
    expect(await countOwnObjects()).toMatchObject({ databases: 1 });
    await withClient(
      { user: name, password: result.secrets!.password, database: name },
      c => c.query('CREATE TABLE t (x int)'),
    );

    await driver.teardown(
      driverContext({ environmentName: env, store, lines }),
    );
    expect(await serverObjects(name)).toEqual({
      database: undefined,
      role: undefined,
    });
  });

  it('keeps a burst of provisions within its admin connection limit', async () => {
    const stores = Array.from(
      { length: 6 },
      () => ({} as { state?: JsonObject }),
    );
    let peak = 0;
    let sampling = true;
    const sampler = admin(async client => {
      while (sampling) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE application_name = 'runway-environments'`,
        );
        peak = Math.max(peak, rows[0].n);
        await new Promise(resolve => setTimeout(resolve, 5));
      }
    });
    try {
      const results = await Promise.all(
        stores.map((store, i) =>
          driver.provision(
            driverContext({ environmentName: `burst${i}`, store, lines }),
          ),
        ),
      );
      for (const r of results)
        secrets.push(r.secrets!.password, r.secrets!.url);
    } finally {
      sampling = false;
      await sampler;
    }
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
    for (let i = 0; i < stores.length; i++) {
      const objects = await serverObjects(`${PREFIX}burst${i}_db`);
      expect(objects.database).toBeDefined();
      expect(objects.role).toBeDefined();
    }
  });

  it('ends open sessions of the role when it tears down', async () => {
    const store: { state?: JsonObject } = {};
    const env = 'busy';
    const name = `${PREFIX}busy_db`;
    const result = await driver.provision(
      driverContext({ environmentName: env, store, lines }),
    );
    secrets.push(result.secrets!.password, result.secrets!.url);
    const session = new Client({
      host: serverConfig().host,
      port: serverConfig().port,
      user: name,
      password: result.secrets!.password,
      database: name,
    });
    session.on('error', () => undefined);
    await session.connect();
    try {
      await driver.teardown(
        driverContext({ environmentName: env, store, lines }),
      );
      expect(await serverObjects(name)).toEqual({
        database: undefined,
        role: undefined,
      });
    } finally {
      await session.end().catch(() => undefined);
    }
  });

  it('never takes over a database it did not create, and teardown without state touches nothing', async () => {
    const name = `${PREFIX}foreign_db`;
    await admin(c => c.query(`CREATE DATABASE ${escapeIdentifier(name)}`));
    const store: { state?: JsonObject } = {};
    await expect(
      driver.provision(
        driverContext({ environmentName: 'foreign', store, lines }),
      ),
    ).rejects.toThrow(
      `postgres: database "${name}" already exists and was not created for this resource`,
    );
    expect(store.state).toBeUndefined();
    await driver.teardown(
      driverContext({ environmentName: 'foreign', store, lines }),
    );
    expect((await serverObjects(name)).database).toBeDefined();
    await admin(c => c.query(`DROP DATABASE ${escapeIdentifier(name)}`));
  });

  it('works with an admin that is not a superuser but has CREATEDB and CREATEROLE', async () => {
    const adminRole = `${PREFIX}admin`;
    await admin(c =>
      c.query(
        `CREATE ROLE ${escapeIdentifier(adminRole)} LOGIN CREATEDB CREATEROLE`,
      ),
    );
    const limited = new PostgresDriver({
      ...serverConfig(),
      user: adminRole,
    });
    const store: { state?: JsonObject } = {};
    const name = `${PREFIX}limited_db`;
    const result = await limited.provision(
      driverContext({
        environmentName: 'limited',
        store,
        lines,
        parameters: { extensions: ['citext'] },
      }),
    );
    secrets.push(result.secrets!.password, result.secrets!.url);
    expect((await serverObjects(name)).database.owner).toBe(name);
    await limited.teardown(
      driverContext({ environmentName: 'limited', store, lines }),
    );
    expect(await serverObjects(name)).toEqual({
      database: undefined,
      role: undefined,
    });
  });

  it('tears the same resource down twice at once (two replicas), and again after that, without an error', async () => {
    // Two drivers stand for two replicas (or a worker whose lease was taken over): each has
    // its own admin connections, so nothing in this process serialises them.
    const replicas = [
      new PostgresDriver({ ...serverConfig(), maxAdminConnections: 4 }),
      new PostgresDriver({ ...serverConfig(), maxAdminConnections: 4 }),
    ];
    const envs = ['twice-a', 'twice-b', 'twice-c'];
    const stores = envs.map(() => ({} as { state?: JsonObject }));
    for (const [i, env] of envs.entries()) {
      const result = await driver.provision(
        driverContext({
          environmentName: env,
          store: stores[i],
          lines,
          parameters: { extensions: ['pgcrypto'] },
        }),
      );
      secrets.push(result.secrets!.password, result.secrets!.url);
    }
    // A session of each role is open, so each teardown has sessions to end as well.
    const sessions = await Promise.all(
      envs.map(async (env, i) => {
        const name = `${PREFIX}${env.replace(/-/g, '_')}_db`;
        const session = new Client({
          host: serverConfig().host,
          port: serverConfig().port,
          user: name,
          password: (stores[i].state as { password: string }).password,
          database: name,
        });
        session.on('error', () => undefined);
        await session.connect();
        return session;
      }),
    );
    try {
      const outcomes = await Promise.allSettled(
        envs.flatMap((env, i) =>
          replicas.map(replica =>
            replica.teardown(
              driverContext({ environmentName: env, store: stores[i], lines }),
            ),
          ),
        ),
      );
      expect(
        outcomes.flatMap(o =>
          o.status === 'rejected' ? [String(o.reason)] : [],
        ),
      ).toEqual([]);
    } finally {
      await Promise.all(sessions.map(s => s.end().catch(() => undefined)));
    }
    for (const env of envs) {
      expect(
        await serverObjects(`${PREFIX}${env.replace(/-/g, '_')}_db`),
      ).toEqual({ database: undefined, role: undefined });
    }
    // And a teardown after both is done too.
    await replicas[0].teardown(
      driverContext({ environmentName: envs[0], store: stores[0], lines }),
    );
  });

  it('provisions the same resource twice at once to one database and role, the saved password being the one that logs in', async () => {
    const replicas = [
      new PostgresDriver({ ...serverConfig(), maxAdminConnections: 4 }),
      new PostgresDriver({ ...serverConfig(), maxAdminConnections: 4 }),
    ];
    const envs = ['both-a', 'both-b', 'both-c'];
    for (const env of envs) {
      const name = `${PREFIX}${env.replace(/-/g, '_')}_db`;
      // Neither attempt sees the other's checkpoint: both start without state, as a worker
      // does whose lease ran out before it saved, and the worker that took over.
      const store: { state?: JsonObject } = {};
      const contexts = replicas.map(() =>
        driverContext({
          environmentName: env,
          store,
          lines,
          parameters: { extensions: ['pgcrypto', 'citext'] },
        }),
      );
      // Settled, so a failing attempt cannot leave the other running into the cleanup.
      const outcomes = await Promise.allSettled(
        replicas.map((replica, i) => replica.provision(contexts[i])),
      );
      expect(
        outcomes.flatMap(o =>
          o.status === 'rejected' ? [String(o.reason)] : [],
        ),
      ).toEqual([]);
      const results = outcomes.flatMap(o =>
        o.status === 'fulfilled' ? [o.value] : [],
      );
      for (const r of results)
        secrets.push(r.secrets!.password, r.secrets!.url);
      expect(
        lines.filter(l =>
          l.includes(`"${name}" was made for this resource by another attempt`),
        ),
      ).toHaveLength(1);
      const saved = store.state as { password: string };
      // The later attempt took over what the earlier one made and set its own password:
      // what is saved is what the server holds, and it is what one of them returned.
      expect(results.map(r => r.secrets!.password)).toContain(saved.password);
      const objects = await serverObjects(name);
      expect(objects.database.owner).toBe(name);
      expect(verifierMatches(objects.role.rolpassword, saved.password)).toBe(
        true,
      );
      await withClient(
        { user: name, password: saved.password, database: name },
        async c => {
          const { rows } = await c.query(
            'SELECT extname FROM pg_extension ORDER BY extname',
          );
          expect(rows.map(r => r.extname)).toEqual([
            'citext',
            'pgcrypto',
            'plpgsql',
          ]);
        },
      );
      await driver.teardown(
        driverContext({ environmentName: env, store, lines }),
      );
      expect(await serverObjects(name)).toEqual({
        database: undefined,
        role: undefined,
      });
    }
  });

  it('names every problem with bad parameters and creates nothing for them', async () => {
    expect(
      driver.validateParameters({
        extensions: ['pg_crypto', 'citext', 'citext', 3],
        connectionLimit: 500,
        size: 'xl',
      }),
    ).toEqual([
      'parameters.size: unknown parameter (known: extensions, connectionLimit)',
      'parameters.extensions[0]: "pg_crypto" is not an allowed extension (allowed: pgcrypto, citext)',
      'parameters.extensions[2]: "citext" is listed twice',
      'parameters.extensions[3]: must be a string',
      'parameters.connectionLimit: 500 must be a whole number from 1 to 50',
    ]);
    expect(driver.validateParameters({ extensions: 'pgcrypto' })).toEqual([
      'parameters.extensions: must be a list of extension names',
    ]);
    expect(driver.validateParameters({ connectionLimit: 2.5 })).toEqual([
      'parameters.connectionLimit: 2.5 must be a whole number from 1 to 50',
    ]);
    expect(driver.validateParameters({})).toEqual([]);

    const store: { state?: JsonObject } = {};
    await expect(
      driver.provision(
        driverContext({
          environmentName: 'bad-params',
          store,
          lines,
          parameters: { connectionLimit: 0 },
        }),
      ),
    ).rejects.toThrow(
      'invalid postgres parameters: parameters.connectionLimit: 0 must be a whole number from 1 to 50',
    );
    expect(store.state).toBeUndefined();
  });

  it('never writes a password or connection URL to a log line', () => {
    // Runs last: the lines and secrets of every test above.
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      for (const line of lines) {
        expect(line).not.toContain(secret);
      }
    }
    expect(lines.join('\n')).not.toMatch(/SCRAM-SHA-256|PASSWORD/);
  });
});
