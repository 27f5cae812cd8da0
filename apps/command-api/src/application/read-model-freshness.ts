import type { ReadStore } from '@practice/read-store';
import type { Projector } from '@practice/read-models';
import { problem, ProblemException } from '../http/problem';

const POLL_MS = 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read-your-writes: a read that carries a consistency token waits, up to a bound, until the read models
 * it reads have applied that position. In-process it is woken by the projector; across processes it
 * polls the projections' checkpoints in the read store.
 */
export class ReadModelFreshness {
  constructor(
    private readonly readStore: ReadStore,
    private readonly projector: Projector | undefined,
    private readonly maxWaitMs: number,
  ) {}

  async awaitPosition(position: number | undefined, readModels: readonly string[]): Promise<void> {
    if (position === undefined) return;
    const fresh = this.projector
      ? await this.projector.waitFor(position, this.maxWaitMs)
      : await this.pollCheckpoints(position, readModels);
    if (!fresh) {
      throw new ProblemException(
        problem('ReadModelBehind', 'The read models have not caught up with that position yet; try again'),
        { 'Retry-After': '1' },
      );
    }
  }

  private async pollCheckpoints(position: number, readModels: readonly string[]): Promise<boolean> {
    const deadline = Date.now() + this.maxWaitMs;
    for (;;) {
      const checkpoints = await Promise.all(readModels.map((name) => this.readStore.getCheckpoint(name)));
      if (checkpoints.every((checkpoint) => checkpoint !== undefined && checkpoint >= position)) return true;
      if (Date.now() >= deadline) return false;
      await sleep(POLL_MS);
    }
  }
}
