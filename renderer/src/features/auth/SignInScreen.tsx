// The sign-in screen: username and password, the core's refusal shown in words.
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { call } from '../../api/client';
import { applyLanguage, rememberSignInLanguage } from '../../i18n';
import { ErrorBanner } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useForm } from '../../ui/use-form';
import { switchSession } from '../../api/session';

const SignInInput = z.object({
  username: z.string().trim().min(1, 'Required'),
  password: z.string().min(1, 'Required'),
});

export function SignInScreen({ clinicName }: { clinicName: string }) {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const form = useForm({ username: '', password: '' });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.submitting) return;
    await form.submit(SignInInput, async (input) => {
      switchSession(client, await call('auth.signIn', input));
    });
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
        <LanguageSwitch
          onChange={(l) => {
            rememberSignInLanguage(l);
            void applyLanguage(l);
          }}
        />
        <div className="auth-brand" aria-hidden="true">
          SD
        </div>
        <h1 id="sign-in-title" className="auth-title">
          {t('signIn.title')}
        </h1>
        <p className="auth-subtitle">{t('signIn.subtitle', { clinic: clinicName })}</p>
        <ErrorBanner error={form.formError} />
        <TextField
          label={t('signIn.username')}
          value={form.values.username}
          onChange={(v) => form.set('username', v)}
          error={form.errors.username}
          autoFocus
          autoComplete="username"
          isRequired
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          value={form.values.password}
          onChange={(v) => form.set('password', v)}
          error={form.errors.password}
          autoComplete="current-password"
          isRequired
        />
        {/* No `isPending`: a pending button announces itself by its id, and on success this screen is gone, which
            left an unnamed role="img" in the live region (axe: role-img-alt). A second submit is ignored instead. */}
        <Button type="submit" variant="primary" className="auth-submit">
          {form.submitting ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </main>
  );
}
