// First run on an empty database: create the administrator account, then sign in as it.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NewAccount } from '../../../../db/contract';
import { call } from '../../api/client';
import { TextField } from '../../ui/fields';
import { useForm } from '../../ui/use-form';
import { switchSession } from '../../api/session';
import { AuthCard } from './AuthCard';

export function SetupScreen() {
  const { t } = useTranslation('auth');
  const client = useQueryClient();
  const form = useForm({ username: '', displayName: '', password: '', confirm: '' });
  const schema = NewAccount.omit({ role: true })
    .extend({ confirm: NewAccount.shape.password })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: t('setup.mismatch') });

  const onSubmit = () =>
    void form.submit(schema, async ({ confirm: _confirm, ...input }) => {
      switchSession(client, await call('auth.setupAdmin', input));
    });

  return (
    <AuthCard
      id="setup"
      wide
      title={t('setup.title')}
      subtitle={t('setup.intro')}
      error={form.formError}
      submitLabel={t('setup.submit')}
      submitting={form.submitting}
      onSubmit={onSubmit}
    >
      <TextField
        label={t('setup.displayName')}
        {...form.bind('displayName')}
        autoFocus
        autoComplete="name"
        isRequired
      />
      <TextField label={t('setup.username')} {...form.bind('username')} autoComplete="username" isRequired />
      <TextField
        label={t('setup.password')}
        type="password"
        {...form.bind('password')}
        description={t('setup.passwordHint')}
        autoComplete="new-password"
        isRequired
      />
      <TextField
        label={t('setup.confirm')}
        type="password"
        {...form.bind('confirm')}
        autoComplete="new-password"
        isRequired
      />
    </AuthCard>
  );
}
