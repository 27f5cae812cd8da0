import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import type { Projector } from '../../../../libs/read-models/src/runtime/projector';
import { Public } from '../http/auth.guard';
import { EVENT_STORE, PROJECTOR, READ_STORE } from '../infrastructure/tokens';
import { readModelLag } from './projection-status';

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

  /** Liveness plus projection lag (events and seconds behind the log). */
  @Get('health')
  async health() {
    const lag = await readModelLag({ events: this.events, readStore: this.readStore, projector: this.projector });
    return { status: 'ok', eventStore: { headPosition: lag.headPosition }, projector: { ...this.projector?.status(), lag } };
  }
}
