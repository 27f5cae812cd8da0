import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { CHARTS, TASKS } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ApiRead } from '../http/api-answers';
import { ConsistencyToken } from '../http/headers';
import { PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { listOverdueTasks } from './task-queries';
import { OverdueTasksPageDto } from './task.response.dto';

/** The practice's overdue tasks: open and past their due date, across every chart. */
@ApiTags('tasks')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/tasks')
export class OverdueTasksController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @ApiRead('Overdue tasks of the practice, the longest overdue first', OverdueTasksPageDto)
  @Get('overdue')
  @RequiresPermission('charts:read')
  async overdue(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [TASKS, CHARTS]);
    return listOverdueTasks(this.readStore, call.practiceId, query, new Date());
  }
}
