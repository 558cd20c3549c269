// Hash routes (`#/inquiries/12`): they work the same under app:// in Electron and behind the loopback host.
// Generic: the addresses come from each feature's paths (app/paths.ts); `:name` segments are positive whole numbers.
import type { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState, useSyncExternalStore } from 'react';
import type { SessionUser } from '../../../db/contract';
import { featurePaths } from './paths';

type FeaturePaths = (typeof featurePaths)[number];

/** `'/inquiries/:id/edit'` → `'id'`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type RouteFor<Name extends string, Path extends string> = { name: Name } & { [K in ParamNames<Path>]: number };

/** Each feature's routes, as `{ name: 'inquiry', id: 12 }`. */
type RoutesOf<F> = F extends unknown
  ? { [N in keyof F & string]: F[N] extends string ? RouteFor<N, F[N]> : never }[keyof F & string]
  : never;

export type Route = RoutesOf<FeaturePaths> | { name: 'notFound' };
export type RouteName = Exclude<Route['name'], 'notFound'>;
export type RouteOf<N extends Route['name']> = Extract<Route, { name: N }>;
/** Routes that need no parameters: the only ones a navigation entry can point at. */
type PlainRouteName = {
  [N in RouteName]: RouteOf<N> extends { name: N } & Record<Exclude<keyof RouteOf<N>, 'name'>, never> ? N : never;
}[RouteName];

export type Role = SessionUser['role'];

export interface NavEntry {
  /** i18next key, e.g. `nav.patients` or `imports:nav`. */
  label: string;
  /** Place in the sidebar, lower first; the first entry a role may see is where that role lands. */
  order: number;
  /** Other routes that light this entry up, e.g. an inquiry's detail under "Inquiries". */
  activeFor?: readonly RouteName[];
  /** Loads a lazily split screen's code ahead of the first click (called once the app is idle after sign-in). */
  prefetch?: () => Promise<unknown>;
  /**
   * Asks for the screen's opening data the moment its link is pressed (pointer down, or the click an Enter makes),
   * before the address changes: the calls leave while React still draws the screen, instead of from its effects after.
   * Each screen passes the same query options its hooks use (one key, one call), so the screen reads that answer.
   */
  prefetchData?: (client: QueryClient) => void;
}

type RouteDefFor<N extends RouteName> = {
  name: N;
  /** Who may open it; anyone else is sent to their own landing screen (the core refuses them too). */
  roles: readonly Role[];
  screen: (route: RouteOf<N>) => ReactNode;
} & (N extends PlainRouteName ? { nav?: NavEntry } : { nav?: never });

/** One registered screen; a feature lists its own in `routes.tsx`, and app/features.ts collects the lists. */
export type RouteDef = { [N in RouteName]: RouteDefFor<N> }[RouteName];

export const defineRoutes = (routes: readonly RouteDef[]): readonly RouteDef[] => routes;

const patterns: readonly (readonly [RouteName, string])[] = featurePaths.flatMap(
  (paths) => Object.entries(paths) as [RouteName, string][],
);
const patternOf = new Map(patterns);

/** The parameters when `parts` fit `pattern`, else null; a parameter is a positive whole number. */
function match(pattern: string, parts: readonly string[]): Record<string, number> | null {
  const want = pattern.split('/').filter(Boolean);
  if (want.length !== parts.length) return null;
  const params: Record<string, number> = {};
  for (const [i, segment] of want.entries()) {
    const part = parts[i] ?? '';
    if (segment.startsWith(':')) {
      if (!/^[1-9]\d*$/.test(part)) return null;
      params[segment.slice(1)] = Number(part);
    } else if (segment !== part) return null;
  }
  return params;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  for (const [name, pattern] of patterns) {
    const params = match(pattern, parts);
    // The pattern's name and parameters are exactly one member of Route: the types come from the same table.
    if (params) return { ...params, name } as Route;
  }
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'notFound') return '#/';
  const pattern = patternOf.get(route.name) ?? '/';
  const params: Record<string, unknown> = route;
  return `#${pattern.replace(/:(\w+)/g, (_, key: string) => String(params[key]))}`;
}

/** Every registered pattern by name, e.g. for tests that walk them all. */
export const routePatterns = (): readonly (readonly [RouteName, string])[] => patterns;

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    leave.accepted = window.location.hash;
    const onChange = () => {
      if (holdHashChange()) return;
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

// ---- Leaving a form with unsaved typing (issue #8): one guard for every way of moving (links, navigate(), Back). ----

/** A screen's answer to "would leaving now lose something the person should be asked about?", read at the moment. */
type LeaveCheck = () => boolean;

const leave = {
  checks: new Set<LeaveCheck>(),
  /** The address the shown screen belongs to: where a held move is put back to. */
  accepted: '',
  /** The address a held move wanted, while the person is asked. */
  pending: null as string | null,
  /** Set just before the person's "Leave" moves on, so that one move passes. */
  pass: false,
  listeners: new Set<() => void>(),
};

const setPending = (hash: string | null) => {
  leave.pending = hash;
  for (const l of leave.listeners) l();
};

/** True when the hash change just seen was held back (the address is put back, the person is asked). */
function holdHashChange(): boolean {
  const next = window.location.hash;
  const ask = !leave.pass && next !== leave.accepted && [...leave.checks].some((check) => check());
  leave.pass = false;
  if (!ask) {
    leave.accepted = next;
    return false;
  }
  // replaceState fires no hashchange: the address shows the form again without a second round.
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${leave.accepted || '#/'}`);
  setPending(next);
  return true;
}

/** A screen with unsaved typing registers a check while it is shown; `check` is read at each move, never stale. */
export function useLeaveGuard(check: LeaveCheck): void {
  useEffect(() => {
    leave.checks.add(check);
    return () => {
      leave.checks.delete(check);
      // The screen is gone (signed out, replaced): nobody is left to ask about.
      if (leave.checks.size === 0) setPending(null);
    };
  }, [check]);
}

/** The held move, for the one dialog that asks about it (app/LeaveDialog.tsx). */
export function usePendingLeave(): { target: string | null; stay: () => void; go: () => void } {
  const target = useSyncExternalStore(
    (listener) => {
      leave.listeners.add(listener);
      return () => leave.listeners.delete(listener);
    },
    () => leave.pending,
  );
  const stay = () => setPending(null);
  const go = () => {
    const to = leave.pending;
    setPending(null);
    if (to === null) return;
    leave.pass = true;
    window.location.hash = to;
  };
  return { target, stay, go };
}
