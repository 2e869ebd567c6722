import { ValidationError } from '@compileo/domain';
import type { Position } from '../event-store.port';

/** A Postgres event position: the commit-order key (transaction_id, global_position). */
export interface SqlPosition {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

export const START: SqlPosition = { transactionId: 0n, globalPosition: 0n };

const FORMAT = /^(\d{1,20})\/(\d{1,20})$/;

// Zero-padded so positions also sort correctly as plain strings (e.g. in a checkpoint table).
export const encodePosition = (p: SqlPosition): Position =>
  `${p.transactionId.toString().padStart(20, '0')}/${p.globalPosition.toString().padStart(20, '0')}`;

export const decodePosition = (position: Position): SqlPosition => {
  const match = FORMAT.exec(position);
  if (match === null) throw ValidationError.field('position', `not an event store position: ${position}`);
  return { transactionId: BigInt(match[1]), globalPosition: BigInt(match[2]) };
};

export const comparePositions = (a: Position, b: Position): number => {
  const x = decodePosition(a);
  const y = decodePosition(b);
  if (x.transactionId !== y.transactionId) return x.transactionId < y.transactionId ? -1 : 1;
  if (x.globalPosition !== y.globalPosition) return x.globalPosition < y.globalPosition ? -1 : 1;
  return 0;
};
