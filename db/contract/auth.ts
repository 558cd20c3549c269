// Contract for first-run setup, sign-in, sign-out and staff accounts.
import { z } from 'zod';
import { Empty, Id, IsoInstant, Ok, RequiredText, Role, method } from './common';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, '3–32 letters, digits, dots, dashes or underscores');

/**
 * At least 12 characters, no composition rules (NIST 800-63B); the core also refuses common ones (zxcvbn). Capped to
 * bound hashing work.
 */
export const NewPassword = z.string().min(12, 'At least 12 characters').max(256, 'At most 256 characters');

export const Account = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  createdAt: IsoInstant,
  /** Set while too many wrong passwords keep the account locked (an admin may unlock it sooner). */
  lockedUntil: IsoInstant.nullable(),
});
export type Account = z.infer<typeof Account>;

/** What other screens need to name and pick a colleague (e.g. an inquiry's owner). */
export const StaffMember = z.object({ id: Id, displayName: z.string(), role: Role, active: z.boolean() });
export type StaffMember = z.infer<typeof StaffMember>;

/** The interface languages the app ships catalogues for. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** `language` is null until the person picks one; the renderer then keeps what the sign-in screen showed. */
export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  language: Language.nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const AuthStatus = z.object({
  needsSetup: z.boolean(),
  user: SessionUser.nullable(),
  clinicName: z.string(),
  /** IANA zone of the clinic: the renderer shows every date and time in it, as the core counts the clinic's day in it. */
  timeZone: z.string(),
  /** The clinic's idle lock (minutes): the renderer locks the screen after this long without input. */
  idleLockMinutes: z.number().int(),
  /** This session's screen is locked (it stays locked across a reload until auth.unlock). */
  locked: z.boolean(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const NewAccount = z.object({
  username: Username,
  displayName: RequiredText(80),
  role: Role,
  password: NewPassword,
});
export type NewAccount = z.infer<typeof NewAccount>;

export const authMethods = {
  /** Whether the database has any account yet, and who is signed in on this connection. */
  'auth.status': method({ input: Empty, output: AuthStatus, roles: 'public' }),
  /** First run only: create the admin account and sign in as it. */
  'auth.setupAdmin': method({
    input: NewAccount.omit({ role: true }),
    output: SessionUser,
    roles: 'public',
  }),
  'auth.signIn': method({
    input: z.object({
      username: z.string().trim().toLowerCase().min(1, 'Required'),
      password: z.string().min(1, 'Required'),
    }),
    output: SessionUser,
    roles: 'public',
  }),
  'auth.signOut': method({ input: Empty, output: Ok, roles: 'public' }),
  /** Locks this session's screen: every call but these auth ones is refused with SCREEN_LOCKED until unlocked. */
  'auth.lock': method({ input: Empty, output: Ok, roles: ['coordinator', 'doctor', 'admin'] }),
  /** A locked screen: the signed-in person's own password, checked without opening a new session (throttled). */
  'auth.unlock': method({
    input: z.object({ password: z.string().min(1, 'Required') }),
    output: SessionUser,
    roles: ['coordinator', 'doctor', 'admin'],
  }),
  /** The signed-in person's own interface language, remembered with the account. */
  'auth.setLanguage': method({
    input: z.object({ language: Language }),
    output: SessionUser,
    roles: ['coordinator', 'doctor', 'admin'],
  }),

  'accounts.list': method({ input: Empty, output: z.array(Account), roles: ['admin'] }),
  'accounts.create': method({ input: NewAccount, output: Account, roles: ['admin'] }),
  'accounts.update': method({
    input: z.object({ id: Id, displayName: RequiredText(80), role: Role, active: z.boolean() }),
    output: Account,
    roles: ['admin'],
  }),
  'accounts.resetPassword': method({
    input: z.object({ id: Id, password: NewPassword }),
    output: Ok,
    roles: ['admin'],
  }),
  /** Lifts a lock set by too many wrong passwords before its 15 minutes run out. */
  'accounts.unlock': method({ input: z.object({ id: Id }), output: Account, roles: ['admin'] }),
  /** Colleagues by name, for pickers; any signed-in role may read it. */
  'staff.list': method({
    input: Empty,
    output: z.array(StaffMember),
    roles: ['coordinator', 'doctor', 'admin'],
  }),
} as const;
