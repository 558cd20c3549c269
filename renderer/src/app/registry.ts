// What the registered features add up to for one role: its sidebar, where it lands, and which routes it may open.
import { features } from './features';
import type { NavEntry, Role, Route, RouteDef } from './router';

export const registeredRoutes: readonly RouteDef[] = features.flat();

export const routeDef = (name: Route['name']): RouteDef | undefined => registeredRoutes.find((d) => d.name === name);

/** An unknown address is open to all (it shows "not found"); a known one only to the roles it lists. */
export function mayOpen(route: Route, role: Role): boolean {
  const def = routeDef(route.name);
  return def === undefined || def.roles.includes(role);
}

export type NavItem = RouteDef & { nav: NavEntry };

export function navFor(role: Role): NavItem[] {
  return registeredRoutes
    .filter((d): d is NavItem => d.nav !== undefined && d.roles.includes(role))
    .sort((a, b) => a.nav.order - b.nav.order);
}

/** Nav entries only exist on routes without parameters (RouteDef forbids `nav` elsewhere), so the name is the route. */
export const navRoute = (item: NavItem): Route => ({ name: item.name }) as Route;

/** Where a role starts, and where it is sent from an address that is not for it: its first sidebar entry. */
export function landingFor(role: Role): Route | null {
  const first = navFor(role)[0];
  return first ? navRoute(first) : null;
}

export const isActive = (item: NavItem, route: Route): boolean =>
  item.name === route.name || (route.name !== 'notFound' && (item.nav.activeFor ?? []).includes(route.name));
