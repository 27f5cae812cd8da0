import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { taskNotFound } from '@practice/domain';
import { TASKS, type TaskDocument } from '@practice/read-models';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { HttpAnswer } from '../http/command-answer';
import { ConsistencyToken } from '../http/headers';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { listChartTasks, practiceToday, taskItem } from './task-queries';
import { AssignTaskRequestDto, TaskDetailsRequestDto, TaskListQueryDto } from './task.request.dto';
import { TaskAnswerDto, TaskDto, TasksPageDto } from './task.response.dto';

/** The Tasks tab of a chart: homework and to-dos assigned to the client (or a minor's contact, or a group member). */
@ApiTags('tasks')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/tasks')
export class TasksController {
  constructor(
    private readonly sender: ChartRecordSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly reads: ChartRecordReads,
  ) {}

  @ApiCreated('Assign a task', TaskAnswerDto, { location: true })
  @Post()
  @RequiresPermission('tasks:write')
  assign(@ChartCallParams() call: ChartCall, @Body() body: AssignTaskRequestDto) {
    const assignee = body.assignee ?? { kind: 'client' as const };
    return this.sender.create(
      call,
      'task',
      'AssignTask',
      () => ({
        type: 'AssignTask',
        assignee: assignee.kind === 'contact' ? { kind: 'contact', contactId: assignee.contactId! } : assignee.kind === 'member' ? { kind: 'member', clientId: assignee.clientId! } : { kind: 'client' },
        title: body.title,
        description: body.description ?? null,
        dueDate: body.dueDate,
      }),
      { location: true },
    );
  }

  @ApiRead("The chart's tasks by due date, optionally of one status", TasksPageDto)
  @Get()
  @RequiresPermission('charts:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: TaskListQueryDto, @ConsistencyToken() token: number | undefined) {
    return this.reads.read(call, token, [TASKS], 'tasks', () => listChartTasks(this.readStore, call.chartId, query, new Date()));
  }

  @ApiRead('One task', TaskDto, { etag: true })
  @Get(':taskId')
  @RequiresPermission('charts:read')
  async one(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string, @ConsistencyToken() token: number | undefined) {
    const doc = await this.reads.read(call, token, [TASKS], 'tasks', async () => {
      const found = isUuid(taskId) ? await this.readStore.collection<TaskDocument>(TASKS).get(taskId) : undefined;
      if (!found || found.practiceId !== call.practiceId || found.chartId !== call.chartId) throw taskNotFound();
      return found;
    });
    return new HttpAnswer(taskItem(doc, practiceToday(new Date())), { revision: doc.revision });
  }

  @ApiChanged('Edit the title, description and due date of an open task', TaskAnswerDto)
  @Put(':taskId')
  @RequiresPermission('tasks:write')
  edit(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string, @Body() body: TaskDetailsRequestDto) {
    return this.sender.change(call, 'task', taskId, 'EditTask', () => ({ type: 'EditTask', title: body.title, description: body.description ?? null, dueDate: body.dueDate }));
  }

  @ApiChanged('Mark a task done (by this member of the practice)', TaskAnswerDto)
  @Post(':taskId/complete')
  @HttpCode(200)
  @RequiresPermission('tasks:write')
  complete(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string) {
    return this.sender.change(call, 'task', taskId, 'CompleteTask', () => ({ type: 'CompleteTask', completedBy: { kind: 'staff', userId: call.actorUserId } }));
  }

  @ApiChanged('Cancel a task', TaskAnswerDto)
  @Post(':taskId/cancel')
  @HttpCode(200)
  @RequiresPermission('tasks:write')
  cancel(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string) {
    return this.sender.change(call, 'task', taskId, 'CancelTask', () => ({ type: 'CancelTask' }));
  }

  @ApiChanged('Reopen a done or cancelled task', TaskAnswerDto)
  @Post(':taskId/reopen')
  @HttpCode(200)
  @RequiresPermission('tasks:write')
  reopen(@ChartCallParams() call: ChartCall, @Param('taskId') taskId: string) {
    return this.sender.change(call, 'task', taskId, 'ReopenTask', () => ({ type: 'ReopenTask' }));
  }
}
