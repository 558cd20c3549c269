// Import web forms: choose a CSV or JSON export → its problems, or a duplicate check with progress → preview and decisions → one import.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CommitResult,
  type ImportFormat,
  type ImportIssue,
  type ImportRowCheck,
  MAX_IMPORT_CHARS,
  REQUIRED_COLUMNS,
  WEB_FORM_COLUMNS,
} from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { errorMessage } from '../../ui/error-message';
import { fieldMessage } from '../../ui/validation-message';
import { PageHeader } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { useInvalidateInquiries } from '../../api/inquiry-queries';
import {
  CHECK_CHUNK,
  type DecisionValue,
  defaultDecisions,
  guessFormat,
  issueMessage,
  plan,
  setDecision,
  toDecisions,
} from './import-model';
import { PreviewTable } from './PreviewTable';
import '../../ui/records.css';
import './imports.css';
import { numberFormat } from '../../ui/intl';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'invalid'; fileName: string; format: ImportFormat; errors: ImportIssue[]; errorCount: number }
  | { kind: 'checking'; fileName: string; done: number; total: number }
  | { kind: 'preview'; fileName: string; batchId: number; rows: ImportRowCheck[] }
  | { kind: 'done'; fileName: string; result: CommitResult };

const INPUT_ID = 'import-file';

export function ImportScreen() {
  const { t, i18n } = useTranslation('imports');
  const number = numberFormat(i18n.language);
  /** i18next picks the plural by `count`; `n` is the same number written for this locale (4,000). */
  const num = (count: number) => ({ count, n: number.format(count) });
  const invalidate = useInvalidateInquiries();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [decisions, setDecisions] = useState<ReadonlyMap<number, DecisionValue>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  // Choosing another file (or leaving) makes a running check stale: its answers are dropped.
  const run = useRef(0);
  const [inputKey, setInputKey] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => () => void (run.current += 1), []);
  // Each new stage of the work is announced by moving focus to its heading.
  useEffect(() => {
    if (step.kind === 'invalid' || step.kind === 'preview' || step.kind === 'done') heading.current?.focus();
  }, [step.kind]);

  const describe = (err: unknown): string => {
    if (err instanceof ApiCallError && err.code === 'CONFLICT' && err.details?.reason === 'batch_committed')
      return t('errors.batchCommitted');
    // The core names the row and the reason; the generic sentence would hide them. Worded as the forms word it.
    if (err instanceof ApiCallError && err.code === 'VALIDATION')
      return fieldMessage(t, Object.values(err.fields)[0] ?? err.message);
    return errorMessage(t, err);
  };

  const onFile = async (file: File | undefined) => {
    const mine = ++run.current;
    setProblem(null);
    if (!file) return setStep({ kind: 'choose' });
    if (file.size > MAX_IMPORT_CHARS) {
      setStep({ kind: 'choose' });
      return setProblem(t('file.tooLarge', { size: Math.round(MAX_IMPORT_CHARS / 1_000_000) }));
    }
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const text = await file.text();
      const format = guessFormat(file.name, text);
      const staged = await call('imports.stage', { fileName: file.name, format, text });
      if (mine !== run.current) return;
      if (!staged.ok)
        return setStep({
          kind: 'invalid',
          fileName: file.name,
          format,
          errors: staged.errors,
          errorCount: staged.errorCount,
        });
      const rows: ImportRowCheck[] = [];
      setStep({ kind: 'checking', fileName: file.name, done: 0, total: staged.rowCount });
      for (let offset = 0; offset < staged.rowCount; offset += CHECK_CHUNK) {
        const chunk = await call('imports.checkDuplicates', { batchId: staged.batchId, offset, limit: CHECK_CHUNK });
        if (mine !== run.current) return;
        rows.push(...chunk.rows);
        setStep({ kind: 'checking', fileName: file.name, done: rows.length, total: chunk.total });
      }
      setDecisions(defaultDecisions(rows));
      setStep({ kind: 'preview', fileName: file.name, batchId: staged.batchId, rows });
    } catch (err) {
      if (mine !== run.current) return;
      setStep({ kind: 'choose' });
      setProblem(describe(err));
    }
  };

  const commit = async () => {
    if (step.kind !== 'preview') return;
    setCommitting(true);
    setProblem(null);
    try {
      const result = await call('imports.commit', {
        batchId: step.batchId,
        decisions: toDecisions(step.rows, decisions),
      });
      await invalidate();
      setStep({ kind: 'done', fileName: step.fileName, result });
    } catch (err) {
      setProblem(describe(err));
    } finally {
      setCommitting(false);
    }
  };

  const restart = () => {
    run.current += 1;
    setStep({ kind: 'choose' });
    setProblem(null);
    setInputKey((k) => k + 1);
    // The picker is remounted: focus it once it is there, so the keyboard user is where the next step starts.
    window.setTimeout(() => document.getElementById(INPUT_ID)?.focus(), 0);
  };

  const busy = step.kind === 'reading' || step.kind === 'checking' || committing;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <section className="panel import-picker">
        <div className="panel-body">
          <label className="field-label" htmlFor={INPUT_ID}>
            {t('file.label')}
          </label>
          <input
            key={inputKey}
            id={INPUT_ID}
            className="file-input import-file-input"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            disabled={committing}
            aria-describedby="import-file-help"
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
          {/* The column list helps choose a file; once one is read, the preview matters more than the reminder. */}
          <div
            id="import-file-help"
            className="field-description import-help"
            hidden={step.kind === 'preview' || step.kind === 'done' || step.kind === 'checking'}
          >
            <span>{t('file.help')}</span>
            <span>
              {t('file.columns')} <code className="mono">{WEB_FORM_COLUMNS.join(', ')}</code>
            </span>
            <span>
              {t('file.required')} <code className="mono">{REQUIRED_COLUMNS.join(', ')}</code>
            </span>
          </div>
        </div>
      </section>

      {problem ? (
        <div className="banner banner-error" role="alert">
          {problem}
        </div>
      ) : null}

      {step.kind === 'reading' ? (
        <p className="muted" role="status">
          {t('file.reading', { name: step.fileName })}
        </p>
      ) : null}

      {step.kind === 'checking' ? (
        <section className="panel import-progress-panel" aria-busy="true">
          <div className="panel-body">
            <div className="field-label" id="import-check-label">
              {t('check.label')}
            </div>
            <progress
              className="import-progress"
              role="progressbar"
              aria-labelledby="import-check-label"
              aria-valuemin={0}
              aria-valuemax={step.total}
              aria-valuenow={step.done}
              value={step.done}
              max={Math.max(1, step.total)}
            />
            <div className="muted small" aria-live="polite">
              {t('check.progress', { done: number.format(step.done), total: number.format(step.total) })}
            </div>
          </div>
        </section>
      ) : null}

      {step.kind === 'invalid' ? (
        <section className="panel">
          <div className="panel-header">
            <h2 className="panel-title" ref={heading} tabIndex={-1}>
              {t('errors.title', { name: step.fileName })}
            </h2>
          </div>
          <div className="panel-body import-note">
            <p>{t('errors.intro', { count: step.errorCount })}</p>
            <p className="muted">{t(step.format === 'csv' ? 'errors.csvRows' : 'errors.jsonRows')}</p>
            {step.errorCount > step.errors.length ? (
              <p className="muted">{t('errors.more', { shown: step.errors.length, count: step.errorCount })}</p>
            ) : null}
          </div>
          <div className="table-wrap">
            <table className="table import-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('errors.row')}
                  </th>
                  <th scope="col">{t('errors.column')}</th>
                  <th scope="col">{t('errors.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {step.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="num">{e.row ?? t('errors.wholeFile')}</td>
                    <td className="mono">{e.field ?? '—'}</td>
                    <td className="import-problem">{issueMessage(t, e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {step.kind === 'preview' ? preview(step) : null}

      {step.kind === 'done' ? (
        <section className="panel">
          <div className="panel-header">
            <h2 className="panel-title" ref={heading} tabIndex={-1}>
              {t('done.title')}
            </h2>
          </div>
          <div className="panel-body">
            <ul className="import-summary" aria-label={t('done.title')}>
              <li>
                <strong>{t('done.created', num(step.result.created))}</strong>
              </li>
              {step.result.merged > 0 ? <li>{t('done.merged', num(step.result.merged))}</li> : null}
              <li>{t('done.skipped', num(step.result.skipped))}</li>
              <li>{t('done.already', num(step.result.alreadyImported))}</li>
            </ul>
            <div className="import-actions">
              <a className="button button-primary" href={hrefFor({ name: 'inquiries' })}>
                {t('done.openList')}
              </a>
              <Button onPress={restart}>{t('done.again')}</Button>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );

  // A render helper, not a component: a component declared in here would be a new type each render and lose the table's state.
  function preview(s: Extract<Step, { kind: 'preview' }>) {
    const p = plan(s.rows, decisions);
    const fresh = s.rows.filter((r) => !r.alreadyImported && r.matches.length === 0).length;
    const duplicates = s.rows.filter((r) => !r.alreadyImported && r.matches.length > 0).length;
    return (
      <section className="panel">
        <div className="panel-header">
          <h2 className="panel-title" ref={heading} tabIndex={-1}>
            {t('preview.title', { name: s.fileName })}
          </h2>
          <span className="muted">
            {[
              t('preview.counts.total', num(s.rows.length)),
              t('preview.counts.fresh', num(fresh)),
              t('preview.counts.duplicates', num(duplicates)),
              t('preview.counts.already', num(p.already)),
            ].join(' · ')}
          </span>
        </div>
        {committing ? (
          <div className="panel-body import-committing">
            <progress className="import-progress" aria-label={t('preview.importing')} />
          </div>
        ) : null}
        <PreviewTable
          rows={s.rows}
          decisions={decisions}
          onDecide={(row, v) => setDecisions((d) => setDecision(d, row, v))}
          disabled={busy}
          actions={
            <>
              <span className="muted" aria-live="polite">
                {[
                  p.create + p.merge === 0 ? t('preview.nothingNew') : null,
                  p.merge > 0 ? t('preview.plan.merge', num(p.merge)) : null,
                  p.skip > 0 ? t('preview.plan.skip', num(p.skip)) : null,
                  p.already > 0 ? t('preview.plan.already', num(p.already)) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <Button onPress={restart} isDisabled={committing}>
                {t('preview.cancel')}
              </Button>
              <Button
                variant="primary"
                onPress={() => void commit()}
                isDisabled={committing || p.create + p.merge === 0}
              >
                {committing
                  ? t('preview.importing')
                  : p.create === 0 && p.merge > 0
                    ? t('preview.mergeOnly', num(p.merge))
                    : t('preview.import', num(p.create))}
              </Button>
            </>
          }
        />
      </section>
    );
  }
}
