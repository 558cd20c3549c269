// The admin's backups screen: the last good backup and its age, the last full check, every backup (and its second
// copy), Back up now (with progress), restore, and the second folder.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../db/contract';
import { call } from '../../api/client';
import { backupStatusOptions } from '../../ui/BackupWarning';
import { backupListOptions } from './queries';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, ErrorBanner, Loading, NoticeBanner, PageHeader } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { formatInstant } from '../../ui/format';
import { ModalDialog } from '../../ui/ModalDialog';
import { Panel } from '../../ui/Panel';
import { SecondFolderPanel } from './SecondFolderForm';
import './backups.css';

/** The counts a person recognises; the rest of the tables are in the manifest. */
const SHOWN_COUNTS = ['patients', 'inquiries', 'attachments', 'accounts'] as const;

export function BackupsScreen() {
  const { t, i18n } = useTranslation('backups');
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery(backupListOptions());
  const status = useQuery({
    ...backupStatusOptions(),
    // While a backup runs, its progress is asked for twice a second.
    refetchInterval: (q) => (q.state.data?.running ? 500 : false),
  });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['backups'] })]);
  const create = useMutation({
    mutationFn: () => {
      setTimeout(() => void status.refetch(), 100);
      return call('backups.create', {});
    },
    onSuccess: (b) => {
      setNotice(b.status !== 'ok' ? t('madeFailed') : b.secondCopy ? t(`madeSecond.${b.secondCopy}`) : t('made'));
      return refresh();
    },
  });
  const restore = useMutation({
    mutationFn: (id: string) => {
      // The restore's safety backup and preparation report progress as a backup does (it runs in a worker).
      setTimeout(() => void status.refetch(), 100);
      return call('backups.restore', { id });
    },
    onSuccess: () => {
      setConfirming(null);
      setNotice(t('restored'));
      return client.invalidateQueries();
    },
  });
  const s = status.data;
  const running = s?.running ?? null;
  const phase = running?.phase ?? 'records';

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <Button variant="primary" onPress={() => create.mutate()} isPending={create.isPending}>
          {t('backUpNow')}
        </Button>
      </PageHeader>
      <NoticeBanner message={notice} />
      <ErrorBanner error={create.error ?? null} />
      {running || create.isPending ? (
        <div className="panel panel-body">
          <label htmlFor="backup-progress">{t(`phase.${phase}`)}</label>
          <progress id="backup-progress" max={running?.total || 1} value={running?.done ?? 0} />
        </div>
      ) : null}
      <div className="backups-panels">
        <Panel id="last-good" title={t('lastGood')}>
          {s?.records.damaged ? (
            <div className="banner banner-error" role="alert">
              {t('warning.damaged')}
            </div>
          ) : null}
          <p>
            {s?.lastGood
              ? t(s.lastGood.ageHours < 1 ? 'lastGoodRecent' : 'lastGoodAt', {
                  time: formatInstant(s.lastGood.finishedAt, i18n.language),
                  count: Math.floor(s.lastGood.ageHours),
                })
              : t('noneYet')}
          </p>
          <p>
            {s?.lastFullCheck
              ? t(`fullCheck.${s.lastFullCheck.ok ? 'ok' : 'damaged'}`, {
                  time: formatInstant(s.lastFullCheck.at, i18n.language),
                })
              : t('fullCheck.none')}
          </p>
        </Panel>
        <Panel id="all-backups" title={t('all')}>
          {list.isPending ? <Loading /> : null}
          {list.isError ? <ErrorBanner error={list.error} /> : null}
          {list.data && list.data.length === 0 ? <EmptyState title={t('empty')} /> : null}
          {list.data && list.data.length > 0 ? (
            <DataTable
              columns={[
                t('columns.when'),
                t('columns.reason'),
                t('columns.status'),
                t('columns.schema'),
                t('columns.counts'),
                t('columns.secondCopy'),
              ]}
              actions={t('columns.actions')}
            >
              {list.data.map((b) => (
                <tr key={b.id}>
                  <td>{formatInstant(b.startedAt, i18n.language)}</td>
                  <td>{t(`reason.${b.reason}`)}</td>
                  <td>
                    <span className={`badge ${b.status === 'ok' ? 'badge-accepted' : 'badge-closed'}`}>
                      {t(`status.${b.status}`)}
                    </span>
                  </td>
                  <td>{b.schemaVersion ?? '—'}</td>
                  <td className="backup-counts">
                    <Counts backup={b} inline />
                  </td>
                  <td>{b.secondCopy ? t(`secondCopy.${b.secondCopy}`) : t('secondCopy.none')}</td>
                  <td className="row-actions">
                    {b.status === 'ok' ? (
                      <Button variant="ghost" onPress={() => setConfirming(b)}>
                        {t('restore')}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </Panel>
        <SecondFolderPanel />
      </div>
      <ModalDialog isOpen={confirming !== null} onClose={() => setConfirming(null)}>
        {confirming ? (
          <div className="dialog-form">
            <Heading slot="title" className="dialog-title">
              {t('confirm.title', { time: formatInstant(confirming.startedAt, i18n.language) })}
            </Heading>
            <ErrorBanner error={restore.error ?? null} />
            <p>{t('confirm.body', { schema: confirming.schemaVersion ?? 0 })}</p>
            <Counts backup={confirming} />
            <p>{t('confirm.safety')}</p>
            {restore.isPending ? (
              <div>
                <label htmlFor="restore-progress">{t(`phase.${phase}`)}</label>
                <progress id="restore-progress" max={running?.total || 1} value={running?.done ?? 0} />
              </div>
            ) : null}
            <div className="dialog-actions">
              <Button slot="close">{t('common:actions.cancel')}</Button>
              <Button variant="primary" isPending={restore.isPending} onPress={() => restore.mutate(confirming.id)}>
                {t('confirm.go')}
              </Button>
            </div>
          </div>
        ) : null}
      </ModalDialog>
    </>
  );
}

/** The counts as a list (the restore question), or on one line in the table (`inline`) so rows stay one high. */
function Counts({ backup, inline = false }: { backup: Backup; inline?: boolean }) {
  const { t } = useTranslation('backups');
  const texts = SHOWN_COUNTS.map((name) => t(`counts.${name}`, { count: backup.counts[name] ?? 0 }));
  if (inline) return <>{texts.join(' · ')}</>;
  return (
    <ul className="plain-list">
      {texts.map((text, i) => (
        <li key={SHOWN_COUNTS[i]}>{text}</li>
      ))}
    </ul>
  );
}
