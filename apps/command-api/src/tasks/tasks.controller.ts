import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { taskNotFound } from '@practice/domain';
import { TASKS, type TaskDocument } from '@practice/read-models';
import { ChartReadAudit } from '../application/chart-read-audit';
import { ChartRecordCommand, type ChartRecordCommands } from '../application/chart-record-command';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { uuidParam } from '../chart-commands/path-params';
import { assertOpenChartOfPractice } from '../chart-queries/open-chart';
import { CommandRunner } from '../application/command-runner';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { HttpAnswer } from '../http/command-answer';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { listChartTasks, practiceToday, taskItem } from './task-queries';
import { AssignTaskRequestDto, TaskDetailsRequestDto, TaskListQueryDto } from './task.request.dto';
import { TaskAnswerDto, TaskDto, TasksPageDto } from './task.response.dto';

type TaskChange = ChartRecordCommands['task'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The Tasks tab of a chart: homework and to-dos assigned to the client (or a minor's contact, or a group member). */
@ApiTags('tasks')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/tasks')
export class TasksController {
  constructor(
    private readonly sender: CommandSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly runner: CommandRunner,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ChartReadAudit,
  ) {}

  @ApiCreated('Assign a task', TaskAnswerDto, { location: true })
  @Post()
  @RequiresPermission('tasks:write')
  assign(@ChartCallParams() call: ChartCall, @Body() body: AssignTaskRequestDto) {
    const envelope = this.sender.envelope(call, 'AssignTask');
    const taskId = envelope.newId('taskId');
    const { practiceId, chartId } = call;
    const assignee = body.assignee ?? { kind: 'client' as const };
    const command: TaskChange = {
      type: 'AssignTask',
      taskId,
      practiceId,
      chartId,
      assignee: assignee.kind === 'contact' ? { kind: 'contact', contactId: assignee.contactId! } : assignee.kind === 'member' ? { kind: 'member', clientId: assignee.clientId! } : { kind: 'client' },
      title: body.title,
      description: body.description ?? null,
      dueDate: body.dueDate,
    };
    return this.sender.send(
      new ChartRecordCommand(envelope, 'task', taskId, command),
      (result) => ({ taskId, chartId, revision: result.revision }),
      () => `/practices/${practiceId}/charts/${chartId}/tasks/${taskId}`,
    );
  }

  @ApiRead("The chart's tasks by due date, optionally of one status", TasksPageDto)
  @Get()
  @RequiresPermission('charts:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: TaskListQueryDto, @ConsistencyToken() token: number | undefined) {
    await assertOpenChartOfPractice(this.runner, call.practiceId, call.chartId);
    await this.freshness.awaitPosition(token, [TASKS]);
    const page = await listChartTasks(this.readStore, call.chartId, query, new Date());
    await this.audit.record(call.actorUserId, call.practiceId, call.chartId, 'tasks');
    return page;
  }

  @ApiRead('One task', TaskDto, { etag: true })
  @Get(':taskId')
  @RequiresPermission('charts:read')
  async one(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string, @ConsistencyToken() token: number | undefined) {
    await assertOpenChartOfPractice(this.runner, call.practiceId, call.chartId);
    if (!isUuid(taskId)) throw taskNotFound();
    await this.freshness.awaitPosition(token, [TASKS]);
    const doc = await this.readStore.collection<TaskDocument>(TASKS).get(taskId);
    if (!doc || doc.practiceId !== call.practiceId || doc.chartId !== call.chartId) throw taskNotFound();
    await this.audit.record(call.actorUserId, call.practiceId, call.chartId, 'tasks');
    return new HttpAnswer(taskItem(doc, practiceToday(new Date())), { revision: doc.revision });
  }

  @ApiChanged('Edit the title, description and due date of an open task', TaskAnswerDto)
  @Put(':taskId')
  @RequiresPermission('tasks:write')
  edit(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string, @Body() body: TaskDetailsRequestDto) {
    return this.change(call, taskId, { type: 'EditTask', title: body.title, description: body.description ?? null, dueDate: body.dueDate });
  }

  @ApiChanged('Mark a task done (by this member of the practice)', TaskAnswerDto)
  @Post(':taskId/complete')
  @HttpCode(200)
  @RequiresPermission('tasks:write')
  complete(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string) {
    return this.change(call, taskId, { type: 'CompleteTask', completedBy: { kind: 'staff', userId: call.actorUserId } });
  }

  @ApiChanged('Cancel a task', TaskAnswerDto)
  @Post(':taskId/cancel')
  @HttpCode(200)
  @RequiresPermission('tasks:write')
  cancel(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string) {
    return this.change(call, taskId, { type: 'CancelTask' });
  }

  @ApiChanged('Reopen a done or cancelled task', TaskAnswerDto)
  @Post(':taskId/reopen')
  @HttpCode(200)
  @RequiresPermission('tasks:write')
  reopen(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string) {
    return this.change(call, taskId, { type: 'ReopenTask' });
  }

  private change(call: ChartCall, taskIdParam: string, change: DistributiveOmit<TaskChange, 'taskId' | 'practiceId' | 'chartId'>) {
    const taskId = uuidParam(taskIdParam, 'taskId');
    const { practiceId, chartId } = call;
    const envelope = this.sender.envelope(call, change.type);
    const command = { ...change, taskId, practiceId, chartId } as TaskChange;
    return this.sender.send(new ChartRecordCommand(envelope, 'task', taskId, command, call.ifMatch), (result) => ({ taskId, chartId, revision: result.revision }));
  }
}
