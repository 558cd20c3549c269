// Exports: one patient's or everyone's FHIR bundle and the de-identified research tables, with progress, Cancel and the
// finished files offered one by one for saving.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile, ExportKind, ExportProgress, SessionUser } from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { patientListOptions, usePatientList } from '../../api/patient-queries';
import { sessionKey } from '../../api/session';
import { downloadText } from '../../ui/download';
import { ErrorBanner, NoticeBanner, PageHeader } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { Panel } from '../../ui/Panel';
import './exports.css';

/** The doctor's patient picker: the first patients by name matching what is typed (nothing typed when it opens). */
const pickerQuery = (text: string) => ({ text, limit: 20, sort: 'name', direction: 'asc' }) as const;

/** A doctor's screen opens with the picker's first names: asked as the nav link is pressed (the admin has none). */
export function prefetchExports(client: QueryClient): void {
  const role = client.getQueryData<{ user: SessionUser | null }>(sessionKey)?.user?.role;
  if (role === 'doctor') void client.prefetchQuery(patientListOptions(pickerQuery('')));
}

type Start = { kind: 'fhir_patient'; patientId: number } | { kind: Exclude<ExportKind, 'fhir_patient'> };

export function ExportsScreen() {
  const { t } = useTranslation('exports');
  const role = useQueryClient().getQueryData<{ user: SessionUser | null }>(sessionKey)?.user?.role;
  const [job, setJob] = useState<ExportProgress | null>(null);
  const [files, setFiles] = useState<{ kind: ExportKind; list: ExportFile[] } | null>(null);
  // A key, not a sentence: the notice follows a language switch made while it shows.
  const [notice, setNotice] = useState<'ready' | 'ended.cancelled' | 'ended.failed' | null>(null);

  const start = useMutation({
    mutationFn: (s: Start) =>
      s.kind === 'fhir_patient'
        ? call('exports.startPatient', { patientId: s.patientId })
        : call('exports.start', { kind: s.kind }),
    onMutate: () => {
      setFiles(null);
      setNotice(null);
    },
    onSuccess: setJob,
  });
  const running = job?.state === 'running';
  // While an export runs its progress is asked for a few times a second; the core works between the answers.
  const progress = useQuery({
    queryKey: ['exports', 'progress', job?.id],
    queryFn: async () => {
      const p = await call('exports.progress', { id: job?.id ?? '' });
      if (p.state === 'done') {
        const list = await call('exports.result', { id: p.id });
        setFiles({ kind: p.kind, list });
        setNotice('ready');
        setJob(null);
      } else if (p.state !== 'running') {
        setNotice(p.state === 'cancelled' ? 'ended.cancelled' : 'ended.failed');
        setJob(null);
      }
      return p;
    },
    enabled: running,
    refetchInterval: 300,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => call('exports.cancel', { id }),
    onSuccess: (p) => {
      if (p.state === 'running') return; // the core stops it between slices; the next progress says so
      setNotice(p.state === 'done' ? 'ready' : p.state === 'cancelled' ? 'ended.cancelled' : 'ended.failed');
      setJob(null);
    },
  });
  // A Cancel that arrives after the files were handed over has nothing left to stop: not an error to show.
  const cancelError = cancel.error instanceof ApiCallError && cancel.error.code === 'NOT_FOUND' ? null : cancel.error;
  const shown = progress.data?.id === job?.id ? (progress.data ?? job) : job;
  const busy = running || start.isPending;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {/* A template, so the i18n key test finds the keys it can take (DYNAMIC_KEYS). */}
      <NoticeBanner message={notice ? t(`${notice}`) : null} />
      <ErrorBanner error={start.error ?? progress.error ?? cancelError ?? null} />
      {shown && running ? (
        <div className="panel panel-body exports-progress">
          <label htmlFor="export-progress">
            {t(`running.${shown.kind}`)} {t('count', { done: shown.done, total: shown.total })}
          </label>
          <progress id="export-progress" max={shown.total || 1} value={shown.done} />
          <Button onPress={() => cancel.mutate(shown.id)} isPending={cancel.isPending}>
            {t('cancel')}
          </Button>
        </div>
      ) : null}
      {files ? <ReadyFiles files={files.list} /> : null}
      <div className="exports-panels">
        {role === 'doctor' ? (
          <OnePatient busy={busy} onStart={(patientId) => start.mutate({ kind: 'fhir_patient', patientId })} />
        ) : null}
        <Panel id="fhir-all" title={t('fhirAll.title')}>
          <p>{t('fhirAll.body')}</p>
          <Button variant="primary" isDisabled={busy} onPress={() => start.mutate({ kind: 'fhir_all' })}>
            {t('fhirAll.action')}
          </Button>
        </Panel>
        <Panel id="research" title={t('research.title')}>
          <p>{t('research.body')}</p>
          <Button variant="primary" isDisabled={busy} onPress={() => start.mutate({ kind: 'research' })}>
            {t('research.action')}
          </Button>
        </Panel>
      </div>
    </>
  );
}

function OnePatient({ busy, onStart }: { busy: boolean; onStart: (patientId: number) => void }) {
  const { t } = useTranslation('exports');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const found = usePatientList(pickerQuery(text));
  const options = (found.data?.rows ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.familyName} ${p.givenName}${p.nativeName ? ` (${p.nativeName})` : ''} · ${p.mrn}`,
  }));
  return (
    <Panel id="fhir-patient" title={t('fhirPatient.title')}>
      <p>{t('fhirPatient.body')}</p>
      <div className="exports-row">
        <TextField label={t('fhirPatient.find')} value={text} onChange={setText} />
        <SelectField
          label={t('fhirPatient.patient')}
          value={options.some((o) => o.value === picked) ? picked : null}
          onChange={setPicked}
          options={options}
          placeholder={t('fhirPatient.choose')}
        />
        <Button
          variant="primary"
          isDisabled={busy || picked === null}
          onPress={() => picked !== null && onStart(Number(picked))}
        >
          {t('fhirPatient.action')}
        </Button>
      </div>
    </Panel>
  );
}

/** Several research tables are offered one by one (no zip): each is a plain CSV a spreadsheet opens as it is. */
function ReadyFiles({ files }: { files: readonly ExportFile[] }) {
  const { t } = useTranslation('exports');
  return (
    <Panel id="export-files" title={t('files')}>
      <ul className="exports-files">
        {files.map((f) => (
          <li key={f.name}>
            <Button onPress={() => downloadText(f.name, f.text, f.mediaType)}>{t('save', { name: f.name })}</Button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
