import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { SERVICES, type ServiceDocument } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { uuidParam } from '../chart-commands/path-params';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { ServiceAnswerDto, ServiceRequestDto, ServicesPageDto } from './services.dto';

const SERVICE_ORDER = { sortName: 1, _id: 1 } as const;
const serviceKeyset = new Keyset('services', ['string', 'string']);

/** Settings -> Services: the practice's service catalogue (stream `services-<practiceId>`). */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/services')
export class ServicesController {
  constructor(
    private readonly sender: CommandSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @ApiRead('The service catalogue of the practice, by name (retired services flagged)', ServicesPageDto)
  @Get()
  @RequiresPermission('clients:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [SERVICES]);
    const page = await findPage(this.readStore.collection<ServiceDocument>(SERVICES), { practiceId: call.practiceId }, SERVICE_ORDER, serviceKeyset, query);
    return {
      items: page.items.map((doc) => ({ serviceId: doc._id, name: doc.name, code: doc.code, durationMinutes: doc.durationMinutes, rate: doc.rate, retired: doc.retired })),
      nextCursor: page.nextCursor,
    };
  }

  @ApiCreated('Add a service to the catalogue', ServiceAnswerDto)
  @Post()
  @RequiresPermission('billing:manage')
  add(@ChartCallParams() call: ChartCall, @Body() body: ServiceRequestDto) {
    const add = (envelope: { newId(purpose: string): string }) => ({ type: 'AddService' as const, practiceId: call.practiceId, serviceId: envelope.newId('serviceId'), ...body });
    return this.sender.changeWith(call, 'services', call.practiceId, 'AddService', add, ({ serviceId }) => ({ serviceId }));
  }

  @ApiChanged('Change a service (fees already booked keep their amount)', ServiceAnswerDto)
  @Put(':serviceId')
  @RequiresPermission('billing:manage')
  change(@ChartCallParams() call: ChartCall, @Param('serviceId') serviceId: string, @Body() body: ServiceRequestDto) {
    const id = uuidParam(serviceId, 'serviceId');
    return this.sender.change(call, 'services', call.practiceId, { type: 'ChangeService', practiceId: call.practiceId, serviceId: id, ...body }, { serviceId: id });
  }

  @ApiChanged('Retire a service: kept on past appointments and charges, no longer chosen', ServiceAnswerDto)
  @Delete(':serviceId')
  @RequiresPermission('billing:manage')
  retire(@ChartCallParams() call: ChartCall, @Param('serviceId') serviceId: string) {
    const id = uuidParam(serviceId, 'serviceId');
    return this.sender.change(call, 'services', call.practiceId, { type: 'RetireService', practiceId: call.practiceId, serviceId: id }, { serviceId: id });
  }
}
