import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { contactStream } from '../../../../libs/events/src/streams';
import { contactDecider, type ContactCommand } from '../../../../libs/domain/src/contact/contact.decider';
import type { ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { CONTACTS, type ContactDocument } from '../../../../libs/read-models/src/contacts/contact.projection';
import { commandEnvelope, type CommandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { answerCommand } from '../http/command-answer';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { ChartCallParams, type ChartCall } from '../clients/chart-call';
import { NewContactDto } from '../clients/create-chart.request.dto';
import { uuidParam } from '../clients/path-params';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { ContactAnswerDto, ContactsPageDto } from '../clients/clients.response.dto';

export class ContactListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Text search on names and email' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
}

export class ChangeContactCommand extends Command<{ contactId: string; revision: number; position: number }> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly command: ContactCommand,
  ) {
    super();
  }
}

@CommandHandler(ChangeContactCommand)
export class ChangeContactHandler implements ICommandHandler<ChangeContactCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, command }: ChangeContactCommand) {
    const result = await this.runner.run(contactDecider, contactStream(command.contactId), command, envelope);
    return { contactId: command.contactId, revision: result.revision, position: result.position };
  }
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
    private readonly commandBus: CommandBus,
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
  create(@ChartCallParams() call: ChartCall, @Body() body: NewContactDto, @Res({ passthrough: true }) response: Response) {
    return this.send(response, call, 'CreateContact', (contactId) => ({
      type: 'CreateContact',
      contactId,
      practiceId: call.practiceId,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email ?? null,
      phone: body.phone ?? null,
      clientId: null,
    }));
  }

  @ApiChanged('Edit the details of a contact', ContactAnswerDto)
  @Put(':contactId')
  @RequiresPermission('clients:write')
  edit(@ChartCallParams() call: ChartCall, @Param('contactId') contactId: string, @Body() body: NewContactDto, @Res({ passthrough: true }) response: Response) {
    const id = uuidParam(contactId, 'contactId');
    return this.send(response, call, 'EditContactDetails', () => ({
      type: 'EditContactDetails',
      contactId: id,
      practiceId: call.practiceId,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email ?? null,
      phone: body.phone ?? null,
    }));
  }

  private async send(response: Response, call: ChartCall, commandType: string, build: (newContactId: string) => ContactCommand) {
    const { actorUserId, practiceId, idempotencyKey, correlationId } = call;
    const envelope = commandEnvelope({ commandType, actorUserId, practiceId, idempotencyKey, correlationId });
    const result = await this.commandBus.execute(new ChangeContactCommand(envelope, build(envelope.newId('contactId'))));
    return answerCommand(response, result, { contactId: result.contactId });
  }
}
