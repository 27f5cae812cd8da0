import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { hasPermission } from '@practice/domain';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { NOTES } from '@practice/read-models';
import { ChartReadAudit } from '../application/chart-read-audit';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { uuidParam } from '../chart-commands/path-params';
import { assertOpenChartOfPractice } from '../chart-queries/open-chart';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { CommandRunner } from '../application/command-runner';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { HttpAnswer } from '../http/command-answer';
import { ConsistencyToken } from '../http/headers';
import { PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { listChartNotes, noteHistory, noteOfChart, noteView } from './note-queries';
import { EditNoteRequestDto, NoteAddendumRequestDto, ReplaceNoteRequestDto, WriteNoteRequestDto } from './notes.request.dto';
import { NoteAddendumAnswerDto, NoteAnswerDto, NoteDto, NoteHistoryDto, NotesPageDto } from './notes.response.dto';

/**
 * The Notes tab of a chart: clinical notes with every version kept, signed by their author, then
 * amended only by addenda. Bodies are for roles with notes:read, and every read of one is recorded.
 */
@ApiTags('notes')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/notes')
export class NotesController {
  constructor(
    private readonly sender: ChartRecordSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ChartReadAudit,
    private readonly runner: CommandRunner,
    private readonly reads: ChartRecordReads,
  ) {}

  @ApiCreated('Write a note on a chart', NoteAnswerDto, { location: true })
  @Post()
  @RequiresPermission('notes:write')
  write(@ChartCallParams() call: ChartCall, @Body() body: WriteNoteRequestDto) {
    const sharedWithClient = body.sharedWithClient ?? false;
    return this.sender.create(call, 'note', 'WriteNote', () => ({ type: 'WriteNote', body: body.body, sharedWithClient }), { location: true });
  }

  @ApiRead("The chart's notes, newest first (bodies only for roles with notes:read)", NotesPageDto)
  @Get()
  @RequiresPermission('clients:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await assertOpenChartOfPractice(this.runner, call.practiceId, call.chartId);
    await this.freshness.awaitPosition(token, [NOTES]);
    const withBody = call.role !== null && hasPermission(call.role, 'notes:read');
    const page = await listChartNotes(this.readStore, call.practiceId, call.chartId, query, withBody);
    if (withBody) await this.audit.record(call.actorUserId, call.practiceId, call.chartId, 'notes');
    return page;
  }

  @ApiRead('A note: its current version, signature and addenda', NoteDto, { etag: true })
  @Get(':noteId')
  @RequiresPermission('notes:read')
  async read(@ChartCallParams() call: ChartCall, @Param('noteId') noteId: string, @ConsistencyToken() token: number | undefined) {
    const id = uuidParam(noteId, 'noteId');
    const doc = await this.reads.read(call, token, [NOTES], 'note', () => noteOfChart(this.readStore, call.practiceId, call.chartId, id));
    // The ETag is the note's revision, as its commands answer it: send it back in If-Match.
    return new HttpAnswer(noteView(doc), { revision: doc.revision });
  }

  @ApiChanged('Edit an unsigned note (its author): a field left out stays', NoteAnswerDto)
  @Patch(':noteId')
  @RequiresPermission('notes:write')
  edit(@ChartCallParams() call: ChartCall, @Param('noteId') noteId: string, @Body() body: EditNoteRequestDto) {
    return this.sender.change(call, 'note', noteId, 'EditNote', () => ({ type: 'EditNote', body: body.body, sharedWithClient: body.sharedWithClient }));
  }

  @ApiChanged('Replace the text of an unsigned note (its author); sharedWithClient left out is false', NoteAnswerDto)
  @Put(':noteId')
  @RequiresPermission('notes:write')
  replace(@ChartCallParams() call: ChartCall, @Param('noteId') noteId: string, @Body() body: ReplaceNoteRequestDto) {
    const sharedWithClient = body.sharedWithClient ?? false;
    return this.sender.change(call, 'note', noteId, 'EditNote', () => ({ type: 'EditNote', body: body.body, sharedWithClient }));
  }

  @ApiChanged('Sign a note (its author); it can then only be amended', NoteAnswerDto)
  @Post(':noteId/sign')
  @HttpCode(200)
  @RequiresPermission('notes:sign')
  sign(@ChartCallParams() call: ChartCall, @Param('noteId') noteId: string) {
    return this.sender.change(call, 'note', noteId, 'SignNote', () => ({ type: 'SignNote' }));
  }

  @ApiCreated('Add an addendum to a signed note', NoteAddendumAnswerDto)
  @Post(':noteId/addenda')
  @RequiresPermission('notes:write')
  addAddendum(@ChartCallParams() call: ChartCall, @Param('noteId') noteId: string, @Body() body: NoteAddendumRequestDto) {
    return this.sender.change(call, 'note', noteId, 'AddNoteAddendum', (envelope) => ({ type: 'AddNoteAddendum', addendumId: envelope.newId('addendumId'), body: body.body }), {
      adds: true,
      answer: (command) => ({ addendumId: command.addendumId }),
    });
  }

  @ApiRead('The history of a note, oldest first: every version, the signature, the addenda, with who and when', NoteHistoryDto)
  @Get(':noteId/history')
  @RequiresPermission('notes:read')
  async history(@ChartCallParams() call: ChartCall, @Param('noteId') noteId: string, @Query() query: PageQueryDto) {
    const id = uuidParam(noteId, 'noteId');
    await assertOpenChartOfPractice(this.runner, call.practiceId, call.chartId);
    const history = await noteHistory(this.eventStore, call.practiceId, call.chartId, id, query);
    await this.audit.record(call.actorUserId, call.practiceId, call.chartId, 'note-history');
    return history;
  }
}
