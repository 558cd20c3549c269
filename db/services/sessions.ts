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
