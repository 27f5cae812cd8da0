import type { DomainEvent } from '@practice/events';
import { type Decider, DomainError } from '@practice/domain';

/**
 * given(events).when(command).then(events) / .thenThrows(code): decider specs read like the rule they
 * check, and they exercise the decider the way the application does (fold the history, then decide).
 */
export const deciderSpec = <C, S, E extends DomainEvent>(decider: Decider<C, S, E>) => ({
  given: (history: readonly E[]) => ({
    when: (command: C) => {
      const run = (): readonly E[] => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: readonly E[]): void => {
          expect(run()).toEqual(expected);
        },
        thenThrows: (code: string, field?: string): DomainError => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const error = caught as DomainError;
          expect(error.code).toBe(code);
          if (field !== undefined) expect(error.fields.map((f) => f.field)).toContain(field);
          return error;
        },
      };
    },
  }),
});
