import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { CHARTS, NOTES } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ApiRead } from '../http/api-answers';
import { ConsistencyToken } from '../http/headers';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { listAwaitingSignature } from './note-queries';
import { AwaitingSignaturePageDto } from './notes.response.dto';
import { AwaitingSignatureQueryDto } from './notes.request.dto';

/** Practice-level lists of notes. */
@ApiTags('notes')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/notes')
export class NotesAwaitingSignatureController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @ApiRead('Notes awaiting signature in the practice, oldest first (summaries, no body)', AwaitingSignaturePageDto)
  @Get('awaiting-signature')
  @RequiresPermission('clients:read')
  async awaitingSignature(@ChartCallParams() call: ChartCall, @Query() query: AwaitingSignatureQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [NOTES, CHARTS]);
    return listAwaitingSignature(this.readStore, call.practiceId, query);
  }
}
