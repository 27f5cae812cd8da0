import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import type { Projector } from '../../../../libs/read-models/src/runtime/projector';
import { PARKED_EVENTS } from '../../../../libs/read-models/src/runtime/projector';
import { allProjections } from '../../../../libs/read-models/src/all-projections';
import { lagMetrics, projectionLag, type ProjectionLag } from '../../../../libs/read-models/src/runtime/projection-lag';
import { Public } from '../http/auth.guard';
import { problem, ProblemException } from '../http/problem';
import { EVENT_STORE, PROJECTOR, READ_STORE } from '../infrastructure/tokens';
import { ApiRead, ApiReadText } from '../http/api-answers';
import { HealthDto } from './health.response.dto';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(PROJECTOR) private readonly projector: Projector | undefined,
  ) {}

  /**
   * Liveness plus projection lag (events and seconds behind the log). When the embedded projector has
   * stopped, the read models no longer follow the log: 503 ProjectorStopped naming why.
   */
  @ApiRead('Liveness and projection lag', HealthDto)
  @Get('health')
  async health() {
    const lag = await this.lag();
    const status = this.projector?.status();
    if (status?.stopped) {
      throw new ProblemException(
        problem('ProjectorStopped', `The projector stopped at position ${status.position}: ${status.stopped.reason}`, {
          reason: status.stopped.reason,
          eventStore: { headPosition: lag.headPosition },
          projector: { ...status, lag },
        }),
      );
    }
    return { status: 'ok', eventStore: { headPosition: lag.headPosition }, projector: { ...status, lag } };
  }

  @ApiReadText('Prometheus metrics: projection lag and parked events', 'text/plain')
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const parked = this.projector?.status().parked ?? (await this.readStore.collection(PARKED_EVENTS).count({}));
    return lagMetrics(await this.lag(), parked);
  }

  /** In-process: the projector's own position; across processes: the slowest checkpoint. */
  private async lag(): Promise<ProjectionLag> {
    if (this.projector) return projectionLag(this.events, this.projector.status().position);
    const checkpoints = await Promise.all(allProjections.map((p) => this.readStore.getCheckpoint(p.name)));
    return projectionLag(this.events, Math.min(...checkpoints.map((c) => c ?? -1)));
  }
}
