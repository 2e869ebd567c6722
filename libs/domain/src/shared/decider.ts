/**
 * A decider is the pure heart of an aggregate: `decide` turns a command and the current state into
 * new events (or throws an AppError), `evolve` folds one event into the state. Replaying a stream
 * through `evolve` gives the aggregate at any revision.
 */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

export interface Decider<C, S, E extends DomainEvent> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
}

export const fold = <S, E extends DomainEvent>(decider: Pick<Decider<never, S, E>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
