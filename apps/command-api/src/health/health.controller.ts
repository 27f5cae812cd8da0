import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '../../../../libs/event-store/src/event-store.port';
import type { Projector } from '../../../../libs/read-models/src/runtime/projector';
import { Public } from '../http/auth.guard';
import { EVENT_STORE, PROJECTOR } from '../infrastructure/tokens';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Optional() @Inject(PROJECTOR) private readonly projector: Projector | undefined,
  ) {}

  /** Liveness plus projection lag: how many positions the read models are behind the log. */
  @Get()
  async health() {
    const head = await this.events.headPosition();
    const projector = this.projector?.status();
    return {
      status: 'ok',
      eventStore: { headPosition: head },
      projector: projector && {
        ...projector,
        lagPositions: Math.max(0, head - projector.position),
      },
    };
  }
}
