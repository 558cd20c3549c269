// The import preview: one line per submission with what it may repeat, a decision for each flagged one, filters and pages.
import { type ReactNode, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ImportMatch, ImportRowCheck } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { EmptyState } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { formatInstantShort } from '../../ui/format';
import {
  type DecisionValue,
  type Decisions,
  PREVIEW_PAGE,
  type RowStatus,
  choicesFor,
  rowStatus,
} from './import-model';
import { Ltr, Name } from '../../ui/bidi';
import { numberFormat } from '../../ui/intl';

type Filter = 'all' | RowStatus;
const FILTERS: readonly Filter[] = ['all', 'duplicate', 'new', 'already'];

export function PreviewTable({
  rows,
  decisions,
  onDecide,
  disabled,
  actions,
}: {
  rows: readonly ImportRowCheck[];
  decisions: Decisions;
  onDecide: (row: number, value: DecisionValue) => void;
  disabled: boolean;
  /** The import button and its companions, kept above the table so they never scroll out of reach. */
  actions: ReactNode;
}) {
  const { t, i18n } = useTranslation('imports');
  const locale = i18n.language;
  const counts: Record<Filter, number> = { all: rows.length, new: 0, already: 0, duplicate: 0 };
  for (const r of rows) counts[rowStatus(r)] += 1;
  // A file with duplicates opens on them: they are what needs a decision.
  const [filter, setFilter] = useState<Filter>(counts.duplicate > 0 ? 'duplicate' : 'all');
  const [page, setPage] = useState(0);
  const shown = filter === 'all' ? rows : rows.filter((r) => rowStatus(r) === filter);
  const pageRows = shown.slice(page * PREVIEW_PAGE, (page + 1) * PREVIEW_PAGE);
  const fmt = numberFormat(locale);

  const matchText = (m: ImportMatch) =>
    `${t(`preview.match.${m.kind}`, { id: m.id })}: ${m.label} · ${m.reasons.map((reason) => t(`preview.reason.${reason}`)).join(', ')}`;
  const choiceLabel = (v: DecisionValue) => {
    if (v === 'import' || v === 'skip') return t(`preview.decision.${v}`);
    const [kind, id] = v.split(':');
    return t(`preview.decision.${kind === 'inquiry' ? 'inquiry' : 'row'}`, { id });
  };

  return (
    <>
      <div className="import-toolbar">
        <RadioGroup
          className="segmented"
          orientation="horizontal"
          value={filter}
          onChange={(v) => {
            setFilter(FILTERS.find((f) => f === v) ?? 'all');
            setPage(0);
          }}
        >
          <Label className="segmented-label">{t('preview.show')}</Label>
          {FILTERS.map((f) => (
            <Radio key={f} value={f} className="segmented-option">
              {t(`preview.filter.${f}`, { count: counts[f] })}
            </Radio>
          ))}
        </RadioGroup>
        <div className="import-toolbar-actions">{actions}</div>
      </div>
      <div className="table-wrap">
        <table className="table import-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('preview.columns.row')}
              </th>
              <th scope="col">{t('preview.columns.submitted')}</th>
              <th scope="col">{t('preview.columns.patient')}</th>
              <th scope="col">{t('preview.columns.contact')}</th>
              <th scope="col">{t('preview.columns.reach')}</th>
              <th scope="col">{t('preview.columns.status')}</th>
              <th scope="col">{t('preview.columns.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((r) => {
              const status = rowStatus(r);
              const decision = decisions.get(r.row);
              return (
                <tr key={r.row} className={status === 'duplicate' ? 'import-flagged' : undefined} data-row={r.row}>
                  <td className="num">{fmt.format(r.row)}</td>
                  <td>{formatInstantShort(r.summary.submittedAt, locale)}</td>
                  <td className="import-strong">
                    <Name>{r.summary.patientName}</Name>
                  </td>
                  <td>
                    <Name>{r.summary.contactName}</Name>
                  </td>
                  <td>
                    <span className="cell-stack">
                      <Ltr>{r.summary.email ?? r.summary.phone ?? r.summary.messaging ?? '—'}</Ltr>
                      <Ltr className="cell-sub">
                        {r.summary.email === null
                          ? r.summary.phone === null
                            ? ''
                            : r.summary.messaging
                          : (r.summary.phone ?? r.summary.messaging)}
                      </Ltr>
                    </span>
                  </td>
                  <td className="import-status">
                    <span className={`badge import-badge-${status}`}>{t(`preview.status.${status}`)}</span>
                    {status === 'already' && r.importedInquiryId !== null ? (
                      <>
                        {' '}
                        <a href={hrefFor({ name: 'inquiry', id: r.importedInquiryId })}>
                          {t('preview.alreadyAs', { id: r.importedInquiryId })}
                        </a>
                      </>
                    ) : null}
                    {status === 'duplicate' ? (
                      <ul className="import-matches">
                        {r.matches.map((m) => (
                          <li key={`${m.kind}:${m.id}`}>
                            {m.kind === 'inquiry' ? (
                              <a href={hrefFor({ name: 'inquiry', id: m.id })}>{matchText(m)}</a>
                            ) : (
                              matchText(m)
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>
                    {status === 'duplicate' && decision !== undefined ? (
                      <select
                        className="input import-select"
                        aria-label={t('preview.decisionLabel', { row: r.row })}
                        value={decision}
                        disabled={disabled}
                        onChange={(e) => {
                          const picked = choicesFor(r, decisions).find((c) => c === e.currentTarget.value);
                          if (picked) onDecide(r.row, picked);
                        }}
                      >
                        {choicesFor(r, decisions).map((v) => (
                          <option key={v} value={v}>
                            {choiceLabel(v)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className="muted">
                        {status === 'new' ? t('preview.willImport') : t('preview.noDecision')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pageRows.length === 0 ? <EmptyState title={t('preview.empty')} /> : null}
      </div>
      {shown.length > PREVIEW_PAGE ? (
        <div className="list-footer">
          <span>
            {t('preview.pageRange', {
              from: fmt.format(page * PREVIEW_PAGE + 1),
              to: fmt.format(Math.min(shown.length, (page + 1) * PREVIEW_PAGE)),
              total: fmt.format(shown.length),
            })}
          </span>
          <span className="list-footer-buttons">
            <Button isDisabled={page === 0} onPress={() => setPage(page - 1)}>
              {t('preview.previous')}
            </Button>
            <Button isDisabled={(page + 1) * PREVIEW_PAGE >= shown.length} onPress={() => setPage(page + 1)}>
              {t('preview.next')}
            </Button>
          </span>
        </div>
      ) : null}
    </>
  );
}
