import { LoggerService } from '@backstage/backend-plugin-api';
import { AuthenticationError, ConflictError } from '@backstage/errors';
import { DeployCallback, Deployment } from '@internal/plugin-delivery-common';
import { CallbackRequest, DeployDriver } from '@internal/plugin-delivery-node';
import { DeploymentStore } from '../database/DeploymentStore';

/** A status report whose signature the deploy's driver has checked. */
export type VerifiedCallback = {
  deployment: Deployment;
  report: DeployCallback;
};

/**
 * Runs deploys that passed their guards: through the environment's driver, in the background,
 * and the driver's signed status reports that finish them later.
 */
export class DeployRunner {
  constructor(
    private readonly deps: {
      store: DeploymentStore;
      drivers: ReadonlyMap<string, DeployDriver>;
      callbackBaseUrl: () => Promise<string>;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * A driver's status report, verified by the driver that ran the deploy; nothing is written.
   * Unknown ids get the same answer as a bad signature: nothing to learn from probing.
   */
  async verifyCallback(
    id: string,
    request: CallbackRequest,
  ): Promise<VerifiedCallback> {
    const deployment = await this.deps.store.get(id);
    const driver = deployment?.driver
      ? this.deps.drivers.get(deployment.driver)
      : undefined;
    if (!deployment || !driver?.verifyCallback)
      throw new AuthenticationError(`No deploy ${id} accepts status callbacks`);
    return { deployment, report: await driver.verifyCallback(request) };
  }

  /** Applies a verified status report: its log lines, then the status change. */
  async applyCallback({
    deployment,
    report,
  }: VerifiedCallback): Promise<Deployment> {
    const id = deployment.id;
    const now = this.now();
    for (const line of report.log ?? [])
      await this.deps.store.appendEvent(id, line, now);
    if (report.status === 'running') {
      if (report.message)
        await this.deps.store.appendEvent(id, report.message, now);
      return (await this.deps.store.get(id))!;
    }
    if (deployment.status === report.status) return deployment;
    const moved = await this.deps.store.transition(
      id,
      ['running'],
      report.status,
      now,
      { message: report.message },
    );
    if (!moved)
      throw new ConflictError(
        `Deploy ${id} is ${deployment.status}; it cannot become ${report.status}`,
      );
    await this.deps.store.appendEvent(
      id,
      report.message ?? `Deploy ${report.status}`,
      now,
      report.status,
    );
    return (await this.deps.store.get(id))!;
  }

  /** Runs a queued deploy through its driver; a no-op when another worker already started it. */
  async execute(id: string): Promise<void> {
    const { store } = this.deps;
    const started = this.now();
    if (!(await store.transition(id, ['queued'], 'running', started))) return;
    const deployment = (await store.get(id))!;
    await store.appendEvent(
      id,
      `Deploying with ${deployment.driver}`,
      started,
      'running',
    );
    await this.drive(id);
  }

  /** Calls the driver for a running deploy and records what it answered. */
  private async drive(id: string): Promise<void> {
    const { store } = this.deps;
    const deployment = (await store.get(id))!;
    const driver = this.deps.drivers.get(deployment.driver!);
    let outcome: {
      status: 'succeeded' | 'failed' | 'pending';
      message?: string;
    };
    try {
      if (!driver)
        throw new Error(`no deploy driver "${deployment.driver}" is installed`);
      const previous = await store.current(
        deployment.service,
        deployment.environment,
      );
      outcome = await driver.deploy({
        deployment: {
          id,
          service: deployment.service,
          environment: deployment.environment,
          production: deployment.production,
          version: deployment.version,
          previousVersion: previous?.version,
          changeType: deployment.changeType,
          commitSha: deployment.commitSha,
          requestedBy: deployment.triggeredBy,
        },
        callbackUrl: `${await this.deps.callbackBaseUrl()}/deploys/${encodeURIComponent(
          id,
        )}/callback`,
        log: message => store.appendEvent(id, message, this.now()),
        logger: this.deps.logger,
      });
    } catch (error) {
      outcome = {
        status: 'failed',
        message: `Driver error: ${(error as Error).message}`,
      };
    }
    const now = this.now();
    if (outcome.status === 'pending') {
      await store.markHandedOff(id, now);
      await store.appendEvent(
        id,
        outcome.message ?? 'Waiting for the driver to report',
        now,
      );
      return;
    }
    if (
      await store.transition(id, ['running'], outcome.status, now, {
        message: outcome.message,
      })
    )
      await store.appendEvent(
        id,
        outcome.message ?? `Deploy ${outcome.status}`,
        now,
        outcome.status,
      );
  }

  /** Starts queued deploys a stopped backend left behind (scheduled, once across replicas). */
  async resumeQueued(): Promise<number> {
    const ids = await this.deps.store.queued(
      new Date(this.now().getTime() - 30_000),
      50,
    );
    for (const id of ids) await this.execute(id);
    return ids.length;
  }

  /**
   * Runs again the deploys a stopped backend left inside their driver's `deploy` (running, not
   * handed off, nothing logged for `quietSeconds`). Drivers are idempotent per deploy id (the
   * GitOps driver finds its earlier commit by the Runway-Deploy-Id trailer), so an attempt
   * that got further than its backend lived is not repeated. Scheduled, once across replicas.
   */
  async resumeRunning(quietSeconds: number): Promise<number> {
    const { store } = this.deps;
    const now = this.now();
    const stalled = await store.stalled(
      new Date(now.getTime() - quietSeconds * 1000),
      50,
      false,
    );
    for (const { id, driver } of stalled) {
      await store.appendEvent(
        id,
        `No word for ${quietSeconds} s and not handed off: the backend running this deploy stopped. Deploying again with ${driver} (it finds what an earlier attempt did)`,
        now,
      );
      await this.drive(id);
    }
    return stalled.length;
  }

  /**
   * Fails running deploys whose driver has said nothing (no status, no log line) for
   * `timeoutMinutes`: a backend stopped in the middle of a deploy, or a driver that never called
   * back. Until then the deploy holds its service and environment, and nobody could deploy there.
   */
  async failStalled(timeoutMinutes: number): Promise<number> {
    const { store } = this.deps;
    const now = this.now();
    const quietSince = new Date(now.getTime() - timeoutMinutes * 60_000);
    const stalled = [
      ...(await store.stalled(quietSince, 50, true)),
      ...(await store.stalled(quietSince, 50, false)),
    ];
    let failed = 0;
    for (const { id, driver, environment } of stalled) {
      const message = `No word from the ${driver} driver for ${timeoutMinutes} minutes: marked failed, so ${environment} can be deployed again. Check what the driver did before deploying anew.`;
      // A report that lands meanwhile wins: the transition only moves a deploy still running.
      if (await store.transition(id, ['running'], 'failed', now, { message })) {
        await store.appendEvent(id, message, now, 'failed');
        failed += 1;
      }
    }
    return failed;
  }

  runInBackground(id: string) {
    this.execute(id).catch(error =>
      this.deps.logger.error(`Deploy ${id} could not run: ${error}`),
    );
  }
}
