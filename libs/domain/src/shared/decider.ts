import type { DomainEvent } from '@practice/events';

/**
 * An aggregate as three pure functions (emmett's Decider). `decide` may throw a DomainError; it never
 * reads a clock or makes an id: those come in with the command.
 */
export interface Decider<TCommand, TState, TEvent extends DomainEvent> {
  readonly decide: (command: TCommand, state: TState) => readonly TEvent[];
  readonly evolve: (state: TState, event: TEvent) => TState;
  readonly initialState: () => TState;
}

/** The state a history leads to: every event applied in order, from `from` (the initial state by default). */
export const fold = <TState, TEvent extends DomainEvent>(
  decider: Pick<Decider<unknown, TState, TEvent>, 'evolve' | 'initialState'>,
  events: readonly TEvent[],
  from: TState = decider.initialState(),
): TState => events.reduce(decider.evolve, from);

/** Exhaustiveness check for `switch` over a union: adding a member without handling it fails to compile. */
export const assertNever = (value: never): never => {
  // Names the case, never its data: an event's data can be clinical.
  const name = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : value;
  throw new Error(`unhandled case: ${String(name)}`);
};
