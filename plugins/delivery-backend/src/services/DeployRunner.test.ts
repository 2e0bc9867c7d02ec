import { mockCredentials } from '@backstage/backend-test-utils';
import { createTestDatabases } from '@internal/testing';
import { createRouterHarness } from '../__testUtils__/routerHarness';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const MINUTE = 60_000;

describe.each(databases.eachSupportedId())(
  'deploys a stopped backend left behind, on %s',
  id => {
    /** A Tuesday morning (outside the freeze window) that the test moves on by hand. */
    async function setup() {
      let at = Date.parse('2026-12-01T10:00:00Z');
      const clock = {
        advance: (ms: number) => {
          at += ms;
        },
      };
      const { api, h } = await createRouterHarness(databases, id, {
        now: () => new Date(at),
      });
      const request = (version: string) =>
        api
          .post('/deploys')
          .set('Authorization', mockCredentials.user.header('user:default/ana'))
          .send({ service: 'payments-api', environment: 'dev', version });
      /** Waits until the driver has handed a deploy back (it runs in the background). */
      const handedBack = (deploymentId: string) =>
        h.eventually(
          async () =>
            (await h.store.events(deploymentId, 0, 50)).some(
              e => e.message === 'Waiting for the driver to report',
            ),
          async () => `deploy ${deploymentId} was not handed back`,
        );
      return { h, clock, request, handedBack };
    }

    it('fails a running deploy whose driver says nothing for the timeout, and frees its environment', async () => {
      const { h, clock, request, handedBack } = await setup();
      expect(h.settings.deployTimeoutMinutes).toBe(60);
      h.driver.outcome = { status: 'pending' };
      const first = (await request('1.0.0')).body;
      await handedBack(first.id);

      clock.advance(59 * MINUTE);
      expect(await h.deploys.failStalled()).toBe(0);
      const refused = await request('1.0.1');
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(
        /has a deploy in progress in dev/,
      );

      clock.advance(2 * MINUTE);
      expect(await h.deploys.failStalled()).toBe(1);
      const failed = await h.store.get(first.id);
      expect(failed?.status).toBe('failed');
      expect(failed?.message).toMatch(
        /^No word from the recording driver for 60 minutes: marked failed/,
      );
      const events = await h.store.events(first.id, 0, 50);
      expect(events[events.length - 1]).toEqual(
        expect.objectContaining({ status: 'failed', message: failed?.message }),
      );

      h.driver.outcome = { status: 'succeeded' };
      const next = (await request('1.0.1')).body;
      await h.settled(next.id, 'succeeded');
      // Nothing else is stalled, and a finished deploy is never touched again.
      clock.advance(120 * MINUTE);
      expect(await h.deploys.failStalled()).toBe(0);
      expect((await h.store.get(next.id))?.status).toBe('succeeded');
    });

    it('runs again a deploy its backend left inside the driver, once, and never one handed off', async () => {
      const { h, clock, request, handedBack } = await setup();
      expect(h.settings.resumeRunningAfterSeconds).toBe(120);
      // The backend running the deploy stops inside the driver: its call never returns.
      h.driver.hold();
      const stuck = (await request('3.0.0')).body;
      await h.eventually(
        async () => h.driver.calls.length === 1,
        async () => 'the driver was not called',
      );
      h.driver.hold(); // the first call now waits forever, as a killed process would
      h.driver.release(); // later calls go through

      clock.advance(119_000);
      expect(await h.deploys.resumeRunning()).toBe(0);
      clock.advance(2_000);
      expect(await h.deploys.resumeRunning()).toBe(1);
      const resumed = await h.store.get(stuck.id);
      expect(resumed?.status).toBe('succeeded');
      expect(h.driver.calls.map(c => c.id)).toEqual([stuck.id, stuck.id]);
      const events = await h.store.events(stuck.id, 0, 50);
      expect(events.map(e => e.message)).toContainEqual(
        expect.stringMatching(
          /^No word for 120 s and not handed off: the backend running this deploy stopped/,
        ),
      );
      clock.advance(300_000);
      expect(await h.deploys.resumeRunning()).toBe(0);

      // A deploy its driver handed off waits for the callback: never run again.
      h.driver.outcome = { status: 'pending' };
      const waiting = (await request('3.0.1')).body;
      await handedBack(waiting.id);
      clock.advance(30 * MINUTE);
      expect(await h.deploys.resumeRunning()).toBe(0);
      expect((await h.store.get(waiting.id))?.status).toBe('running');
      expect(h.driver.calls).toHaveLength(3);
    });

    it('counts a log line from the driver as word from it', async () => {
      const { h, clock, request, handedBack } = await setup();
      h.driver.outcome = { status: 'pending' };
      const deploy = (await request('2.0.0')).body;
      await handedBack(deploy.id);
      clock.advance(50 * MINUTE);
      await h.store.appendEvent(
        deploy.id,
        'still rolling out',
        new Date(Date.parse('2026-12-01T10:50:00Z')),
      );
      clock.advance(30 * MINUTE);
      expect(await h.deploys.failStalled()).toBe(0);
      clock.advance(31 * MINUTE);
      expect(await h.deploys.failStalled()).toBe(1);
    });

    it('starts a queued deploy that no worker started', async () => {
      const { h, clock } = await setup();
      const queued = await h.store.create(
        {
          id: 'left-behind',
          serviceRef: 'component:default/payments-api',
          environment: 'dev',
          production: false,
          version: '3.0.0',
          status: 'queued',
          changeType: 'planned',
          driver: 'recording',
          triggeredBy: 'user:default/ana',
          selfService: true,
        },
        new Date(Date.parse('2026-12-01T10:00:00Z')),
      );
      expect(await h.deploys.resumeQueued()).toBe(0);
      clock.advance(MINUTE);
      expect(await h.deploys.resumeQueued()).toBe(1);
      expect((await h.store.get(queued.id))?.status).toBe('succeeded');
      expect(h.driver.calls.map(c => c.version)).toEqual(['3.0.0']);
    });
  },
);
