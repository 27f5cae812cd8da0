import type { ReadStore } from '@practice/read-store';
import { type ChartDocument, statusOf, CONTACTS, type ContactDocument, LEDGERS, type LedgerDocument, CHART_FILES } from '@practice/read-models';
import { tagNames } from '../clients/client-queries';
import { chartNotesSummary } from '../notes/note-queries';
import { taskSummary } from '../tasks/task-queries';
import { openDocumentRequests } from '../document-requests/document-request-queries';
import { reminderReach } from '../messages/reminder-reach';

/** Linked contacts under their names as they are now (a contact edited after linking shows the new name). */
const currentContacts = async (readStore: ReadStore, contacts: ChartDocument['contacts']) => {
  const current = await readStore.collection<ContactDocument>(CONTACTS).getMany(contacts.map((c) => c.contactId));
  return contacts.map((contact) => {
    const now = current.get(contact.contactId);
    return now ? { ...contact, firstName: now.firstName, lastName: now.lastName } : contact;
  });
};

/** Whole years between a date of birth and `today` (both YYYY-MM-DD). */
export const ageOn = (dateOfBirth: string | null, today: string): number | null => {
  if (dateOfBirth === null) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};

/**
 * Total (cancelled ones excluded; late cancellations and no-shows count, they were kept from others),
 * upcoming (booked, not yet started), completed, cancelled, late-cancelled and no-shows, as of `now`.
 */
export const appointmentStats = (appointments: ChartDocument['appointments'], now: Date) => ({
  total: appointments.filter((a) => a.status !== 'cancelled').length,
  upcoming: appointments.filter((a) => a.status === 'booked' && Date.parse(a.start) > now.getTime()).length,
  completed: appointments.filter((a) => a.status === 'completed').length,
  cancelled: appointments.filter((a) => a.status === 'cancelled').length,
  lateCancelled: appointments.filter((a) => a.status === 'late-cancelled').length,
  noShow: appointments.filter((a) => a.status === 'no-show').length,
});

/** The Payments tab's totals (minor units of `currency`): charges − payments + refunds. */
const balanceOf = async (readStore: ReadStore, chartId: string) => {
  const ledger = await readStore.collection<LedgerDocument>(LEDGERS).get(chartId);
  const totals = ledger?.totals ?? { charged: 0, paid: 0, refunded: 0, balance: 0 };
  return { currency: ledger?.currency ?? null, ...totals };
};

/**
 * The chart as the profile screen shows it: what depends on the moment of reading (age, upcoming) or
 * on other read models (tag names from the catalogue, contact names from the contacts, as they are
 * now) is derived here, not stored.
 */
export const chartView = async (readStore: ReadStore, doc: ChartDocument, now: Date, clinical: { diagnoses: boolean } = { diagnoses: false }) => {
  const { _id, _position: _ignored, active, tagIds, diagnosisCodes, ...rest } = doc;
  const today = now.toISOString().slice(0, 10);
  const tags = (await tagNames(readStore, doc.practiceId, tagIds))(tagIds);
  const status = statusOf(active, doc.portal.invitation);
  return {
    chartId: _id,
    ...rest,
    profile: { ...doc.profile, status, dateOfBirth: doc.overview.dateOfBirth, age: ageOn(doc.overview.dateOfBirth, today) },
    overview: { ...doc.overview, age: ageOn(doc.overview.dateOfBirth, today), tags },
    contacts: await currentContacts(readStore, doc.contacts),
    stats: appointmentStats(doc.appointments, now),
    // Counts only: a body is read through the note's own route, which records the read.
    notes: await chartNotesSummary(readStore, doc.practiceId, _id),
    // Diagnosis codes are clinical: only roles with `diagnoses:read` see them here (a biller sees them on superbills).
    ...(clinical.diagnoses ? { diagnosisCodes: diagnosisCodes ?? [] } : {}),
    balance: await balanceOf(readStore, doc._id),
    tasks: await taskSummary(readStore, _id, now),
    documentRequests: { open: await openDocumentRequests(readStore, _id) },
    files: { count: await readStore.collection(CHART_FILES).count({ practiceId: doc.practiceId, chartId: _id }) },
    reminders: await reminderReach(readStore, doc),
  };
};
