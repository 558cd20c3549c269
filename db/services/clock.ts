// The clock every service reads: the system's in the app, a fixed one in tests.
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
