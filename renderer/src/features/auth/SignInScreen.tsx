// The sign-in screen: username and password, the core's refusal shown in words.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { call } from '../../api/client';
import { applyLanguage, rememberSignInLanguage } from '../../i18n';
import { TextField } from '../../ui/fields';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useForm } from '../../ui/use-form';
import { switchSession } from '../../api/session';
import { AuthCard } from './AuthCard';

const SignInInput = z.object({
  username: z.string().trim().min(1, 'Required'),
  password: z.string().min(1, 'Required'),
});

export function SignInScreen({ clinicName }: { clinicName: string }) {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const form = useForm({ username: '', password: '' });

  const onSubmit = () =>
    void form.submit(SignInInput, async (input) => {
      switchSession(client, await call('auth.signIn', input));
    });

  return (
    <AuthCard
      id="sign-in"
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle', { clinic: clinicName })}
      error={form.formError}
      submitLabel={form.submitting ? t('signIn.submitting') : t('signIn.submit')}
      submitting={form.submitting}
      onSubmit={onSubmit}
      top={
        <LanguageSwitch
          onChange={(l) => {
            rememberSignInLanguage(l);
            void applyLanguage(l);
          }}
        />
      }
    >
      <TextField label={t('signIn.username')} {...form.bind('username')} autoFocus autoComplete="username" isRequired />
      <TextField
        label={t('signIn.password')}
        type="password"
        {...form.bind('password')}
        autoComplete="current-password"
        isRequired
      />
    </AuthCard>
  );
}
