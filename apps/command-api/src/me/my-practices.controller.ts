import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { ReadStore } from '@practice/read-store';
import { MENU_SIZE, USER_MENUS, type UserMenuDocument, USER_PRACTICES, type UserPracticeDocument, PRACTICE_PROFILES, type PracticeProfileDocument } from '@practice/read-models';
import { PracticeAccess } from '../application/practice-access';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { CommandSender } from '../http/command-sender';
import { Ctx, type RequestContext } from '../http/request-context';
import { ConsistencyToken } from '../http/headers';
import { READ_STORE } from '../infrastructure/tokens';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { selectedPracticeOf } from './selected-practice';
import { ApiCreated, ApiRead } from '../http/api-answers';
import { MenuDto, MyPracticesPageDto, PracticeSwitchedDto } from './me.response.dto';

export class SwitchPracticeRequestDto {
  @ApiProperty()
  @IsUUID()
  practiceId: string;
}

// In the order joined (names live in practice_profiles, so a rename needs no rewrite, and cannot be a key).
const MEMBERSHIP_ORDER = { joinedAt: 1, _id: 1 } as const;
const membershipKeyset = new Keyset('my-practices', ['string', 'string']);

/** The user menu (check mark, five most recent, View More) and the My Accounts tab. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('me')
export class MyPracticesController {
  constructor(
    private readonly sender: CommandSender,
    private readonly access: PracticeAccess,
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiRead('My user menu: the selected practice and the most recent ones', MenuDto)
  @Get('menu')
  async menu(@CurrentUser() user: AuthenticatedUser, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [USER_MENUS, PRACTICE_PROFILES]);
    const menu = await this.readStore.collection<UserMenuDocument>(USER_MENUS).get(user.userId);
    if (!menu) return { selectedPracticeId: null, selectedPractice: null, recent: [], total: 0 };
    const names = await this.names(menu.order.slice(0, MENU_SIZE));
    const entry = (practiceId: string) => ({ practiceId, name: names.get(practiceId) ?? null, role: menu.roles[practiceId], selected: practiceId === menu.selectedPracticeId });
    return {
      selectedPracticeId: menu.selectedPracticeId,
      recent: menu.order.slice(0, MENU_SIZE).map(entry),
      total: menu.order.length,
      viewMore: menu.order.length > MENU_SIZE,
    };
  }

  @ApiRead('Every practice of mine with my role, in the order joined', MyPracticesPageDto)
  @Get('practices')
  async practices(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [USER_PRACTICES, USER_MENUS, PRACTICE_PROFILES]);
    const active = { userId: user.userId, status: 'active' };
    const collection = this.readStore.collection<UserPracticeDocument>(USER_PRACTICES);
    const page = await findPage(collection, active, MEMBERSHIP_ORDER, membershipKeyset, query);
    const selectedPracticeId = await selectedPracticeOf(this.readStore, user.userId);
    const names = await this.names(page.items.map((m) => m.practiceId));
    const items = page.items.map((m) => ({
      practiceId: m.practiceId,
      name: names.get(m.practiceId) ?? null,
      role: m.role,
      joinedAt: m.joinedAt,
      lastAccessedAt: m.lastAccessedAt,
      selected: m.practiceId === selectedPracticeId,
    }));
    return { items, total: await collection.count(active), nextCursor: page.nextCursor };
  }

  /** Only into a practice where the caller is an active member now (read from its stream, not a read model). */
  @ApiCreated('Switch into a practice of mine', PracticeSwitchedDto)
  @Post('practice-switches')
  async switchPractice(@Body() body: SwitchPracticeRequestDto, @Ctx() context: RequestContext) {
    const userId = context.actorUserId!;
    const activeMember = await this.access.isMember(body.practiceId, userId);
    const command = { type: 'SwitchPractice' as const, practiceId: body.practiceId, activeMember };
    return this.sender.change(context, 'user', userId, command, { practiceId: body.practiceId }, { practiceId: activeMember ? body.practiceId : null });
  }

  private async names(practiceIds: readonly string[]): Promise<Map<string, string>> {
    const docs = await this.readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).getMany(practiceIds);
    return new Map([...docs].map(([id, doc]) => [id, doc.name]));
  }
}
