import { Body, Controller, Delete, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { chartNotFound, type ChartCommand } from '../../../../libs/domain/src/chart/chart.decider';
import { commandEnvelope, type CommandEnvelope } from '../application/command-envelope';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { answerCommand } from '../http/command-answer';
import { CorrelationId, IdempotencyKey, IfMatchRevision } from '../http/headers';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChangeChartCommand, CreateClientCommand } from './client.commands';
import { CreateClientRequestDto, SetLegalNameRequestDto } from './create-client.request.dto';

const chartIdOf = (clientId: string): string => {
  if (!isUuid(clientId)) throw chartNotFound();
  return clientId;
};

@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/clients')
export class ClientsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @RequiresPermission('clients:create')
  async create(
    @Param('practiceId') practiceId: string,
    @Body() body: CreateClientRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const envelope = commandEnvelope({ commandType: 'CreateClient', actorUserId: user.userId, practiceId, idempotencyKey, correlationId });
    const result = await this.commandBus.execute(
      new CreateClientCommand(envelope, body.firstName, body.lastName, body.email ?? null),
    );
    response.setHeader('Location', `/practices/${practiceId}/charts/${result.chartId}`);
    return answerCommand(response, result, { clientId: result.chartId });
  }

  @Put(':clientId/legal-name')
  @RequiresPermission('clients:write')
  setLegalName(
    @Param('practiceId') practiceId: string,
    @Param('clientId') clientId: string,
    @Body() body: SetLegalNameRequestDto,
    @CurrentUser() user: AuthenticatedUser,
    @IfMatchRevision() ifMatch: number | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const chartId = chartIdOf(clientId);
    const envelope = commandEnvelope({ commandType: 'SetLegalName', actorUserId: user.userId, practiceId, correlationId });
    return this.change(response, envelope, ifMatch, {
      type: 'SetLegalName',
      chartId,
      practiceId,
      firstName: body.firstName,
      lastName: body.lastName,
    });
  }

  @Delete(':clientId/legal-name')
  @RequiresPermission('clients:write')
  clearLegalName(
    @Param('practiceId') practiceId: string,
    @Param('clientId') clientId: string,
    @CurrentUser() user: AuthenticatedUser,
    @IfMatchRevision() ifMatch: number | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const chartId = chartIdOf(clientId);
    const envelope = commandEnvelope({ commandType: 'ClearLegalName', actorUserId: user.userId, practiceId, correlationId });
    return this.change(response, envelope, ifMatch, { type: 'ClearLegalName', chartId, practiceId });
  }

  @Post(':clientId/setup/complete')
  @RequiresPermission('clients:write')
  @HttpCode(200)
  completeSetup(
    @Param('practiceId') practiceId: string,
    @Param('clientId') clientId: string,
    @CurrentUser() user: AuthenticatedUser,
    @IfMatchRevision() ifMatch: number | undefined,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const chartId = chartIdOf(clientId);
    const envelope = commandEnvelope({
      commandType: 'CompleteClientSetup',
      actorUserId: user.userId,
      practiceId,
      idempotencyKey,
      correlationId,
    });
    return this.change(response, envelope, ifMatch, { type: 'CompleteClientSetup', chartId, practiceId });
  }

  private async change(
    response: Response,
    envelope: CommandEnvelope,
    ifMatch: number | undefined,
    command: Exclude<ChartCommand, { type: 'CreateClient' }>,
  ) {
    const result = await this.commandBus.execute(new ChangeChartCommand(envelope, command, ifMatch));
    return answerCommand(response, result, { clientId: result.chartId, revision: result.revision });
  }
}
