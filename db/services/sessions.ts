// Who is acting, and the in-memory sign-in sessions that say so.
import { randomBytes } from 'node:crypto';
import type { Language, Role } from '../contract';

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The account's chosen language (null: not chosen yet). */
  language: Language | null;
}

interface SessionRecord {
  accountId: number;
  openedAt: number;
  lastSeen: number;
  /** The desk's screen is locked: only the same password (or another sign-in) goes on from here. */
  locked: boolean;
}

/** However busy, a session ends this long after its sign-in: a stolen token is not good forever. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** Sign-in sessions live in memory: a restart of the app means signing in again. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  constructor(
    private readonly idleMs: number,
    private readonly absoluteMs = SESSION_ABSOLUTE_MS,
  ) {}

  open(accountId: number, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { accountId, openedAt: now, lastSeen: now, locked: false });
    return token;
  }

  resolve(token: string | null, now: number): number | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (now - s.lastSeen > this.idleMs || now - s.openedAt > this.absoluteMs) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.accountId;
  }

  /** Kept in the core, not the window, so reloading the page does not get past a locked screen. */
  setLocked(token: string | null, locked: boolean): void {
    const s = token ? this.sessions.get(token) : undefined;
    if (s) s.locked = locked;
  }

  isLocked(token: string | null): boolean {
    return token ? (this.sessions.get(token)?.locked ?? false) : false;
  }

  close(token: string | null): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of one account (its password was reset), except `keep` (the admin's own). */
  closeAccount(accountId: number, keep: string | null = null): void {
    for (const [token, s] of this.sessions)
      if (s.accountId === accountId && token !== keep) this.sessions.delete(token);
  }
}
