// The core: one open database plus the clock, sessions and logger every service uses.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Language, Role } from '../contract';
import { insertAudit } from '../repos/audit';
import { getSetting } from '../repos/settings';
import { DEFAULT_LOG2N } from './passwords';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Logs carry method names, ids, counts and durations — never patient data. */
export interface Logger {
  info(message: string, meta?: Record<string, string | number | boolean | null>): void;
  error(message: string, err: unknown, meta?: Record<string, string | number | boolean | null>): void;
}
export const stderrLogger: Logger = {
  info: (message, meta) => console.error(`[core] ${message}`, meta ?? ''),
  error: (message, err, meta) => console.error(`[core] ${message}`, meta ?? '', err),
};
export const silentLogger: Logger = { info: () => undefined, error: () => undefined };

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  language: Language | null;
}

interface SessionRecord {
  accountId: number;
  lastSeen: number;
}

/** Sign-in sessions live in memory: a restart of the app means signing in again. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  constructor(private readonly idleMs: number) {}

  open(accountId: number, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { accountId, lastSeen: now });
    return token;
  }

  resolve(token: string | null, now: number): number | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (now - s.lastSeen > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.accountId;
  }

  close(token: string | null): void {
    if (token) this.sessions.delete(token);
  }
}

export interface Core {
  db: Database;
  clock: Clock;
  log: Logger;
  sessions: SessionStore;
  passwordLog2N: number;
  /** Where attachment files live (`<dataDir>/attachments`); null where there is no data folder, and attachments are refused. */
  attachmentsDir: string | null;
}

export interface CoreOptions {
  clock?: Clock;
  log?: Logger;
  /** Lower only in tests; production hashes at OWASP's cost. */
  passwordLog2N?: number;
  sessionIdleMs?: number;
  attachmentsDir?: string | null;
}

export const createCore = (db: Database, o: CoreOptions = {}): Core => ({
  db,
  clock: o.clock ?? systemClock,
  log: o.log ?? stderrLogger,
  sessions: new SessionStore(o.sessionIdleMs ?? 12 * 60 * 60 * 1000),
  passwordLog2N: o.passwordLog2N ?? DEFAULT_LOG2N,
  attachmentsDir: o.attachmentsDir ?? null,
});

/** Every write: one IMMEDIATE transaction (a deferred one upgrading to a write gets SQLITE_BUSY at once). */
export const write = <T>(core: Core, fn: () => T): T => core.db.transaction(fn).immediate();

export const nowIso = (core: Core): string => core.clock.now().toISOString();

export function audit(
  core: Core,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: number | null,
  before: unknown,
  after: unknown,
): void {
  insertAudit(core.db, { at: nowIso(core), actorId: actor?.id ?? null, action, entity, entityId, before, after });
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const clinicTimeZone = (core: Core): string => getSetting(core.db, 'clinic.timeZone') ?? DEFAULT_TIME_ZONE;
export const clinicName = (core: Core): string => getSetting(core.db, 'clinic.name') ?? 'StrokeDesk';

/** The calendar day at the clinic, `YYYY-MM-DD`, so "due today" means the same on every desk. */
export function clinicToday(core: Core): string {
  return dayInZone(core.clock.now(), clinicTimeZone(core));
}

export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const pick = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${pick('year')}-${pick('month')}-${pick('day')}`;
}

/** Only the fields that changed, so the audit log says what happened without copying whole records. */
export function diff<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
