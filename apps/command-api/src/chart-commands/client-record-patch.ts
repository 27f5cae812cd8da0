import type { ChartEvent } from '@practice/events';
import { chartDecider, type ChartCommand, type ChartState, type EditClientIdentity, type EditClientOverview, type EditClientProfile, type OpenChart, clientChartOf, type Decider } from '@practice/domain';
import { mergePatch, type JsonObject } from '../http/merge-patch';
import { validatedAs } from '../http/validation.pipe';
import { EditClientIdentityRequestDto, EditClientOverviewRequestDto, EditClientProfileRequestDto } from './client-record.request.dto';

// ---- The PUT bodies as commands: a PUT replaces the whole section, a field left out is cleared ----

type OnChart = { readonly chartId: string; readonly practiceId: string; readonly now: string };
type Edit<C> = Omit<C, keyof OnChart>;

export const profileEdit = (body: EditClientProfileRequestDto): Edit<EditClientProfile> => ({
  type: 'EditClientProfile',
  firstName: body.firstName,
  lastName: body.lastName,
  email: body.email ?? null,
  phone: body.phone ?? null,
  gender: body.gender ?? null,
  location: body.location ?? null,
});

export const overviewEdit = (body: EditClientOverviewRequestDto): Edit<EditClientOverview> => {
  const a = body.address;
  return {
    type: 'EditClientOverview',
    dateOfBirth: body.dateOfBirth ?? null,
    address: a ? { line1: a.line1, line2: a.line2 ?? null, city: a.city ?? null, region: a.region ?? null, postalCode: a.postalCode ?? null, country: a.country ?? null } : null,
    occupation: body.occupation ?? null,
    employmentStatus: body.employmentStatus ?? null,
    relationshipStatus: body.relationshipStatus ?? null,
    livingArrangement: body.livingArrangement ?? null,
    diagnosis: body.diagnosis ?? null,
    symptoms: body.symptoms ?? null,
  };
};

export const identityEdit = (body: EditClientIdentityRequestDto): Edit<EditClientIdentity> => ({
  type: 'EditClientIdentity',
  pronouns: body.pronouns ?? null,
  legalSex: body.legalSex ?? null,
  genderIdentity: body.genderIdentity ?? null,
});

// ---- PATCH: a JSON merge patch of one section, applied to the section as the chart stream has it ----

/** A merge patch (RFC 7396) of the profile card, the overview or the identity of a client. */
export interface PatchClientRecord extends OnChart {
  readonly type: 'PatchClientProfile' | 'PatchClientOverview' | 'PatchClientIdentity';
  readonly patch: JsonObject;
}
export type PatchClientProfile = PatchClientRecord & { readonly type: 'PatchClientProfile' };
export type PatchClientOverview = PatchClientRecord & { readonly type: 'PatchClientOverview' };
export type PatchClientIdentity = PatchClientRecord & { readonly type: 'PatchClientIdentity' };

/** Each section in the shape of its PUT body, as the chart stands, and how that body becomes a command. */
const sections = {
  PatchClientProfile: {
    body: EditClientProfileRequestDto,
    current: (chart: OpenChart) => ({ ...chart.name, email: chart.email, phone: chart.phone, gender: chart.gender, location: chart.location }),
    edit: profileEdit,
  },
  PatchClientOverview: {
    body: EditClientOverviewRequestDto,
    current: (chart: OpenChart) => ({
      dateOfBirth: chart.dateOfBirth,
      address: chart.address,
      occupation: chart.occupation,
      employmentStatus: chart.employmentStatus,
      relationshipStatus: chart.relationshipStatus,
      livingArrangement: chart.livingArrangement,
      diagnosis: chart.diagnosis,
      symptoms: chart.symptoms,
    }),
    edit: overviewEdit,
  },
  PatchClientIdentity: {
    body: EditClientIdentityRequestDto,
    current: (chart: OpenChart) => ({ pronouns: chart.pronouns, legalSex: chart.legalSex, genderIdentity: chart.genderIdentity }),
    edit: identityEdit,
  },
} as const;

/**
 * The full edit a patch makes of the chart as it stands: the merged section passes the very checks
 * of a PUT body (a merge that leaves it invalid is refused naming the field), then the PUT's command.
 */
export function patchedEdit(command: PatchClientProfile, state: ChartState): EditClientProfile;
export function patchedEdit(command: PatchClientRecord, state: ChartState): EditClientProfile | EditClientOverview | EditClientIdentity;
export function patchedEdit(command: PatchClientRecord, state: ChartState): EditClientProfile | EditClientOverview | EditClientIdentity {
  const chart = clientChartOf(state, command.practiceId);
  const section = sections[command.type];
  // Nulls of the stored section are "not set": dropping them keeps the merged body a PUT body.
  const merged = mergePatch(mergePatch({}, section.current(chart)), command.patch) as object;
  const body = validatedAs<object>(section.body, merged);
  const edit = (section.edit as (body: object) => Edit<EditClientProfile | EditClientOverview | EditClientIdentity>)(body);
  const { chartId, practiceId, now } = command;
  return { ...edit, chartId, practiceId, now } as EditClientProfile | EditClientOverview | EditClientIdentity;
}

export type ClientRecordCommand = ChartCommand | PatchClientRecord;

const patchTypes: readonly string[] = Object.keys(sections);
const isPatch = (command: ClientRecordCommand): command is PatchClientRecord => patchTypes.includes(command.type);

/**
 * The chart decider that also takes patches. The runner decides again on every retry, so a patch is
 * merged into the section as it is at the revision it is appended to, never into a stale copy.
 */
export const clientRecordDecider: Decider<ClientRecordCommand, ChartState, ChartEvent> = {
  ...chartDecider,
  decide: (command, state) => chartDecider.decide(isPatch(command) ? patchedEdit(command, state) : command, state),
};
