export {
  EVENT_STORE,
  isCaughtUp,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type SubscriptionItem,
} from './event-store.port';
export { PostgresEventStore } from './postgres/postgres-event-store';
export { eventStoreMigrations } from './postgres/event-store.migrations';
export { comparePositions } from './postgres/position';
export { CommandRunner, type RunResult } from './aggregate/command-runner';
export { deterministicId } from './aggregate/deterministic-id';
