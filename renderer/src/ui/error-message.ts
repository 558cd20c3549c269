// Turns a core refusal into the friendly sentence for its code, composed from its details where they say more.
import type { TFunction } from 'i18next';
import { ERROR_REASONS, type ErrorReason } from '../../../db/contract';
import { ApiCallError } from '../api/client';

type Details = NonNullable<ApiCallError['details']>;

/**
 * Any lifecycle refusal (INVALID_TRANSITION, doctor-only FORBIDDEN, reason-required VALIDATION) in the user's language,
 * from its details `{ entity, from, to, allowed }`. State labels come from `<entity>:status.*`; an entity may word a
 * sentence its own way under `<entity>:lifecycle.*`, otherwise `errors:lifecycle.*` says it. Null if not one.
 */
export function lifecycleRefusal(t: TFunction, code: ApiCallError['code'], d: Details): string | null {
  if (typeof d.entity !== 'string' || typeof d.from !== 'string' || typeof d.to !== 'string') return null;
  const ns = d.entity;
  const state = (s: string) => t(`${ns}:status.${s}`);
  const to = state(d.to);
  const allowed = (d.allowed ?? []).map(state).join(', ');
  const vars = { from: state(d.from), to, toLower: to.toLowerCase(), allowed };
  const say = (name: string) => t([`${ns}:lifecycle.${name}`, `errors:lifecycle.${name}`], vars);
  if (code === 'INVALID_TRANSITION') {
    if (typeof d.command === 'string') return say('systemOnly');
    return `${say('transition')} ${allowed ? say('allowed') : say('finished')}`;
  }
  if (code === 'FORBIDDEN') return say('doctorOnly');
  if (code === 'VALIDATION') return say('reason');
  return null;
}

const isReason = (value: unknown): value is ErrorReason => ERROR_REASONS.some((r) => r === value);

/** How long a throttled sign-in waits, in the units its sentence uses (a lock in whole minutes, rounded up). */
function waitVars(d: Details): { seconds: number; minutes: number } {
  const seconds = typeof d.retryAfterSeconds === 'number' ? Math.max(1, Math.ceil(d.retryAfterSeconds)) : 1;
  return { seconds, minutes: Math.ceil(seconds / 60) };
}

/**
 * The core's own reason when it gave one (`details.reason`), else the code's sentence, which is worded to claim no
 * more than the code itself says (a CONFLICT is not always someone else's edit).
 */
export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiCallError)) return t('errors:INTERNAL');
  const d = err.details ?? {};
  // Completing a procedure of a course that is not (or no longer) admitted: the course's state is what to fix.
  if (typeof d.courseStatus === 'string') {
    return t('errors:courseNotAdmitted', { status: t(`courses:status.${d.courseStatus}`) });
  }
  const lifecycle = lifecycleRefusal(t, err.code, d);
  if (lifecycle !== null) return lifecycle;
  if (isReason(d.reason)) return t(`errors:reason.${d.reason}`, waitVars(d));
  return t(`errors:${err.code}`);
}
