import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import type { Projector } from '@practice/read-models';
import { Public } from '../http/auth.guard';
import { ProblemException } from '../http/problem';
import { EVENT_STORE, PROJECTOR, READ_STORE } from '../infrastructure/tokens';
import { ApiRead } from '../http/api-answers';
import { HealthDto } from './health.response.dto';
import { healthReport } from './projection-status';

/** Liveness for load balancers. Metrics are not here: they are on METRICS_PORT (see metrics-server.ts). */
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
    const report = await healthReport({ events: this.events, readStore: this.readStore, projector: this.projector });
    if (!report.ok) throw new ProblemException(report.problem);
    return report.body;
  }
}
