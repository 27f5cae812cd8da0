import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import {
  CHARTS,
  PRACTITIONER_APPOINTMENTS,
  USER_MENUS,
  USER_PROFILES,
  type ChartDocument,
  type PractitionerAppointmentDocument,
  type UserMenuDocument,
  type UserProfileDocument,
} from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { DATE_TIME, PageDto, UUID } from '../http/answer.dto';
import { ApiRead } from '../http/api-answers';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { READ_STORE } from '../infrastructure/tokens';

export class UpcomingAppointmentDto {
  @ApiProperty(UUID) appointmentId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ description: "The client's (or the group's) name" }) clientName: string;
  @ApiProperty(DATE_TIME) start: string;
  @ApiProperty(DATE_TIME) end: string;
  @ApiProperty({ type: 'integer' }) durationMinutes: number;
  @ApiProperty({ description: 'True while it is under way' }) current: boolean;
}

export class UpcomingAppointmentsPageDto extends PageDto {
  @ApiProperty({ type: [UpcomingAppointmentDto] }) items: UpcomingAppointmentDto[];
}

const ORDER = { start: 1, _id: 1 } as const;
const keyset = new Keyset('upcoming-appointments', ['string', 'string']);
const NONE = { items: [], nextCursor: null };

/** The sidebar's "Appointment Notifications": my current and upcoming appointments in the selected practice. */
@ApiTags('profile')
@ApiBearerAuth()
@Controller('me/appointments')
export class UpcomingAppointmentsController {
  constructor(
    private readonly freshness: ReadModelFreshness,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @ApiRead('My current and upcoming appointments in the selected practice (empty when the sidebar toggle is off)', UpcomingAppointmentsPageDto)
  @Get('upcoming')
  async upcoming(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [PRACTITIONER_APPOINTMENTS, USER_MENUS, USER_PROFILES, CHARTS]);
    const profile = await this.readStore.collection<UserProfileDocument>(USER_PROFILES).get(user.userId);
    if (!profile || profile.notifications.sidebarAppointmentNotifications === false) return NONE;
    const menu = await this.readStore.collection<UserMenuDocument>(USER_MENUS).get(user.userId);
    const practiceId = menu?.selectedPracticeId;
    if (!practiceId || menu.roles[practiceId] === undefined) return NONE;
    const now = new Date();
    const filter = { practiceId, practitionerId: user.userId, status: 'booked', end: { $gt: now.toISOString() } };
    const page = await findPage(this.readStore.collection<PractitionerAppointmentDocument>(PRACTITIONER_APPOINTMENTS), filter, ORDER, keyset, query);
    const charts = await this.readStore.collection<ChartDocument>(CHARTS).getMany(page.items.map((a) => a.chartId));
    const nameOf = (chart: ChartDocument | undefined): string =>
      chart === undefined ? '' : chart.group ? chart.group.name : `${chart.profile.firstName} ${chart.profile.lastName}`;
    return {
      items: page.items.map((a) => ({
        appointmentId: a._id,
        chartId: a.chartId,
        clientName: nameOf(charts.get(a.chartId)),
        start: a.start,
        end: a.end,
        durationMinutes: a.durationMinutes,
        current: Date.parse(a.start) <= now.getTime(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
