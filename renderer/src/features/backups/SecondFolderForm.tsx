// The backups' optional second folder (a USB drive, a network share): typed, or picked with the desktop app's dialog.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { BackupSettings } from '../../../../db/contract';
import { call, desktopBridge } from '../../api/client';
import { formBanner } from '../../ui/courses/form-banner';
import { ErrorBanner, Loading, SavedNote } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { useForm } from '../../ui/use-form';

import { backupSettingsKey, backupSettingsOptions } from './queries';

/** An empty field means no second folder; the core checks the folder itself (there, a folder, writable). */
const FolderSchema = z
  .object({ secondFolder: z.string() })
  .transform((v) => ({ secondFolder: v.secondFolder.trim() === '' ? null : v.secondFolder.trim() }));

export function SecondFolderPanel() {
  const settings = useQuery(backupSettingsOptions());
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBanner error={settings.error} />;
  // Not keyed by the data: saving sets the query's data, and the form (with its "Saved") must stay as it is.
  return <SecondFolderForm initial={settings.data} />;
}

function SecondFolderForm({ initial }: { initial: BackupSettings }) {
  const { t } = useTranslation('backups');
  const client = useQueryClient();
  const form = useForm({ secondFolder: initial.secondFolder ?? '' });
  const [saved, setSaved] = useState(false);
  const [pickError, setPickError] = useState<unknown>(null);
  const chooseFolder = desktopBridge()?.chooseFolder;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form
      .submit(FolderSchema, async ({ secondFolder }) => {
        const result = await call('backups.updateSettings', { dailyAt: initial.dailyAt, secondFolder });
        client.setQueryData(backupSettingsKey, result);
      })
      .then(setSaved);
  };
  const choose = async () => {
    if (!chooseFolder) return;
    const answer = await chooseFolder();
    setPickError(answer.ok ? null : new Error(answer.error.message));
    if (answer.ok && answer.value !== null) {
      setSaved(false);
      form.set('secondFolder', answer.value);
    }
  };
  const bound = form.bind('secondFolder');
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="second-folder-title">
      <div className="panel-header">
        <h2 className="panel-title" id="second-folder-title">
          {t('second.title')}
        </h2>
      </div>
      <div className="panel-body">
        <p className="muted small">{t('second.intro')}</p>
        <ErrorBanner error={formBanner(form) ?? pickError} />
        <div className="second-folder-row">
          <TextField
            className="second-folder-field"
            label={t('second.folder')}
            description={t('second.hint')}
            {...bound}
            onChange={(v) => {
              setSaved(false);
              bound.onChange(v);
            }}
          />
          {chooseFolder ? <Button onPress={() => void choose()}>{t('second.choose')}</Button> : null}
        </div>
        <div className="backup-form-actions">
          <SavedNote className="muted small" message={saved ? t('second.saved') : null} />
          <Button type="submit" variant="primary" isPending={form.submitting}>
            {t('common:actions.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
