// The signed-in frame: navigation, who is signed in, global shortcuts, and the screen for the current route.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../db/contract';
import { call } from '../api/client';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { AccountLanguageSwitch } from '../features/auth/AccountLanguageSwitch';
import { switchSession } from '../features/auth/useSession';
import { ImportScreen } from '../features/imports/ImportScreen';
import { HomeScreen } from '../features/inquiries/HomeScreen';
import { InquiryDetailScreen } from '../features/inquiries/InquiryDetailScreen';
import { InquiryFormScreen } from '../features/inquiries/InquiryFormScreen';
import { InquiryListScreen } from '../features/inquiries/InquiryListScreen';
import { ConvertInquiryScreen } from '../features/patients/ConvertInquiryScreen';
import { DuplicatesScreen } from '../features/patients/DuplicatesScreen';
import { PatientDetailScreen } from '../features/patients/PatientDetailScreen';
import { PatientFormScreen } from '../features/patients/PatientFormScreen';
import { PatientListScreen } from '../features/patients/PatientListScreen';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { EmptyState } from '../ui/feedback';
import { Button } from '../ui/fields';
import { type Route, hrefFor, navigate, useRoute } from './router';
import { useShortcuts } from './useShortcuts';

interface NavItem {
  route: Route;
  label: string;
  active: (r: Route) => boolean;
}

export function AppShell({ user, clinicName }: { user: SessionUser; clinicName: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const route = useRoute();
  const isAdmin = user.role === 'admin';
  useShortcuts(!isAdmin);

  // Admins manage accounts; inquiries are for coordinators and doctors (the core enforces it too).
  useEffect(() => {
    if (isAdmin && route.name !== 'accounts' && route.name !== 'settings') navigate({ name: 'accounts' });
    // An address left behind by an admin's session (e.g. after signing out at #/accounts) leads home.
    if (!isAdmin && (route.name === 'accounts' || route.name === 'settings')) navigate({ name: 'home' });
  }, [isAdmin, route.name]);

  const nav: NavItem[] = isAdmin
    ? [
        { route: { name: 'accounts' }, label: t('nav.accounts'), active: (r) => r.name === 'accounts' },
        { route: { name: 'settings' }, label: t('nav.settings'), active: (r) => r.name === 'settings' },
      ]
    : [
        { route: { name: 'home' }, label: t('nav.home'), active: (r) => r.name === 'home' },
        {
          route: { name: 'inquiries' },
          label: t('nav.inquiries'),
          active: (r) => r.name === 'inquiries' || r.name === 'inquiry' || r.name === 'inquiryEdit' || r.name === 'inquiryConvert',
        },
        { route: { name: 'inquiryNew' }, label: t('nav.newInquiry'), active: (r) => r.name === 'inquiryNew' },
        {
          route: { name: 'patients' },
          label: t('nav.patients'),
          active: (r) => r.name === 'patients' || r.name === 'patient' || r.name === 'patientEdit' || r.name === 'patientNew' || r.name === 'duplicates',
        },
        { route: { name: 'import' }, label: t('imports:nav'), active: (r) => r.name === 'import' },
      ];

  const signOut = async () => {
    await call('auth.signOut', {});
    window.location.hash = '#/';
    switchSession(client, null);
  };

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">SD</span>
          <span className="brand-text">
            <span className="brand-name">{t('appName')}</span>
            {clinicName !== t('appName') ? <span className="brand-clinic">{clinicName}</span> : null}
          </span>
        </div>
        <nav aria-label={t('nav.label')} className="nav">
          {nav.map((item) => (
            <a key={item.label} href={hrefFor(item.route)} className="nav-link" aria-current={item.active(route) ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <div className="sidebar-footer">
          <AccountLanguageSwitch />
          <div className="signed-in">{t('signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}</div>
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
        <Screen route={route} isAdmin={isAdmin} />
      </main>
    </div>
  );
}

function Screen({ route, isAdmin }: { route: Route; isAdmin: boolean }) {
  const { t } = useTranslation();
  if (isAdmin) return route.name === 'settings' ? <SettingsScreen /> : <AccountsScreen />;
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'inquiries':
      return <InquiryListScreen />;
    case 'inquiryNew':
      return <InquiryFormScreen id={null} />;
    case 'inquiry':
      return <InquiryDetailScreen id={route.id} />;
    case 'inquiryEdit':
      return <InquiryFormScreen id={route.id} />;
    case 'inquiryConvert':
      return <ConvertInquiryScreen id={route.id} />;
    case 'patients':
      return <PatientListScreen />;
    case 'patientNew':
      return <PatientFormScreen id={null} />;
    case 'patient':
      return <PatientDetailScreen id={route.id} />;
    case 'patientEdit':
      return <PatientFormScreen id={route.id} />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'import':
      return <ImportScreen />;
    case 'accounts':
    case 'settings':
    case 'notFound':
      return <EmptyState title={t('notFound.title')}>{t('notFound.body')}</EmptyState>;
  }
}
