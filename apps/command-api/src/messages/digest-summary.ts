import type { DigestPractice } from '@practice/events';

/** 30000 USD minor units → "$300.00"; the currency's own number of decimals. */
export const formatMoney = (minor: number, currency: string): string => {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * The digest's lines, one block per practice: counts and payment totals, never a client's name, a note
 * or anything clinical. A practice with nothing to say is left out.
 */
export const digestSummary = (practices: readonly DigestPractice[], practiceNames: ReadonlyMap<string, string>): string =>
  practices
    .filter((p) => p.appointmentsToday + p.overdueTasks + p.notesAwaitingSignature + p.newClients > 0 || (p.payments ?? []).some((x) => x.count > 0))
    .map((p) => {
      const lines = [
        `Your appointments today: ${p.appointmentsToday}`,
        `Overdue tasks: ${p.overdueTasks}`,
        `Notes awaiting your signature: ${p.notesAwaitingSignature}`,
        `New clients yesterday: ${p.newClients}`,
        ...(p.payments ?? []).map((x) => `Payments received yesterday: ${plural(x.count, 'payment', 'payments')}, ${formatMoney(x.total, x.currency)} in all`),
      ];
      return [practiceNames.get(p.practiceId) ?? 'Your practice', ...lines.map((line) => `- ${line}`)].join('\n');
    })
    .join('\n\n');
