import { chartNotFound, DomainError } from '@practice/domain';
import { CHARTS, PRACTICE_PROFILES, USER_PROFILES, type ChartDocument, type PracticeProfileDocument, type UserProfileDocument } from '@practice/read-models';
import type { ReadStore } from '@practice/read-store';
import { CHART_LEDGERS, type ChartLedgerView } from './ledger-view';
import type { Period, SuperbillSources } from './superbill';

/**
 * The read models a superbill is made of, each read once, that X-Consistency-Token waits for (when the
 * projector runs in another process). The billing work's ledger projection joins this list when it is merged.
 */
export const SUPERBILL_READ_MODELS = [CHARTS, USER_PROFILES, PRACTICE_PROFILES] as const;

const chartOfPractice = async (readStore: ReadStore, practiceId: string, chartId: string): Promise<ChartDocument> => {
  const doc = await readStore.collection<ChartDocument>(CHARTS).get(chartId);
  if (!doc || doc.practiceId !== practiceId) throw chartNotFound();
  return doc;
};

/**
 * Reads what the superbill of a chart needs. A group chart bills against its Identified Patient, so
 * the client's details and diagnosis codes are that member's (from the member's own chart), while the
 * services are the group chart's.
 */
export const superbillSources = async (readStore: ReadStore, practiceId: string, chartId: string, period: Period): Promise<SuperbillSources> => {
  const chart = await chartOfPractice(readStore, practiceId, chartId);
  let patient = chart;
  if (chart.kind === 'group') {
    const identifiedPatientId = chart.group?.identifiedPatientId ?? null;
    if (identifiedPatientId === null) {
      throw new DomainError('IdentifiedPatientRequired', 'conflict', 'A group chart bills against its Identified Patient: designate one first');
    }
    patient = await chartOfPractice(readStore, practiceId, identifiedPatientId);
  }
  const ledgerDoc = await readStore.collection<ChartLedgerView>(CHART_LEDGERS).get(chartId);
  const ledger = ledgerDoc && ledgerDoc.practiceId === practiceId ? ledgerDoc : null;
  const practitionerIds = [...new Set((ledger?.charges ?? []).map((charge) => charge.practitionerId))];
  const profiles = await readStore.collection<UserProfileDocument>(USER_PROFILES).getMany(practitionerIds);
  const practice = await readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).get(practiceId);
  const address = (practice as { address?: SuperbillSources['practice']['address'] } | undefined)?.address ?? null;
  // The guard found the caller a member of this practice: its profile is there once projected.
  return { chart, patient, ledger, profiles, practice: { practiceId, name: practice?.name ?? '', address }, period };
};
