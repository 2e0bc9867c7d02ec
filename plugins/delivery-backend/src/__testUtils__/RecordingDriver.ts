import {
  DeployContext,
  DeployDriver,
  DeployResult,
} from '@internal/plugin-delivery-node';

/** A driver that records what it was asked and answers what the test says. */
export class RecordingDriver implements DeployDriver {
  readonly id = 'recording';
  readonly calls: DeployContext['deployment'][] = [];
  outcome: DeployResult = { status: 'succeeded' };
  /** Holds every deploy until released (to test one-at-a-time). */
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => {};

  hold() {
    this.gate = new Promise(resolve => {
      this.open = resolve;
    });
  }

  release() {
    this.open();
  }

  async deploy(context: DeployContext): Promise<DeployResult> {
    this.calls.push(context.deployment);
    await context.log(`recording driver: ${context.deployment.version}`);
    await this.gate;
    return this.outcome;
  }
}
