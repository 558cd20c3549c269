// The locked desk: drawn over the work (which stays mounted, so nothing typed is lost) until the same person's
// password unlocks it; another person may sign in instead, which ends the first session.
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../db/contract';
import { call } from '../api/client';
import { switchSession } from '../api/session';
import { Name } from '../ui/bidi';
import { ErrorBanner } from '../ui/feedback';
import { Button, TextField } from '../ui/fields';

export function LockScreen({ user, onUnlock }: { user: SessionUser; onUnlock: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [other, setOther] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (other) {
        // The first person's screens and cached records are theirs: the new person starts from their own landing.
        const next = await call('auth.signIn', { username, password });
        window.location.hash = '#/';
        switchSession(client, next);
      } else {
        await call('auth.unlock', { password });
      }
      setPassword('');
      onUnlock();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    // A modal that neither Escape nor a click outside dismisses; it keeps Tab inside the card (the shell is inert too).
    <ModalOverlay className="lock-backdrop" isOpen isKeyboardDismissDisabled>
      <Modal className="lock-modal">
        {/* react-aria's Dialog is what turns on the modal's focus containment. */}
        <Dialog className="lock-dialog" aria-labelledby="lock-title">
          <form className="auth-card lock-card" onSubmit={(e) => void submit(e)}>
            <h1 id="lock-title" className="auth-title">
              {t('lock.title')}
            </h1>
            <p>
              {other ? (
                t('lock.otherBody')
              ) : (
                <>
                  {t('lock.bodyBefore')} <Name>{user.displayName}</Name>
                  {t('lock.bodyAfter')}
                </>
              )}
            </p>
            <ErrorBanner error={error} />
            {other ? (
              <TextField label={t('lock.username')} value={username} onChange={setUsername} autoComplete="username" />
            ) : null}
            <TextField
              label={t('lock.password')}
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              autoFocus
            />
            <div className="lock-actions">
              <Button variant="primary" type="submit" isDisabled={busy}>
                {other ? t('lock.signIn') : t('lock.unlock')}
              </Button>
              <Button
                variant="ghost"
                onPress={() => {
                  setOther(!other);
                  setError(null);
                  setPassword('');
                }}
              >
                {other ? t('lock.backToMe') : t('lock.someoneElse')}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
