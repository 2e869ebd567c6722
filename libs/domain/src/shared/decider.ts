/**
 * A decider is the pure heart of an aggregate: `decide` turns a command and the current state into
 * new events (or throws an AppError), `evolve` folds one event into the state. Replaying a stream
 * through `evolve` gives the aggregate at any revision.
 */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** An event as read back from the log: its data may be of an older schema than the type's current one. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
  /** The schema the event was written with (1 when the log does not say). */
  readonly schemaVersion: number;
}

export interface Decider<C, S, E extends DomainEvent> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => readonly E[];
  readonly evolve: (state: S, event: E) => S;
  /**
   * Folds an event read from the log, upcasting it from an older schema first; deciders whose events
   * never changed omit it and `evolve` reads the log as it is.
   */
  readonly evolveStored?: (state: S, event: StoredEvent) => S;
  /** The schema version each event type is written with now (1 when absent). */
  readonly schemaVersions?: Readonly<Partial<Record<string, number>>>;
}

/** Folds one stored event through the decider, with its upcaster where it has one. */
export const evolveStored = <S, E extends DomainEvent>(
  decider: Pick<Decider<unknown, S, E>, 'evolve' | 'evolveStored'>,
  state: S,
  event: StoredEvent,
): S => (decider.evolveStored ? decider.evolveStored(state, event) : decider.evolve(state, event as unknown as E));

export const fold = <S, E extends DomainEvent>(decider: Pick<Decider<never, S, E>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
