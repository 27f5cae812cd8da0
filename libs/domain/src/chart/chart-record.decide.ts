import type { ChartEvent, Address } from '@practice/events';
import { DomainError, invalid } from '../shared/domain-error';
import { assertEmailAddress, normalizeEmail } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';
import { assertPhoneNumber } from '../shared/phone-number';
import { optionalText } from '../shared/optional-text';
import type {
  ClearLegalName,
  CompleteClientSetup,
  CompleteSetupStep,
  EditClientIdentity,
  EditClientOverview,
  EditClientProfile,
  RemoveClientPhoto,
  SetClientPhoto,
  SetLegalName,
  TagClient,
  UntagClient,
} from './chart.commands';
import { clientChartOf, openChartOf } from './chart.guards';
import type { ChartState } from './chart.state';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export const setLegalName = (command: SetLegalName, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const firstName = assertPersonName(command.firstName, 'firstName');
  const lastName = assertPersonName(command.lastName, 'lastName');
  if (chart.legalName?.firstName === firstName && chart.legalName.lastName === lastName) return [];
  return [{ type: 'LegalNameSet', data: { chartId: chart.chartId, firstName, lastName } }];
};

export const clearLegalName = (command: ClearLegalName, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.legalName === null) return [];
  return [{ type: 'LegalNameCleared', data: { chartId: chart.chartId } }];
};

/** The profile card's edit panel. The email changes on its own event: it moves a reservation. */
export const editClientProfile = (command: EditClientProfile, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const card = {
    chartId: chart.chartId,
    firstName: assertPersonName(command.firstName, 'firstName'),
    lastName: assertPersonName(command.lastName, 'lastName'),
    phone: command.phone === null || command.phone.trim() === '' ? null : assertPhoneNumber(command.phone),
    gender: optionalText(command.gender, 'gender', 200),
    location: optionalText(command.location, 'location', 200),
  };
  const email = command.email === null || command.email.trim() === '' ? null : assertEmailAddress(command.email);
  const events: ChartEvent[] = [];
  const current = { chartId: chart.chartId, ...chart.name, phone: chart.phone, gender: chart.gender, location: chart.location };
  if (!same(card, current)) events.push({ type: 'ClientProfileEdited', data: card });
  if (email !== chart.email) events.push({ type: 'ClientEmailChanged', data: { chartId: chart.chartId, email } });
  return events;
};

/** Whether a profile edit moves the email to another address (letter case alone keeps the claim). */
export const emailClaimChanges = (before: string | null, after: string | null): boolean =>
  (before === null ? null : normalizeEmail(before)) !== (after === null ? null : normalizeEmail(after));

export const setClientPhoto = (command: SetClientPhoto, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const photoRef = optionalText(command.photoRef, 'photoRef', 500);
  if (photoRef === null) throw invalid('PhotoRequired', 'photoRef', 'must not be empty');
  if (chart.photoRef === photoRef) return [];
  return [{ type: 'ClientPhotoSet', data: { chartId: chart.chartId, photoRef } }];
};

export const removeClientPhoto = (command: RemoveClientPhoto, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  return chart.photoRef === null ? [] : [{ type: 'ClientPhotoRemoved', data: { chartId: chart.chartId } }];
};

const assertDateOfBirth = (value: string | null, now: string): string | null => {
  if (value === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw invalid('InvalidDate', 'dateOfBirth', 'must be a calendar date (YYYY-MM-DD)');
  }
  if (value > now.slice(0, 10)) throw invalid('DateOfBirthInFuture', 'dateOfBirth', 'must not be in the future');
  if (Number(match[1]) < 1900) throw invalid('InvalidDate', 'dateOfBirth', 'must be after 1900');
  return value;
};

const normalizeAddress = (address: Address | null): Address | null => {
  if (address === null) return null;
  const line1 = optionalText(address.line1, 'address.line1', 200);
  if (line1 === null) throw invalid('AddressLineRequired', 'address.line1', 'must not be empty');
  return {
    line1,
    line2: optionalText(address.line2, 'address.line2', 200),
    city: optionalText(address.city, 'address.city', 100),
    region: optionalText(address.region, 'address.region', 100),
    postalCode: optionalText(address.postalCode, 'address.postalCode', 20),
    country: optionalText(address.country, 'address.country', 100),
  };
};

/** The Overview tab. Age is not stored: it is computed when the chart is read. */
export const editClientOverview = (command: EditClientOverview, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const overview = {
    chartId: chart.chartId,
    dateOfBirth: assertDateOfBirth(command.dateOfBirth, command.now),
    address: normalizeAddress(command.address),
    occupation: optionalText(command.occupation, 'occupation', 200),
    employmentStatus: optionalText(command.employmentStatus, 'employmentStatus', 200),
    relationshipStatus: optionalText(command.relationshipStatus, 'relationshipStatus', 200),
    livingArrangement: optionalText(command.livingArrangement, 'livingArrangement', 200),
    diagnosis: optionalText(command.diagnosis, 'diagnosis', 2000),
    symptoms: optionalText(command.symptoms, 'symptoms', 2000),
  };
  const { chartId: _id, ...fields } = overview;
  const current = Object.fromEntries(Object.keys(fields).map((key) => [key, chart[key as keyof typeof chart]]));
  return same(fields, current) ? [] : [{ type: 'ClientOverviewEdited', data: overview }];
};

export const editClientIdentity = (command: EditClientIdentity, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  const identity = {
    chartId: chart.chartId,
    pronouns: optionalText(command.pronouns, 'pronouns', 50),
    legalSex: command.legalSex,
    genderIdentity: optionalText(command.genderIdentity, 'genderIdentity', 200),
  };
  const current = { chartId: chart.chartId, pronouns: chart.pronouns, legalSex: chart.legalSex, genderIdentity: chart.genderIdentity };
  return same(identity, current) ? [] : [{ type: 'ClientIdentityEdited', data: identity }];
};

export const tagClient = (command: TagClient, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (!command.tagDefined) {
    throw new DomainError('UnknownTag', 'invalid', 'No such tag in this practice', [{ field: 'tagId', message: 'must be a tag of the practice' }]);
  }
  if (chart.tagIds.includes(command.tagId)) return [];
  return [{ type: 'ClientTagged', data: { chartId: chart.chartId, tagId: command.tagId } }];
};

export const untagClient = (command: UntagClient, state: ChartState): ChartEvent[] => {
  const chart = openChartOf(state, command.practiceId);
  if (!chart.tagIds.includes(command.tagId)) return [];
  return [{ type: 'ClientUntagged', data: { chartId: chart.chartId, tagId: command.tagId } }];
};

/** Each wizard step is optional; recording one twice changes nothing. */
export const completeSetupStep = (command: CompleteSetupStep, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.setupSteps.includes(command.step)) return [];
  return [{ type: 'ClientSetupStepCompleted', data: { chartId: chart.chartId, step: command.step } }];
};

export const completeClientSetup = (command: CompleteClientSetup, state: ChartState): ChartEvent[] => {
  const chart = clientChartOf(state, command.practiceId);
  if (chart.setupComplete) {
    throw new DomainError('ClientSetupAlreadyComplete', 'conflict', 'The setup of this client is already complete');
  }
  return [{ type: 'ClientSetupCompleted', data: { chartId: chart.chartId } }];
};
