// When backups are taken without anyone asking (daily at the set time while the app runs, and on quit if none today),
// and the daily full integrity_check of the live records that runs just before the daily backup.
import type { Backup, FullCheck } from '../contract/backups';
import { listManifests, readFullCheck, readSettings } from './backup-store';
import { backUp, checkRecordsFully, coreBackupsRoot } from './backups';
import { corruption } from '../sqlite/corruption';
import { clinicTimeZone, dayInZone } from './clinic-time';
import type { Core } from './core';

/** A failed scheduled backup is tried again after this long, not on every tick. */
export const RETRY_MS = 60 * 60 * 1000;

/** The wall-clock time at the clinic, `HH:MM` (24-hour). */
export function timeInZone(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const pick = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${pick('hour')}:${pick('minute')}`;
}

const goodToday = (now: Date, timeZone: string, backups: readonly Backup[]): boolean =>
  backups.some((b) => b.status === 'ok' && dayInZone(new Date(b.startedAt), timeZone) === dayInZone(now, timeZone));

/** Due once the clinic's clock passes `dailyAt` on a day without a good backup, at most once per RETRY_MS. */
export function scheduledDue(now: Date, timeZone: string, dailyAt: string, backups: readonly Backup[]): boolean {
  if (timeInZone(now, timeZone) < dailyAt || goodToday(now, timeZone, backups)) return false;
  const last = backups[0];
  return !last || now.getTime() - new Date(last.startedAt).getTime() >= RETRY_MS;
}

/** On quit: a backup unless today already has a good one. */
export const quitDue = (now: Date, timeZone: string, backups: readonly Backup[]): boolean =>
  !goodToday(now, timeZone, backups);

/** The full check is due at the same clinic time as the backup, once per clinic day. */
export function fullCheckDue(now: Date, timeZone: string, dailyAt: string, last: FullCheck | null): boolean {
  if (timeInZone(now, timeZone) < dailyAt) return false;
  return last === null || dayInZone(new Date(last.at), timeZone) !== dayInZone(now, timeZone);
}

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
const realTimers: Timers = {
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface BackupSchedule {
  /** One check now (the interval calls this); resolves when a backup it started has finished. */
  tick(): Promise<Backup | null>;
  /** For the shell's quit: a backup if none today; resolves when done (never throws). */
  beforeQuit(): Promise<Backup | null>;
  stop(): void;
}

/** Started by the host and the desktop shell once the app answers calls; the clock is the core's (tests inject one). */
export function startBackupSchedule(core: Core, o: { everyMs?: number; timers?: Timers } = {}): BackupSchedule {
  const timers = o.timers ?? realTimers;
  let running: Promise<Backup | null> | null = null;
  const attempt = (due: (now: Date, tz: string, backups: readonly Backup[]) => boolean, reason: Backup['reason']) => {
    if (running) return running;
    try {
      const now = core.clock.now();
      if (!due(now, clinicTimeZone(core), listManifests(coreBackupsRoot(core)))) return Promise.resolve(null);
    } catch (err) {
      core.log.error('backup schedule check failed', err, { reason });
      return Promise.resolve(null);
    }
    running = backUp(core, null, reason)
      .catch((err: unknown) => {
        core.log.error('scheduled backup failed', err, { reason });
        return null;
      })
      .finally(() => (running = null));
    return running;
  };
  /** The daily full check first: a backup of damaged records would only fail its own verification. */
  const fullCheck = () => {
    try {
      const root = coreBackupsRoot(core);
      const due = fullCheckDue(core.clock.now(), clinicTimeZone(core), readSettings(root).dailyAt, readFullCheck(root));
      if (due && corruption(core.db) === null && running === null) checkRecordsFully(core);
    } catch (err) {
      core.log.error('full integrity check failed to run', err);
    }
  };
  const tick = () => {
    fullCheck();
    // Latched (by this check or by an earlier corruption error): read-only until a restore, so no backup of it.
    if (corruption(core.db) !== null) return Promise.resolve(null);
    return attempt(
      (now, tz, backups) => scheduledDue(now, tz, readSettings(coreBackupsRoot(core)).dailyAt, backups),
      'scheduled',
    );
  };
  const handle = timers.setInterval(() => void tick(), o.everyMs ?? 60_000);
  return {
    tick,
    beforeQuit: () => attempt(quitDue, 'on_quit'),
    stop: () => timers.clearInterval(handle),
  };
}
