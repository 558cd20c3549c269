// The session gate: recovery when the records file cannot be used, setup on an empty database, sign-in when nobody is signed in, else the app shell.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupScreen } from '../features/auth/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { call } from '../api/client';
import { useAuthStatus } from '../api/session';
import { applyLanguage, signInLanguage } from '../i18n';
import { Button } from '../ui/fields';
import { ErrorBanner, Loading } from '../ui/feedback';
import { setClinicTimeZone } from '../ui/time-zone';
import { AppShell } from './AppShell';

export function App() {
  const { t } = useTranslation();
  // Asked first: while the records file cannot be used, the recovery page is the whole app (no sign-in, no setup).
  const recovery = useQuery({
    queryKey: ['recovery'],
    queryFn: () => call('recovery.status', {}),
    staleTime: Infinity,
  });
  const status = useAuthStatus();
  // The account's own choice wins once someone is signed in; before that (or if they never chose), this computer's.
  const language = status.data?.user?.language ?? signInLanguage();
  useEffect(() => {
    void applyLanguage(language);
  }, [language]);
  if (recovery.data) return <RecoveryScreen status={recovery.data} />;
  // Only before the first answers: once the shell is up, asking again (after an unlock, the recovery question that was
  // refused while locked) puts an unanswered query back to pending, and <Loading/> here would unmount the shell —
  // losing what was typed, and mounting every screen afresh.
  if (status.isPending || (recovery.isPending && !recovery.isFetched)) return <Loading />;
  if (status.isError) {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <ErrorBanner error={status.error} />
          <Button variant="primary" onPress={() => void status.refetch()}>
            {t('actions.retry')}
          </Button>
        </div>
      </main>
    );
  }
  const { needsSetup, user, clinicName, timeZone, idleLockMinutes, locked } = status.data;
  // Before any screen formats a date: the core counts the clinic's day in this zone, so every screen shows it.
  setClinicTimeZone(timeZone);
  if (needsSetup) return <SetupScreen />;
  if (!user) return <SignInScreen clinicName={clinicName} />;
  return <AppShell user={user} clinicName={clinicName} idleLockMinutes={idleLockMinutes} locked={locked} />;
}
