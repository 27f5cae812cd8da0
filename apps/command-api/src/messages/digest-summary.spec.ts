import { digestSummary, formatMoney } from './digest-summary';

describe('The daily digest text', () => {
  const names = new Map([['p-1', 'Calm Minds'], ['p-2', 'Quiet Place']]);

  it('lists counts per practice; a role that may not read payments gets no payment line; a practice with nothing is left out', () => {
    const text = digestSummary(
      [
        { practiceId: 'p-1', appointmentsToday: 2, overdueTasks: 0, notesAwaitingSignature: 1, newClients: 0, payments: null },
        { practiceId: 'p-2', appointmentsToday: 0, overdueTasks: 0, notesAwaitingSignature: 0, newClients: 0, payments: [] },
      ],
      names,
    );
    expect(text).toBe(['Calm Minds', '- Your appointments today: 2', '- Overdue tasks: 0', '- Notes awaiting your signature: 1', '- New clients yesterday: 0'].join('\n'));
  });

  it('sums payments per currency in its own decimals', () => {
    const text = digestSummary([{ practiceId: 'p-1', appointmentsToday: 0, overdueTasks: 0, notesAwaitingSignature: 0, newClients: 0, payments: [{ currency: 'USD', count: 2, total: 30000 }] }], names);
    expect(text).toContain('- Payments received yesterday: 2 payments, $300.00 in all');
    expect(formatMoney(5000, 'JPY')).toBe('¥5,000');
  });
});
