import { Body, Controller, Get, Inject, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { ReadStore } from '@practice/read-store';
import { CONTACTS, type ContactDocument } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { NewContactDto } from '../clients/create-chart.request.dto';
import { uuidParam } from '../chart-commands/path-params';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { ContactAnswerDto, ContactsPageDto } from '../clients/clients.response.dto';

export class ContactListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Text search on names and email' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
}

const CONTACT_ORDER = { sortName: 1, _id: 1 } as const;
const contactKeyset = new Keyset('contacts', ['string', 'string']);

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A practice's contacts (parents, guardians, family members): not bound by the client email rule. */
@ApiTags('contacts')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/contacts')
export class ContactsController {
  constructor(
    private readonly sender: CommandSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @ApiRead('The contacts of the practice', ContactsPageDto)
  @Get()
  @RequiresPermission('clients:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: ContactListQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [CONTACTS]);
    const filter: Record<string, unknown> = { practiceId: call.practiceId };
    const search = query.search?.trim().toLowerCase();
    if (search) filter.searchText = { $regex: escapeRegex(search) };
    const page = await findPage(this.readStore.collection<ContactDocument>(CONTACTS), filter, CONTACT_ORDER, contactKeyset, query);
    return { items: page.items.map(({ _id, _position, searchText, sortName, ...doc }) => ({ contactId: _id, ...doc })), nextCursor: page.nextCursor };
  }

  @ApiCreated('Create a contact', ContactAnswerDto)
  @Post()
  @RequiresPermission('clients:write')
  create(@ChartCallParams() call: ChartCall, @Body() body: NewContactDto) {
    const create = (envelope: { newId(purpose: string): string }) => ({
      type: 'CreateContact' as const,
      contactId: envelope.newId('contactId'),
      practiceId: call.practiceId,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email ?? null,
      phone: body.phone ?? null,
      clientId: null,
    });
    return this.sender.changeWith(call, 'contact', ({ contactId }) => contactId, 'CreateContact', create, ({ contactId }) => ({ contactId }));
  }

  @ApiChanged('Edit the details of a contact', ContactAnswerDto)
  @Put(':contactId')
  @RequiresPermission('clients:write')
  edit(@ChartCallParams() call: ChartCall, @Param('contactId') contactId: string, @Body() body: NewContactDto) {
    const id = uuidParam(contactId, 'contactId');
    const edit = {
      type: 'EditContactDetails' as const,
      contactId: id,
      practiceId: call.practiceId,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email ?? null,
      phone: body.phone ?? null,
    };
    return this.sender.change(call, 'contact', id, edit, { contactId: id });
  }
}
