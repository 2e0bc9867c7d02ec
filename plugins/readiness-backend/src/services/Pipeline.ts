/**
 * Lets up to `width` pieces of work run at once. `add` resolves once there is room for more,
 * so a producer awaiting it never runs ahead. The first failure is thrown, by `add` or `drain`,
 * but only after every piece already started has settled: nothing is left running behind it.
 */
export class Pipeline {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly width: number) {}

  async add(work: Promise<void>): Promise<void> {
    const tracked = work.then(
      () => {
        this.running.delete(tracked);
      },
      error => {
        this.running.delete(tracked);
        this.failure ??= { error };
      },
    );
    this.running.add(tracked);
    while (this.running.size >= this.width && !this.failure) {
      await Promise.race(this.running);
    }
    if (this.failure) await this.drain();
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure) throw this.failure.error;
  }
}
