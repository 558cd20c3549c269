// The admin's backups screen: the last good backup and its age, every backup, Back up now (with progress), restore.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Heading } from 'react-aria-components';
import { ModalDialog } from '../../ui/ModalDialog';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../db/contract';
import { call } from '../../api/client';
import { backupStatusKey } from '../../ui/BackupWarning';
import { EmptyState, ErrorBanner, Loading, NoticeBanner, PageHeader } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { formatInstant } from '../../ui/format';

const listKey = ['backups', 'list'] as const;
/** The counts a person recognises; the rest of the tables are in the manifest. */
const SHOWN_COUNTS = ['patients', 'inquiries', 'attachments', 'accounts'] as const;

export function BackupsScreen() {
  const { t, i18n } = useTranslation('backups');
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({ queryKey: listKey, queryFn: () => call('backups.list', {}) });
  const status = useQuery({
    queryKey: backupStatusKey,
    queryFn: () => call('backups.status', {}),
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
      setNotice(b.status === 'ok' ? t('made') : t('madeFailed'));
      return refresh();
    },
  });
  const restore = useMutation({
    mutationFn: (id: string) => call('backups.restore', { id }),
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
        <div className="panel">
          <label htmlFor="backup-progress">{t(`phase.${phase}`)}</label>
          <progress id="backup-progress" max={running?.total || 1} value={running?.done ?? 0} />
        </div>
      ) : null}
      <section className="panel" aria-labelledby="last-good">
        <h2 id="last-good">{t('lastGood')}</h2>
        {s?.records.damaged ? (
          <div className="banner banner-error" role="alert">
            {t('warning.damaged')}
          </div>
        ) : null}
        <p>
          {s?.lastGood
            ? t('lastGoodAt', {
                time: formatInstant(s.lastGood.finishedAt, i18n.language),
                count: Math.floor(s.lastGood.ageHours),
              })
            : t('noneYet')}
        </p>
      </section>
      <section className="panel" aria-labelledby="all-backups">
        <h2 id="all-backups">{t('all')}</h2>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorBanner error={list.error} /> : null}
        {list.data && list.data.length === 0 ? <EmptyState title={t('empty')} /> : null}
        {list.data && list.data.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.when')}</th>
                  <th scope="col">{t('columns.reason')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <th scope="col">{t('columns.schema')}</th>
                  <th scope="col">{t('columns.counts')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
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
                    <td>
                      <Counts backup={b} />
                    </td>
                    <td className="row-actions">
                      {b.status === 'ok' ? (
                        <Button variant="ghost" onPress={() => setConfirming(b)}>
                          {t('restore')}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
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

function Counts({ backup }: { backup: Backup }) {
  const { t } = useTranslation('backups');
  return (
    <ul className="plain-list">
      {SHOWN_COUNTS.map((name) => (
        <li key={name}>{t(`counts.${name}`, { count: backup.counts[name] ?? 0 })}</li>
      ))}
    </ul>
  );
}
