import { createTestDatabases } from '@internal/testing';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { component, SECRET } from '../__testUtils__/harness';
import { createRouterHarness } from '../__testUtils__/routerHarness';
import { toIso } from '../lib/time';

jest.setTimeout(60_000);

/**
 * What PagerDuty, Opsgenie and Alertmanager sent (src/__fixtures__/incidents, sources in
 * manifest.json; PagerDuty's with the signatures PagerDuty computed), through their webhooks
 * into each database. Expected values are read off the payloads by hand.
 */
const folder = path.resolve(__dirname, '../__fixtures__/incidents');
const read = (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
const vectors = JSON.parse(read('signature-vectors.json')).pagerduty.captured
  .items as Array<{
  file: string;
  secret: string;
  'x-pagerduty-signature': string;
}>;
const TOKEN = 'opsgenie-and-alertmanager-token-0123';
const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('incident corpus on %s', id => {
  async function setup() {
    return createRouterHarness(databases, id, {
      delivery: {
        retentionDays: 20 * 366,
        webhooks: {
          secret: SECRET,
          pagerduty: { secret: vectors[0].secret },
          opsgenie: { token: TOKEN },
          alertmanager: { token: TOKEN },
        },
      },
      entities: [
        component('webhook-tester', 'payments-team', {
          'pagerduty.com/service-id': 'PNE3JZM',
        }),
        component('vip-api', 'payments-team', {
          'opsgenie.com/component-selector': 'tag:"vip"',
        }),
        component('alias-api', 'payments-team', {
          'opsgenie.com/component-selector': 'alias:aliastest AND NOT tag:vip',
        }),
        component('sensors', 'platform-team', {
          'prometheus.io/alert': 'High CPU Temperature, DiskFull',
        }),
        component('monitoring', 'platform-team', {
          'prometheus.io/labels':
            'namespace=monitoring, container_name=config-reloader',
        }),
      ],
    });
  }
  const incident = (h: any, incidentId: string) =>
    h.knex('delivery_incidents').where({ id: incidentId }).first();

  it('keeps every payload byte for byte as its source has it', () => {
    const manifest: Array<{ file: string; sha256: string }> = JSON.parse(
      read('manifest.json'),
    );
    for (const { file, sha256 } of manifest)
      expect([
        file,
        createHash('sha256')
          .update(fs.readFileSync(path.join(folder, file)))
          .digest('hex'),
      ]).toEqual([file, sha256]);
  });

  it('opens and resolves a PagerDuty incident from its signed deliveries and counts it against the deployment live when it opened', async () => {
    const { api, h } = await setup();
    const svc = 'component:default/webhook-tester';
    // A production deploy that went live ten minutes before the incident opened.
    await api
      .post('/events')
      .set('Authorization', mockCredentials.service.header())
      .send({
        events: [
          {
            type: 'deployment',
            id: 'deploy-37',
            service: svc,
            environment: 'prod',
            version: '2.0.0',
            status: 'succeeded',
            finishedAt: '2025-04-07T03:37:13Z',
          },
        ],
      });
    const answers: Record<string, unknown> = {};
    for (const v of vectors) {
      const res = await api
        .post('/webhooks/pagerduty')
        .set('Content-Type', 'application/json')
        .set('X-PagerDuty-Signature', v['x-pagerduty-signature'])
        .send(read(v.file));
      expect([v.file, res.status]).toEqual([v.file, 202]);
      answers[v.file] = res.body;
    }
    expect(answers['pagerduty.incident.acknowledged.json']).toEqual({
      accepted: 0,
      duplicates: 0,
      ignored: 'incident.acknowledged: neither opens nor resolves an incident',
    });
    expect(answers['pagerduty.pagey.ping.json']).toEqual(
      expect.objectContaining({ accepted: 0 }),
    );
    const row = await incident(h, 'pagerduty-Q2CKYRLH85UNN4');
    expect({
      service: row.service_ref,
      source: row.source,
      title: row.title,
      url: row.url,
      opened: toIso(row.opened_at),
      resolved: toIso(row.resolved_at),
      restore: Number(row.restore_seconds),
      cause: row.caused_by_deployment_id,
      link: row.cause_link,
    }).toEqual({
      service: svc,
      source: 'pagerduty',
      title: 'Test',
      url: 'https://aldaviva.pagerduty.com/incidents/Q2CKYRLH85UNN4',
      opened: '2025-04-07T03:47:13.000Z',
      resolved: '2025-04-07T03:49:36.358Z',
      restore: 143.358,
      cause: 'deploy-37',
      link: 'live-at-open',
    });
    const metrics = await api
      .get(
        `/metrics/dora?service=${svc}&from=2025-04-01T00:00:00Z&to=2025-04-08T00:00:00Z`,
      )
      .set('Authorization', mockCredentials.service.header());
    expect(metrics.body.dora.changeFailureRate).toEqual(
      expect.objectContaining({
        failedDeployments: 1,
        deployments: 1,
        rate: 1,
      }),
    );
    // A body changed after PagerDuty signed it is refused, and stores nothing.
    const tampered = await api
      .post('/webhooks/pagerduty')
      .set('Content-Type', 'application/json')
      .set('X-PagerDuty-Signature', vectors[0]['x-pagerduty-signature'])
      .send(read(vectors[0].file).replace('"Test"', '"Test!"'));
    expect(tampered.status).toBe(401);
  });

  it('opens an Opsgenie alert for the component whose selector matches it, closes another, and refuses a missing token', async () => {
    const { api, h } = await setup();
    const send = (file: string, token = TOKEN) =>
      api
        .post('/webhooks/opsgenie')
        .set('Content-Type', 'application/json')
        .set('Authorization', `Bearer ${token}`)
        .send(read(file));
    expect((await send('opsgenie.Create.json')).body).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    const created = await incident(
      h,
      'opsgenie-ec03dad6-62c8-4c94-b38b-d88f398e900f',
    );
    expect([
      created.service_ref,
      toIso(created.opened_at),
      created.title,
    ]).toEqual([
      'component:default/vip-api',
      // createdAt 1502709956288 (epoch milliseconds)
      '2017-08-14T11:25:56.288Z',
      'another alert',
    ]);
    expect((await send('opsgenie.Acknowledge.json')).body.ignored).toBe(
      'Acknowledge: neither opens nor resolves an alert',
    );
    expect((await send('opsgenie.Close.json')).status).toBe(202);
    const closed = await incident(
      h,
      'opsgenie-052652ac-5d1c-464a-812a-7dd18bbfba8c',
    );
    // createdAt 1420452191104 ms; updatedAt 1420452374669001603 ns.
    expect([
      closed.service_ref,
      toIso(closed.resolved_at),
      Number(closed.restore_seconds),
    ]).toEqual([
      'component:default/alias-api',
      '2015-01-05T10:06:14.669Z',
      183.565,
    ]);
    expect((await send('opsgenie.Create.json', 'wrong')).status).toBe(401);
    const none = await api
      .post('/webhooks/opsgenie')
      .set('Content-Type', 'application/json')
      .send(read('opsgenie.Create.json'));
    expect(none.status).toBe(401);
  });

  it('opens an incident per firing Alertmanager alert by alert name, and resolves one by its labels', async () => {
    const { api, h } = await setup();
    const send = (file: string) =>
      api
        .post('/webhooks/alertmanager')
        .set('Content-Type', 'application/json')
        .set('Authorization', `Bearer ${TOKEN}`)
        .send(read(file));
    expect((await send('alertmanager.firing.json')).body).toEqual({
      accepted: 2,
      duplicates: 0,
    });
    const firing = await h.knex('delivery_incidents').orderBy('id');
    expect(
      firing.map((r: any) => [
        r.service_ref,
        r.title,
        toIso(r.opened_at),
        r.resolved_at,
      ]),
    ).toEqual([
      [
        'component:default/sensors',
        'High CPU core temperature',
        '2020-02-06T00:17:58.432Z',
        null,
      ],
      [
        'component:default/sensors',
        'High CPU core temperature',
        '2020-02-06T00:17:58.432Z',
        null,
      ],
    ]);
    // Alertmanager repeats a group while it fires: the same alerts again are duplicates.
    expect((await send('alertmanager.firing.json')).body).toEqual({
      accepted: 0,
      duplicates: 2,
    });
    await send('alertmanager.resolved.json');
    const resolved = await h
      .knex('delivery_incidents')
      .where({ service_ref: 'component:default/monitoring' })
      .first();
    expect([
      toIso(resolved.opened_at),
      toIso(resolved.resolved_at),
      Number(resolved.restore_seconds),
    ]).toEqual(['2019-01-28T20:26:23.868Z', '2019-01-28T20:27:23.868Z', 60]);
  });

  it('acknowledges an alert no component claims, naming why', async () => {
    const { api } = await setup();
    const res = await api
      .post('/webhooks/opsgenie')
      .set('Content-Type', 'application/json')
      .set('Authorization', `Bearer ${TOKEN}`)
      // A real alert (created by Alertmanager, tagged service=gdpr-deleter-srv), as its Create.
      .send(read('opsgenie.AddNote.json').replace('"AddNote"', '"Create"'));
    expect(res.status).toBe(202);
    expect(res.body.ignored).toMatch(
      /: no component claims it \(opsgenie.com\/component-selector\)$/,
    );
  });
});
