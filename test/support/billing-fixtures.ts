export const psychotherapy = { name: 'Psychotherapy, 60 min', code: '90837', durationMinutes: 60, rate: { amount: 15000, currency: 'USD' } };
