// The core: one open database plus the clock, sessions and logger every service uses (each in its own module).
import type { Database } from 'better-sqlite3';
import type { RecoveryKind } from '../contract/recovery';
import { type ReadableDB, readable } from '../sqlite/handles';
import { AuditChain } from './audit-chain';
import { type Clock, systemClock } from './clock';
import { type Logger, stderrLogger } from './logger';
import { DEFAULT_LOG2N } from './passwords';
import { SessionStore } from './sessions';

export { type Clock, systemClock } from './clock';
export { type Logger, silentLogger, stderrLogger } from './logger';
export { type Actor, SessionStore } from './sessions';
export { diff } from './diff';
export { DEFAULT_TIME_ZONE, clinicName, clinicTimeZone, clinicToday, dayInZone, nowIso } from './clinic-time';

export interface Core {
  /** Readable only: writes go through the command kernel (./kernel.ts), which alone hands out a WritableDB. */
  db: ReadableDB;
  clock: Clock;
  log: Logger;
  sessions: SessionStore;
  passwordLog2N: number;
  /** Where attachment files live (`<dataDir>/attachments`); null where there is no data folder, and attachments are refused. */
  attachmentsDir: string | null;
  /** Dispatch parses every handler's value against its output schema (tests and development, not the packaged app). */
  checkOutputs: boolean;
  /** The audit log's hash chain: its anchor file (set by `openAuditChain` on a data folder) and last verification. */
  auditChain: AuditChain;
  /** Set when the records file could not be used at start: only recovery methods answer until a backup is restored. */
  recovery: RecoveryState | null;
}

/** Recovery mode (db/services/recovery.ts): what is wrong with which file, and what to start once it is restored. */
export interface RecoveryState {
  kind: RecoveryKind;
  problem: string;
  /** The records file that could not be used (the core's own connection is then a stand-in, or that file read-only). */
  dbFile: string;
  /** Run once a restore has put sound records in place (the backup schedule, the audit chain's anchor). */
  afterRestore: (() => void)[];
}

export interface CoreOptions {
  clock?: Clock;
  log?: Logger;
  /** Lower only in tests; production hashes at OWASP's cost. */
  passwordLog2N?: number;
  sessionIdleMs?: number;
  attachmentsDir?: string | null;
  /** Default: on when STROKEDESK_CHECK_OUTPUTS=1 (set by the test setup), so every core a test builds is checked. */
  checkOutputs?: boolean;
}

export const createCore = (db: Database, o: CoreOptions = {}): Core => ({
  db: readable(db),
  clock: o.clock ?? systemClock,
  log: o.log ?? stderrLogger,
  sessions: new SessionStore(o.sessionIdleMs ?? 12 * 60 * 60 * 1000),
  passwordLog2N: o.passwordLog2N ?? DEFAULT_LOG2N,
  attachmentsDir: o.attachmentsDir ?? null,
  checkOutputs: o.checkOutputs ?? process.env.STROKEDESK_CHECK_OUTPUTS === '1',
  auditChain: new AuditChain(),
  recovery: null,
});
