// Lifecycles as data: each entity's states, transitions, reasons, doctor-only steps and open states, in one definition.
import type { Role } from './common';

/**
 * One entity's lifecycle. The core enforces it, the screens read it (buttons, labels), and SQL that needs the open
 * states builds them from it. Adding a lifecycle is writing one of these.
 */
export interface Lifecycle<S extends string> {
  /** The entity's name in refusals and i18n keys (`<entity>:status.<state>`). */
  readonly entity: string;
  readonly states: readonly S[];
  readonly initial: S;
  /** Every step a person may choose, from each state. */
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** Targets reached only by a named command (from the listed states), never by a plain status change. */
  readonly systemOnly: Readonly<Partial<Record<S, { command: string; from: readonly S[] }>>>;
  /** Targets that need a reason, kept with the record. */
  readonly reasonRequired: readonly S[];
  /** Targets only a doctor may choose. */
  readonly doctorOnly: readonly S[];
  /** States someone still works on (worklists, "open" filters, partial indexes). */
  readonly open: readonly S[];
  /** The usual next step from each state, shown as the primary action. */
  readonly forward: Readonly<Partial<Record<S, S>>>;
}

/** Checks the definition once, when the module loads: a typo in a lifecycle fails every test, not one screen. */
export function defineLifecycle<const S extends string>(lc: Lifecycle<S>): Lifecycle<S> {
  const known = new Set<string>(lc.states);
  const check = (s: string, where: string) => {
    if (!known.has(s)) throw new Error(`Lifecycle ${lc.entity}: unknown state '${s}' in ${where}`);
  };
  check(lc.initial, 'initial');
  for (const from of lc.states) for (const to of lc.transitions[from]) check(to, `transitions.${from}`);
  for (const [to, rule] of Object.entries(lc.systemOnly) as [S, { from: readonly S[] }][]) {
    check(to, 'systemOnly');
    rule.from.forEach((f) => check(f, `systemOnly.${to}`));
    if (lc.states.some((from) => lc.transitions[from].includes(to))) {
      throw new Error(`Lifecycle ${lc.entity}: '${to}' is system-only but also a chosen transition`);
    }
  }
  [...lc.reasonRequired, ...lc.doctorOnly, ...lc.open].forEach((s) => check(s, 'lists'));
  for (const [from, to] of Object.entries(lc.forward) as [S, S][]) {
    if (!lc.transitions[from].includes(to)) {
      throw new Error(`Lifecycle ${lc.entity}: forward ${from} → ${to} is no transition`);
    }
  }
  return lc;
}

/** What this role may choose from `from` now (system-only targets are never offered). */
export const allowedTargets = <S extends string>(lc: Lifecycle<S>, from: S, role: Role): S[] =>
  lc.transitions[from].filter((to) => role === 'doctor' || !lc.doctorOnly.includes(to));

export const canTransition = <S extends string>(lc: Lifecycle<S>, from: S, to: S): boolean =>
  lc.transitions[from].includes(to);
export const isOpen = <S extends string>(lc: Lifecycle<S>, state: S): boolean => lc.open.includes(state);
export const needsReason = <S extends string>(lc: Lifecycle<S>, to: S): boolean => lc.reasonRequired.includes(to);
export const isDoctorOnly = <S extends string>(lc: Lifecycle<S>, to: S): boolean => lc.doctorOnly.includes(to);
export const isFinal = <S extends string>(lc: Lifecycle<S>, state: S): boolean =>
  lc.transitions[state].length === 0 &&
  !Object.values(lc.systemOnly).some((r) => (r as { from: readonly S[] }).from.includes(state));
export const forward = <S extends string>(lc: Lifecycle<S>, from: S): S | null => lc.forward[from] ?? null;
/** The command that alone reaches `to`, if it is system-only. */
export const systemCommand = <S extends string>(lc: Lifecycle<S>, to: S): string | null =>
  lc.systemOnly[to]?.command ?? null;

/** What a lifecycle refusal carries, so one renderer function can phrase any of them in the user's language. */
export interface TransitionRefusal {
  entity: string;
  from: string;
  to: string;
  /** What this person may choose from `from` now. */
  allowed: string[];
  /** Set when `to` is reached only by a named command. */
  command?: string;
  /** Set when the refusal is a missing reason (VALIDATION). */
  fields?: { path: string; message: string }[];
}
