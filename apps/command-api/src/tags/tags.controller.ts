import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ReadStore } from '@practice/read-store';
import { TAGS, type TagDocument } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { uuidParam } from '../chart-commands/path-params';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { TagAnswerDto, TagsPageDto } from '../clients/clients.response.dto';

export class TagNameRequestDto {
  @ApiProperty({ example: 'EMDR' }) @IsString() @MinLength(1) @MaxLength(60) name: string;
}

const TAG_ORDER = { sortName: 1, _id: 1 } as const;
const tagKeyset = new Keyset('tags', ['string', 'string']);

/** Settings -> Tags: the practice's tag catalogue. */
@ApiTags('tags')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/tags')
export class TagsController {
  constructor(
    private readonly sender: CommandSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @ApiRead('The tag catalogue of the practice', TagsPageDto)
  @Get()
  @RequiresPermission('clients:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [TAGS]);
    const page = await findPage(this.readStore.collection<TagDocument>(TAGS), { practiceId: call.practiceId }, TAG_ORDER, tagKeyset, query);
    return { items: page.items.map((doc) => ({ tagId: doc._id, name: doc.name })), nextCursor: page.nextCursor };
  }

  @ApiCreated('Define a tag', TagAnswerDto)
  @Post()
  @RequiresPermission('tags:manage')
  define(@ChartCallParams() call: ChartCall, @Body() body: TagNameRequestDto) {
    const define = (envelope: { newId(purpose: string): string }) => ({ type: 'DefineTag' as const, practiceId: call.practiceId, tagId: envelope.newId('tagId'), name: body.name });
    return this.sender.changeWith(call, 'tags', call.practiceId, 'DefineTag', define, ({ tagId }) => ({ tagId }));
  }

  @ApiChanged('Rename a tag', TagAnswerDto)
  @Put(':tagId')
  @RequiresPermission('tags:manage')
  rename(@ChartCallParams() call: ChartCall, @Param('tagId') tagId: string, @Body() body: TagNameRequestDto) {
    const id = uuidParam(tagId, 'tagId');
    return this.sender.change(call, 'tags', call.practiceId, { type: 'RenameTag', practiceId: call.practiceId, tagId: id, name: body.name }, { tagId: id });
  }

  @ApiChanged('Remove a tag from the catalogue', TagAnswerDto)
  @Delete(':tagId')
  @RequiresPermission('tags:manage')
  remove(@ChartCallParams() call: ChartCall, @Param('tagId') tagId: string) {
    const id = uuidParam(tagId, 'tagId');
    return this.sender.change(call, 'tags', call.practiceId, { type: 'RemoveTag', practiceId: call.practiceId, tagId: id }, { tagId: id });
  }
}
