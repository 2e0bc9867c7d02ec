import {
  DriverContext,
  ProvisionResult,
  ResourceDriver,
} from '@internal/plugin-environments-node';

export type DriverCall = {
  op: 'provision' | 'teardown';
  resource: string;
  state: unknown;
};

/**
 * A driver for engine tests: records calls, keeps "what exists outside" in a set, and can be
 * told to fail or to stop for ever (a crash) at a resource. Idempotent like a real driver:
 * a repeated provision of an existing resource does not make a second one.
 */
export class RecordingDriver implements ResourceDriver {
  readonly description = 'Test driver';
  readonly calls: DriverCall[] = [];
  /** `<environment>/<resource>` of everything that exists now. */
  readonly existing = new Set<string>();
  /** How many times each resource was really made (a second one would be a duplicate). */
  readonly creations = new Map<string, number>();
  readonly failProvision = new Set<string>();
  readonly failTeardown = new Set<string>();
  /** Stop for ever after checkpointing state, before making the resource. */
  readonly crashBeforeCreate = new Set<string>();
  /** Stop for ever after making the resource, before returning. */
  readonly crashAfterCreate = new Set<string>();
  readonly crashInTeardown = new Set<string>();
  /** Calls on a resource wait here (after provision's checkpoint) until released. */
  private readonly gates = new Map<string, Promise<void>>();
  /** Calls on a resource running now, by `<environment>/<resource>`. */
  private readonly inFlight = new Map<string, number>();
  /** Every call that started while another call on the same resource was still running. */
  readonly overlaps: string[] = [];

  constructor(readonly type = 'test') {}

  validateParameters(parameters: Record<string, unknown>): string[] {
    return parameters.size !== undefined &&
      (typeof parameters.size !== 'number' || parameters.size > 1000)
      ? [
          `parameters.size: must be a number at most 1000, got ${parameters.size}`,
        ]
      : [];
  }

  /** Holds every call on `resource` at its gate until the returned function is called. */
  hold(resource: string): () => void {
    let release = () => {};
    this.gates.set(
      resource,
      new Promise<void>(resolve => {
        release = () => {
          this.gates.delete(resource);
          resolve();
        };
      }),
    );
    return release;
  }

  async provision(context: DriverContext): Promise<ProvisionResult> {
    const key = `${context.environment.name}/${context.resourceName}`;
    this.calls.push({
      op: 'provision',
      resource: context.resourceName,
      state: context.state,
    });
    return this.exclusive(key, `provision:${context.resourceName}`, () =>
      this.make(key, context),
    );
  }

  private async make(
    key: string,
    context: DriverContext,
  ): Promise<ProvisionResult> {
    if (this.failProvision.has(context.resourceName)) {
      throw new Error(`${context.resourceName} exploded`);
    }
    if (!context.state) await context.saveState({ made: key });
    if (this.crashBeforeCreate.has(context.resourceName)) await forever();
    await this.gates.get(context.resourceName);
    if (!this.existing.has(key)) {
      this.existing.add(key);
      this.creations.set(key, (this.creations.get(key) ?? 0) + 1);
    }
    if (this.crashAfterCreate.has(context.resourceName)) await forever();
    await context.log(`made ${key}`);
    return {
      outputs: { url: `test://${key}` },
      secrets: { password: `pw-${key}` },
    };
  }

  async teardown(context: DriverContext): Promise<void> {
    const key = `${context.environment.name}/${context.resourceName}`;
    this.calls.push({
      op: 'teardown',
      resource: context.resourceName,
      state: context.state,
    });
    await this.exclusive(key, `teardown:${context.resourceName}`, async () => {
      await this.gates.get(context.resourceName);
      if (this.failTeardown.has(context.resourceName)) {
        throw new Error(`${context.resourceName} refused to go`);
      }
      this.existing.delete(key);
      if (this.crashInTeardown.has(context.resourceName)) await forever();
    });
  }

  /** Runs a call, noting it in `overlaps` when another on the same resource still runs. */
  private async exclusive<T>(
    key: string,
    call: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const running = this.inFlight.get(key) ?? 0;
    if (running > 0) this.overlaps.push(`${call} of ${key}`);
    this.inFlight.set(key, running + 1);
    try {
      return await work();
    } finally {
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    }
  }
}

function forever(): Promise<never> {
  return new Promise(() => {});
}
