// First run on an empty database: create the administrator account, then sign in as it.
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NewAccount } from '../../../../db/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { useForm } from '../../ui/use-form';
import { switchSession } from '../../api/session';

export function SetupScreen() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const form = useForm({ username: '', displayName: '', password: '', confirm: '' });
  const schema = NewAccount.omit({ role: true })
    .extend({ confirm: NewAccount.shape.password })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: t('setup.mismatch') });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.submitting) return;
    await form.submit(schema, async ({ confirm: _confirm, ...input }) => {
      switchSession(client, await call('auth.setupAdmin', input));
    });
  };

  return (
    <main className="auth-page">
      <form className="auth-card auth-card-wide" onSubmit={onSubmit} noValidate aria-labelledby="setup-title">
        <div className="auth-brand" aria-hidden="true">
          SD
        </div>
        <h1 id="setup-title" className="auth-title">
          {t('setup.title')}
        </h1>
        <p className="auth-subtitle">{t('setup.intro')}</p>
        <ErrorBanner error={form.formError} />
        <TextField
          label={t('setup.displayName')}
          value={form.values.displayName}
          onChange={(v) => form.set('displayName', v)}
          error={form.errors.displayName}
          autoFocus
          autoComplete="name"
          isRequired
        />
        <TextField
          label={t('setup.username')}
          value={form.values.username}
          onChange={(v) => form.set('username', v)}
          error={form.errors.username}
          autoComplete="username"
          isRequired
        />
        <TextField
          label={t('setup.password')}
          type="password"
          value={form.values.password}
          onChange={(v) => form.set('password', v)}
          error={form.errors.password}
          description={t('setup.passwordHint')}
          autoComplete="new-password"
          isRequired
        />
        <TextField
          label={t('setup.confirm')}
          type="password"
          value={form.values.confirm}
          onChange={(v) => form.set('confirm', v)}
          error={form.errors.confirm}
          autoComplete="new-password"
          isRequired
        />
        {/* No `isPending`: a pending button announces itself by its id, and on success this screen is gone, which
            left an unnamed role="img" in the live region (axe: role-img-alt). A second submit is ignored instead. */}
        <Button type="submit" variant="primary" className="auth-submit">
          {t('setup.submit')}
        </Button>
      </form>
    </main>
  );
}
