/** The only source of time for command handlers and workers; deciders get `now` from it as data. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
