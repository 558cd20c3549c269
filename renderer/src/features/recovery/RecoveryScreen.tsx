// Recovery mode's one page: what is wrong with the records file in plain words, the verified backups, an admin's restore.
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { RecoveryBackup, RecoveryStatus } from '../../../../db/contract';
import { call } from '../../api/client';
import { switchSession } from '../../api/session';
import { applyLanguage, rememberSignInLanguage } from '../../i18n';
import { Ltr } from '../../ui/bidi';
import { ErrorBanner } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { formatInstant } from '../../ui/format';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useForm } from '../../ui/use-form';
import './recovery.css';

const AdminInput = z.object({
  username: z.string().trim().min(1, 'Required'),
  password: z.string().min(1, 'Required'),
});

const keyOf = (b: RecoveryBackup) => `${b.folder}/${b.id}`;

export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const { t, i18n } = useTranslation('backups');
  const client = useQueryClient();
  const [chosen, setChosen] = useState(status.backups[0] ? keyOf(status.backups[0]) : '');
  const form = useForm({ username: '', password: '' });
  const backup = status.backups.find((b) => keyOf(b) === chosen) ?? null;

  const facts = (b: RecoveryBackup) =>
    [
      t('recovery.schema', { version: b.schemaVersion ?? '?' }),
      t('recovery.patients', { count: b.counts.patients ?? 0 }),
      t('recovery.inquiries', { count: b.counts.inquiries ?? 0 }),
      t(`recovery.folder.${b.folder}`),
    ].join(' · ');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.submitting || !backup) return;
    void form.submit(AdminInput, async (input) => {
      const user = await call('recovery.restore', { id: backup.id, folder: backup.folder, ...input });
      switchSession(client, user);
    });
  };

  return (
    <main className="auth-page">
      <form className="auth-card recovery-card" onSubmit={submit} noValidate aria-labelledby="recovery-title">
        <LanguageSwitch
          onChange={(l) => {
            rememberSignInLanguage(l);
            void applyLanguage(l);
          }}
        />
        <h1 id="recovery-title" className="auth-title">
          {t('recovery.title')}
        </h1>
        <p>{t(`recovery.kind.${status.kind}`)}</p>
        <p>{t('recovery.untouched')}</p>
        <p className="recovery-path">
          <Ltr>{status.dbFile}</Ltr>
        </p>
        <details className="recovery-details">
          <summary>{t('recovery.technical')}</summary>
          <p className="muted small">
            <Ltr>{status.problem}</Ltr>
          </p>
        </details>
        {status.secondFolder !== null && !status.secondReadable ? (
          <p role="note">{t('recovery.secondUnreadable', { folder: status.secondFolder })}</p>
        ) : null}
        {status.backups.length === 0 ? (
          <>
            <h2 className="section-title">{t('recovery.noBackupTitle')}</h2>
            <p>{t('recovery.noBackup')}</p>
          </>
        ) : (
          <>
            <RadioGroup className="recovery-backups" value={chosen} onChange={setChosen}>
              <Label className="section-title">{t('recovery.choose')}</Label>
              {status.backups.map((b) => (
                <Radio key={keyOf(b)} value={keyOf(b)} className="choice-option">
                  <span className="radio-dot" aria-hidden="true" />
                  <span>
                    {formatInstant(b.finishedAt, i18n.language)}
                    <span className="recovery-backup-facts">{facts(b)}</span>
                  </span>
                </Radio>
              ))}
            </RadioGroup>
            <p>{t('recovery.signInHint')}</p>
            <ErrorBanner error={form.formError} />
            <TextField label={t('recovery.username')} {...form.bind('username')} autoComplete="username" isRequired />
            <TextField
              label={t('recovery.password')}
              type="password"
              {...form.bind('password')}
              autoComplete="current-password"
              isRequired
            />
            <Button type="submit" variant="primary" className="auth-submit" isPending={form.submitting}>
              {form.submitting ? t('recovery.restoring') : t('recovery.restore')}
            </Button>
          </>
        )}
      </form>
    </main>
  );
}
