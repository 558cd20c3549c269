// The admin's screen: list staff accounts, add one, change a role, switch an account off, reset a password.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Account, NewAccount, NewPassword, ROLES, RequiredText, Role } from '../../../../db/contract';
import { call } from '../../api/client';
import { EmptyState, ErrorBanner, Loading, NoticeBanner, PageHeader } from '../../ui/feedback';
import { Button, Checkbox, SelectField, TextField } from '../../ui/fields';
import { formatInstant, formatInstantDay } from '../../ui/format';
import { useForm } from '../../ui/use-form';
import { Ltr, Name } from '../../ui/bidi';
import { DialogForm } from '../../ui/DialogForm';
import { DataTable } from '../../ui/DataTable';
import { accountsKey, accountsOptions } from './queries';

type Editing = { mode: 'create' } | { mode: 'edit'; account: Account } | { mode: 'reset'; account: Account } | null;

export function AccountsScreen() {
  const { t, i18n } = useTranslation('accounts');
  const accounts = useQuery(accountsOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <Button variant="primary" onPress={() => setEditing({ mode: 'create' })}>
          {t('add')}
        </Button>
      </PageHeader>
      <NoticeBanner message={notice} />
      <section className="panel">
        {accounts.isPending ? <Loading /> : null}
        {accounts.isError ? <ErrorBanner error={accounts.error} /> : null}
        {accounts.data && accounts.data.length === 0 ? <EmptyState title={t('empty')} /> : null}
        {accounts.data && accounts.data.length > 0 ? (
          <DataTable
            columns={[
              t('columns.name'),
              t('columns.username'),
              t('columns.role'),
              t('columns.status'),
              t('columns.created'),
            ]}
            actions={t('columns.actions')}
          >
            {accounts.data.map((a) => (
              <tr key={a.id}>
                <td>
                  <Name>{a.displayName}</Name>
                </td>
                <td className="mono">
                  <Ltr>{a.username}</Ltr>
                </td>
                <td>{t(`common:roles.${a.role}`)}</td>
                <td>
                  <span className={`badge ${a.active ? 'badge-accepted' : 'badge-closed'}`}>
                    {a.active ? t('active') : t('inactive')}
                  </span>
                  {a.lockedUntil ? (
                    <span className="badge badge-closed">
                      {t('lockedUntil', { time: formatInstant(a.lockedUntil, i18n.language) })}
                    </span>
                  ) : null}
                </td>
                <td>{formatInstantDay(a.createdAt, i18n.language)}</td>
                <td className="row-actions">
                  <Button
                    variant="ghost"
                    aria-label={t('edit', { name: a.displayName })}
                    onPress={() => setEditing({ mode: 'edit', account: a })}
                  >
                    {t('common:actions.edit')}
                  </Button>
                  {a.lockedUntil ? <UnlockButton account={a} onDone={setNotice} /> : null}
                  <Button
                    variant="ghost"
                    aria-label={t('resetPassword', { name: a.displayName })}
                    onPress={() => setEditing({ mode: 'reset', account: a })}
                  >
                    {t('form.reset')}
                  </Button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>
      <ModalDialog isOpen={editing !== null} onClose={() => setEditing(null)}>
        {editing?.mode === 'create' ? (
          <CreateAccountForm
            onDone={(msg) => {
              setEditing(null);
              setNotice(msg);
            }}
          />
        ) : null}
        {editing?.mode === 'edit' ? (
          <EditAccountForm
            account={editing.account}
            onDone={(msg) => {
              setEditing(null);
              setNotice(msg);
            }}
          />
        ) : null}
        {editing?.mode === 'reset' ? (
          <ResetPasswordForm
            account={editing.account}
            onDone={(msg) => {
              setEditing(null);
              setNotice(msg);
            }}
          />
        ) : null}
      </ModalDialog>
    </>
  );
}

/** Lifts a sign-in lock at once (the person called the desk); the core logs who did it. */
function UnlockButton({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const { t } = useTranslation('accounts');
  const invalidate = useInvalidateAccounts();
  const unlock = useMutation({
    mutationFn: () => call('accounts.unlock', { id: account.id }),
    onSuccess: async () => {
      await invalidate();
      onDone(t('unlocked', { name: account.displayName }));
    },
  });
  return (
    <>
      <Button
        variant="ghost"
        aria-label={t('unlockFor', { name: account.displayName })}
        onPress={() => unlock.mutate()}
      >
        {t('unlock')}
      </Button>
      {unlock.isError ? <ErrorBanner error={unlock.error} /> : null}
    </>
  );
}

const roleOptions = (t: (k: string) => string) => ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }));

function useInvalidateAccounts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: accountsKey });
}

function CreateAccountForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation('accounts');
  const invalidate = useInvalidateAccounts();
  const form = useForm<{ displayName: string; username: string; role: Role | null; password: string }>({
    displayName: '',
    username: '',
    role: 'coordinator',
    password: '',
  });
  const create = useMutation({ mutationFn: (input: z.output<typeof NewAccount>) => call('accounts.create', input) });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await form.submit(NewAccount, async (input) => {
      await create.mutateAsync(input);
      await invalidate();
      onDone(t('saved'));
    });
  };
  return (
    <DialogForm title={t('form.createTitle')} form={form} onSubmit={onSubmit} submitLabel={t('form.create')}>
      <TextField label={t('form.displayName')} {...form.bind('displayName')} isRequired autoFocus />
      <TextField label={t('form.username')} {...form.bind('username')} isRequired />
      <SelectField label={t('form.role')} {...form.bind('role')} options={roleOptions(t)} isRequired />
      <TextField
        label={t('form.password')}
        type="password"
        {...form.bind('password')}
        description={t('form.passwordHint')}
        autoComplete="new-password"
        isRequired
      />
    </DialogForm>
  );
}

const EditAccountInput = z.object({ id: z.number(), displayName: RequiredText(80), role: Role, active: z.boolean() });

function EditAccountForm({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const { t } = useTranslation('accounts');
  const invalidate = useInvalidateAccounts();
  const form = useForm<{ id: number; displayName: string; role: Role | null; active: boolean }>({
    id: account.id,
    displayName: account.displayName,
    role: account.role,
    active: account.active,
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await form.submit(EditAccountInput, async (input) => {
      await call('accounts.update', input);
      await invalidate();
      onDone(t('saved'));
    });
  };
  return (
    <DialogForm
      title={t('form.editTitle', { name: account.displayName })}
      form={form}
      onSubmit={onSubmit}
      submitLabel={t('form.save')}
    >
      <TextField label={t('form.displayName')} {...form.bind('displayName')} isRequired autoFocus />
      <SelectField label={t('form.role')} {...form.bind('role')} options={roleOptions(t)} isRequired />
      <Checkbox isSelected={form.values.active} onChange={(v) => form.set('active', v)}>
        {t('form.active')}
      </Checkbox>
    </DialogForm>
  );
}

function ResetPasswordForm({ account, onDone }: { account: Account; onDone: (message: string) => void }) {
  const { t } = useTranslation('accounts');
  const form = useForm({ id: account.id, password: '' });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    await form.submit(z.object({ id: z.number(), password: NewPassword }), async (input) => {
      await call('accounts.resetPassword', input);
      onDone(t('passwordSet', { name: account.displayName }));
    });
  };
  return (
    <DialogForm
      title={t('form.resetTitle', { name: account.displayName })}
      form={form}
      onSubmit={onSubmit}
      submitLabel={t('form.reset')}
    >
      <TextField
        label={t('form.newPassword')}
        type="password"
        {...form.bind('password')}
        description={t('form.passwordHint')}
        autoComplete="new-password"
        isRequired
        autoFocus
      />
    </DialogForm>
  );
}
