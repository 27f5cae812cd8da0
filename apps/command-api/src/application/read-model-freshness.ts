import type { ReadStore } from '@practice/read-store';
import type { Projector } from '@practice/read-models';
import { badRequest, problem, ProblemException } from '../http/problem';

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
    /** The log's head: a token past it was answered by no command, so it is refused, not waited for. */
    private readonly headPosition?: () => Promise<number>,
  ) {}

  async awaitPosition(position: number | undefined, readModels: readonly string[]): Promise<void> {
    if (position === undefined) return;
    if (this.headPosition !== undefined && !(this.projector !== undefined && this.projector.status().position >= position) && position > (await this.headPosition())) {
      throw badRequest('InvalidConsistencyToken', 'X-Consistency-Token is past the end of the log: no command returned it', [
        { field: 'X-Consistency-Token', message: 'must be a position returned by a command' },
      ]);
    }
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
