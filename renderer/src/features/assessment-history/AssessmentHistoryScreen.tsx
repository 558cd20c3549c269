// Every version of one assessment side by side: one column per version, one row per item, changes from the version
// before marked, and which version reports read. Opening it is written to the audit log by the core.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, AssessmentVersion, InstrumentDef, ItemValue } from '../../../../db/contract';
import { useAssessment } from '../../api/assessment-history-queries';
import { usePatient } from '../../api/patient-queries';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../../ui/bidi';
import { Loaded, PageHeader } from '../../ui/feedback';
import { Panel } from '../../ui/Panel';
import { formatDay, formatInstant } from '../../ui/format';
import {
  definitionOf,
  formatScore,
  instrumentName,
  itemLabel,
  subscoreLabel,
  timePointName,
  valueText,
} from '../../ui/assessments/labels';
import '../../ui/assessments/assessments.css';

export function AssessmentHistoryScreen({ id }: { id: number }) {
  const assessment = useAssessment(id);
  return <Loaded query={assessment}>{(a) => <History a={a} />}</Loaded>;
}

function History({ a }: { a: Assessment }) {
  const { t, i18n } = useTranslation('scores');
  const locale = i18n.language;
  const def = definitionOf(a.instrument);
  const patient = usePatient(a.patientId).data?.patient;
  return (
    <>
      <PageHeader
        title={t('history.title', { instrument: instrumentName(t, def) })}
        subtitle={
          <>
            {patient ? (
              <>
                <a href={hrefFor({ name: 'patient', id: a.patientId })}>
                  <Name>{`${patient.familyName} ${patient.givenName}`}</Name>
                </a>{' '}
                · <Ltr className="mrn">{patient.mrn}</Ltr> ·{' '}
              </>
            ) : null}
            {timePointName(t, a.timePoint)} · {formatDay(a.assessedOn, locale)} · {t(`mode.${a.mode}`)} ·{' '}
            {t('history.assessor', { name: a.assessorName })}
            {a.outsideWindow ? ` · ${t('outsideWindow')}` : ''}
          </>
        }
      >
        <a className="button button-secondary" href={hrefFor({ name: 'assessment', id: a.id })}>
          {t('history.open')}
        </a>
      </PageHeader>
      <p className="history-reports" role="note">
        {a.latestSigned === null
          ? t('history.reportsNone')
          : t('history.reportsUse', { n: a.latestSigned, count: a.versions.length })}
      </p>
      <VersionsTable a={a} def={def} />
    </>
  );
}

type Cell = { content: ReactNode; key: string | null };

/** One body row: its header, then a cell per version, marked when its comparison key differs from the one before. */
function Row({ label, cells, className }: { label: ReactNode; cells: readonly Cell[]; className?: string }) {
  const { t } = useTranslation('scores');
  return (
    <tr className={className}>
      <th scope="row">{label}</th>
      {cells.map((c, i) => {
        const prior = i > 0 ? cells[i - 1] : undefined;
        const changed = prior !== undefined && c.key !== prior.key;
        return (
          <td key={i} className={changed ? 'changed' : undefined}>
            {c.content}
            {changed ? (
              <>
                {' '}
                <span className="change-mark" aria-hidden="true">
                  ◆
                </span>
                <span className="visually-hidden">{t('history.changed')}</span>
              </>
            ) : null}
          </td>
        );
      })}
    </tr>
  );
}

const keyOf = (v: ItemValue | number | null | undefined): string | null =>
  v === undefined || v === null ? null : String(v);

function VersionsTable({ a, def }: { a: Assessment; def: InstrumentDef }) {
  const { t, i18n } = useTranslation('scores');
  const locale = i18n.language;
  const vs = a.versions;
  const none = <span className="muted">—</span>;
  const plain = (f: (v: AssessmentVersion) => string | null): Cell[] =>
    vs.map((v) => {
      const text = f(v);
      return { content: text ?? none, key: text };
    });
  return (
    <Panel id="versions" title={t('history.versions')} count={vs.length}>
      {/* Focusable so the keyboard can scroll it sideways when many versions overflow. */}
      <div className="history-scroll" role="region" aria-labelledby="versions-title" tabIndex={0}>
        <table className="table history-table">
          <thead>
            <tr>
              <th scope="col">{t('history.item')}</th>
              {vs.map((v) => (
                <th scope="col" key={v.n}>
                  {t('history.version', { n: v.n })}
                  {v.n === a.latestSigned ? (
                    <span className="badge badge-reports">{t('history.usedByReports')}</span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label={t('history.status')} cells={plain((v) => t(`versionStatus.${v.status}`))} />
            <Row label={t('history.enteredBy')} cells={plain((v) => v.createdByName)} />
            <Row label={t('history.enteredAt')} cells={plain((v) => formatInstant(v.createdAt, locale))} />
            <Row label={t('history.signedBy')} cells={plain((v) => v.signedByName)} />
            <Row label={t('history.signedAt')} cells={plain((v) => formatInstant(v.signedAt, locale) || null)} />
            <Row label={t('history.amendReason')} className="row-reason" cells={plain((v) => v.amendReason)} />
          </tbody>
          {/* The items, totals and subscores: a second group, drawn apart from the versions' facts above. */}
          <tbody className="history-scores">
            {def.items.map((item) => (
              <Row
                key={item.code}
                label={itemLabel(t, def, item)}
                cells={vs.map((v) => ({ content: valueCell(t, def, item, v), key: keyOf(v.values[item.code]) }))}
              />
            ))}
            {def.range !== null ? (
              <Row
                className="row-total"
                label={t('history.total')}
                cells={vs.map((v) => ({
                  content: totalCell(t, v, locale),
                  key: keyOf(v.total ?? v.sum),
                }))}
              />
            ) : null}
            {def.subscoreDefs.map((s) => (
              <Row
                key={s.code}
                label={subscoreLabel(t, def, s.code)}
                cells={vs.map((v) => ({
                  content: formatScore(v.subscores[s.code] ?? null, locale),
                  key: keyOf(v.subscores[s.code]),
                }))}
              />
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function valueCell(t: TFunction, def: InstrumentDef, item: InstrumentDef['items'][number], v: AssessmentVersion) {
  const value = v.values[item.code];
  if (value === undefined) return <span className="muted">{t('history.notEntered')}</span>;
  const { shown, anchor } = valueText(t, def, item, value);
  const note = v.notes[item.code];
  return (
    <span className="value" title={note ? `${anchor}\n${note}` : anchor}>
      {shown}
      <span className="visually-hidden">: {anchor}</span>
      {note ? <span className="visually-hidden"> ({note})</span> : null}
    </span>
  );
}

function totalCell(t: TFunction, v: AssessmentVersion, locale: string) {
  if (v.total === null) {
    return (
      <span>
        {formatScore(v.sum, locale)} <span className="muted small">{t('history.incomplete')}</span>
      </span>
    );
  }
  return (
    <strong>
      {formatScore(v.total, locale)}
      {v.complete ? null : <span className="muted small"> {t('history.incomplete')}</span>}
    </strong>
  );
}
