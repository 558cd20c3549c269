// Entering one assessment: a form generated from the instrument definition, saved as a draft while typing, with the
// running total and completeness always in view; signing makes it read-only, and an amendment opens the next version.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Assessment,
  INSTRUMENTS,
  type InstrumentDef,
  type ItemValue,
  type ItemValues,
  UNTESTABLE,
} from '../../../../db/contract';
import { useAssessment } from '../../api/assessment-queries';
import { useCurrentUser } from '../../api/session';
import { hrefFor } from '../../app/router';
import { ErrorBanner, Loaded, PageHeader } from '../../ui/feedback';
import { isStaleVersion } from '../../ui/conflict';
import { Button } from '../../ui/fields';
import { formatClock, formatDay, formatInstant } from '../../ui/format';
import { AmendDialog, SignDialog } from './EntryDialogs';
import { ItemField, focusItem } from './ItemField';
import { ReadOnlyItems } from './ReadOnlyItems';
import { SummaryBar } from './SummaryBar';
import { instrumentName } from './instrument-text';
import { type SaveState, useAutosave } from './use-autosave';
import './assessments.css';

/** The instruments still to enter after this one (`?then=12,13`, from the start screen). */
export function thenIds(hash = window.location.hash): number[] {
  const i = hash.indexOf('?');
  const raw = new URLSearchParams(i < 0 ? '' : hash.slice(i + 1)).get('then') ?? '';
  return raw
    .split(',')
    .filter((s) => /^[1-9]\d*$/.test(s))
    .map(Number);
}

export const assessmentHref = (id: number, then: readonly number[] = []) =>
  `${hrefFor({ name: 'assessment', id })}${then.length > 0 ? `?then=${then.join(',')}` : ''}`;

export function definitionOf(a: Pick<Assessment, 'instrument'>): InstrumentDef {
  const def = INSTRUMENTS.get(a.instrument.id, a.instrument.version);
  if (!def) throw new Error(`No definition for ${a.instrument.id}@${a.instrument.version}`);
  return def;
}

const SIGN_ID = 'assessment-sign';
const focusSign = () => document.getElementById(SIGN_ID)?.focus();

export function AssessmentEntryScreen({ id }: { id: number }) {
  const query = useAssessment(id);
  // Keyed by the version count: an amendment's new draft starts a fresh form.
  return <Loaded query={query}>{(a) => <Entry key={`${a.id}:${a.versions.length}`} assessment={a} />}</Loaded>;
}

function saveStatus(t: (k: string, o?: Record<string, unknown>) => string, s: SaveState, locale: string): string {
  if (s.kind === 'saving' || s.kind === 'pending') return t('assessments:entry.saving');
  if (s.kind === 'saved') return t('assessments:entry.savedAt', { time: formatClock(s.at, locale) });
  if (s.kind === 'failed') return t('assessments:entry.notSaved');
  return '';
}

function Entry({ assessment: a }: { assessment: Assessment }) {
  const { t, i18n } = useTranslation('assessments');
  const user = useCurrentUser();
  const def = definitionOf(a);
  const last = a.versions[a.versions.length - 1];
  const editable = user.role === 'doctor' && last?.status === 'draft';
  const [values, setValues] = useState<Record<string, ItemValue>>(() => ({ ...(last?.values ?? {}) }));
  const [notes, setNotes] = useState<Record<string, string>>(() => ({ ...(last?.notes ?? {}) }));
  const [dialog, setDialog] = useState<'sign' | 'amend' | null>(null);
  const [signError, setSignError] = useState<unknown>(null);
  const autosave = useAutosave(a, editable);
  const score = useMemo(() => def.score(values as ItemValues), [def, values]);
  const then = thenIds();

  // Resume where the doctor stopped: the first item without a value.
  useEffect(() => {
    if (!editable) return;
    const first = def.score(values as ItemValues).missing[0];
    if (first) focusItem(first);
    else focusSign();
    // Only on opening the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setValue = (code: string, v: ItemValue | null) => {
    setValues((cur) => {
      const next = { ...cur };
      if (v === null) delete next[code];
      else next[code] = v;
      return next;
    });
    autosave.change({ values: { [code]: v } });
  };
  const setNote = (code: string, note: string) => {
    setNotes((cur) => ({ ...cur, [code]: note }));
    autosave.change({ notes: { [code]: note.trim() === '' ? null : note } });
  };
  const next = (index: number) => {
    const item = def.items[index + 1];
    if (item) focusItem(item.code);
    else focusSign();
  };

  const failed = autosave.state.kind === 'failed' ? autosave.state.error : null;
  const conflict = isStaleVersion(failed);
  const missingNotes = def.items.filter(
    (i) => i.untestableNeedsNote && values[i.code] === UNTESTABLE && (notes[i.code] ?? '').trim() === '',
  );
  const subtitle = (
    <span className="entry-subtitle">
      <span>{t(`timePoint.${a.timePoint}`)}</span>
      <span>{formatDay(a.assessedOn, i18n.language)}</span>
      <span>{t(`mode.${a.mode}`)}</span>
      <span>{t('entry.assessor', { name: a.assessorName })}</span>
      <span>{t('entry.versionN', { n: last?.n ?? 1, status: t(`status.${last?.status ?? 'draft'}`) })}</span>
    </span>
  );

  return (
    <div className="page entry-page">
      <PageHeader title={instrumentName(t, def)} subtitle={subtitle}>
        {then.length > 0 && then[0] !== undefined ? (
          <a className="button button-secondary" href={assessmentHref(then[0], then.slice(1))}>
            {t('entry.nextInstrument')}
          </a>
        ) : null}
        <a className="button button-ghost" href={hrefFor({ name: 'patient', id: a.patientId })}>
          {t('entry.backToPatient')}
        </a>
      </PageHeader>
      <SummaryBar
        assessment={a}
        def={def}
        score={score}
        status={editable ? saveStatus(t, autosave.state, i18n.language) : null}
      >
        {editable ? (
          <Button variant="primary" id={SIGN_ID} onPress={() => setDialog('sign')}>
            {t('entry.sign')}
          </Button>
        ) : user.role === 'doctor' && last?.status === 'signed' ? (
          <Button onPress={() => setDialog('amend')}>{t('entry.amend')}</Button>
        ) : null}
      </SummaryBar>
      {conflict ? (
        <div className="banner banner-error" role="alert">
          {t('entry.conflict')}
        </div>
      ) : failed ? (
        <ErrorBanner error={failed} />
      ) : null}
      {last && last.status === 'signed' ? (
        <p className="entry-signed-note">
          {t('entry.signedBy', {
            name: last.signedByName ?? '',
            at: formatInstant(last.signedAt, i18n.language),
          })}
        </p>
      ) : null}
      {last?.amendReason ? (
        <p className="entry-signed-note">{t('entry.amendReason', { reason: last.amendReason })}</p>
      ) : null}
      {editable ? (
        <form
          className="entry-form"
          aria-label={instrumentName(t, def)}
          onSubmit={(e) => e.preventDefault()}
          onBlur={(e) => {
            // Leaving the form (not moving within it): save now.
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void autosave.flush();
          }}
        >
          {def.items.map((item, index) => (
            <ItemField
              key={item.code}
              def={def}
              item={item}
              value={values[item.code]}
              note={notes[item.code] ?? ''}
              noteError={missingNotes.includes(item) ? t('entry.untestableNoteRequired') : undefined}
              onChange={(v) => setValue(item.code, v)}
              onNote={(n) => setNote(item.code, n)}
              onNext={() => next(index)}
            />
          ))}
        </form>
      ) : (
        <ReadOnlyItems def={def} values={last?.values ?? {}} notes={last?.notes ?? {}} />
      )}
      {dialog === 'sign' ? (
        <SignDialog
          def={def}
          score={score}
          missingNotes={missingNotes.map((i) => i.code)}
          error={signError}
          settle={autosave.settle}
          assessmentId={a.id}
          onError={setSignError}
          onClose={() => {
            setDialog(null);
            setSignError(null);
          }}
        />
      ) : null}
      {dialog === 'amend' ? <AmendDialog assessment={a} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
