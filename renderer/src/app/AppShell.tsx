// The signed-in frame: navigation, who is signed in, global shortcuts, and the screen for the current route.
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../db/contract';
import { call } from '../api/client';
import { switchSession } from '../api/session';
import { AccountLanguageSwitch } from '../features/auth/AccountLanguageSwitch';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { EmptyState } from '../ui/feedback';
import { Button } from '../ui/fields';
import { LeaveDialog } from './LeaveDialog';
import { LockScreen } from './LockScreen';
import { isActive, landingFor, mayOpen, navFor, navRoute, routeDef } from './registry';
import { type Route, hrefFor, navigate, useRoute } from './router';
import { useShortcuts } from './useShortcuts';
import { useIdleLock } from './use-idle-lock';

export function AppShell({
  user,
  clinicName,
  idleLockMinutes,
  locked,
}: {
  user: SessionUser;
  clinicName: string;
  idleLockMinutes: number;
  /** This session's screen is locked: `auth.status`'s flag, which locking and unlocking update in the cache. */
  locked: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const route = useRoute();
  const isAdmin = user.role === 'admin';
  useShortcuts(!isAdmin);
  const lock = useIdleLock(idleLockMinutes, locked);

  // Each route names the roles that may open it (the core enforces them too): admins manage accounts, coordinators
  // and doctors the records; an address left behind by another role's session leads to this role's landing screen.
  const allowed = mayOpen(route, user.role);
  useEffect(() => {
    const landing = landingFor(user.role);
    if (!allowed && landing) navigate(landing);
  }, [allowed, user.role]);

  const nav = navFor(user.role);
  // Screens split off the main bundle (the calendar) load while the app is idle after sign-in, not on the first click.
  useEffect(() => {
    const load = () => nav.forEach((item) => void item.nav.prefetch?.().catch(() => undefined));
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(load, 1000);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(load, { timeout: 5000 });
    return () => window.cancelIdleCallback(handle);
    // The nav changes only with the role.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.role]);

  const signOut = async () => {
    await call('auth.signOut', {});
    window.location.hash = '#/';
    switchSession(client, null);
  };

  // Locked, the work stays mounted (nothing typed is lost) but inert: no focus, no clicks, hidden from readers.
  return (
    <>
      <div className="shell" inert={lock.locked}>
        <aside className="sidebar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              SD
            </span>
            <span className="brand-text">
              <span className="brand-name">{t('appName')}</span>
              {clinicName !== t('appName') ? (
                <span className="brand-clinic" title={clinicName}>
                  {clinicName}
                </span>
              ) : null}
            </span>
          </div>
          <nav aria-label={t('nav.label')} className="nav">
            {nav.map((item) => (
              <a
                key={item.name}
                href={hrefFor(navRoute(item))}
                className="nav-link"
                aria-current={isActive(item, route) ? 'page' : undefined}
                // The screen's data leaves as the link is pressed, not after the screen's first render (a query
                // already in the cache and fresh is not asked again); never on hover, which asks for nothing.
                onPointerDown={(e) => {
                  if (e.button === 0) item.nav.prefetchData?.(client);
                }}
                onClick={() => item.nav.prefetchData?.(client)}
              >
                {t(item.nav.label)}
              </a>
            ))}
          </nav>
          <div className="sidebar-footer">
            <AccountLanguageSwitch />
            <div className="signed-in">
              {t('signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}
            </div>
            <Button variant="ghost" onPress={() => void signOut()}>
              {t('signOut')}
            </Button>
          </div>
        </aside>
        <main className="content" id="main">
          {isAdmin ? null : (
            <div className="topbar">
              <GlobalSearch />
            </div>
          )}
          {allowed ? <Screen route={route} /> : null}
        </main>
        <LeaveDialog />
      </div>
      {lock.locked ? <LockScreen user={user} onUnlock={lock.unlock} /> : null}
    </>
  );
}

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  const def = routeDef(route.name);
  if (!def) return <EmptyState title={t('notFound.title')}>{t('notFound.body')}</EmptyState>;
  // The registry pairs each name with its own screen; TypeScript cannot follow that pairing through a union.
  const screen = def.screen as (r: Route) => ReactNode;
  return screen(route);
}
