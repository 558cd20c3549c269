// The report's tables: one row per group with every denominator, and the global impression per domain; each with
// "Export CSV" (UTF-8 with BOM, header row, ISO dates).
import { useTranslation } from 'react-i18next';
import type { OutcomeReport, OutcomeRow } from '../../../../db/contract';
import { DataTable } from '../../ui/DataTable';
import { downloadText } from '../../ui/download';
import { Button } from '../../ui/fields';
import { csvName, domainName, domainsCsv, num, outcomesCsv, proportionCell, stratumName } from './outcome-text';

const NUM = (label: string) => ({ label, className: 'num' });

export function ExportButton(p: { label: string; fileName: string; text: () => string }) {
  return (
    <Button className="no-print" onPress={() => downloadText(p.fileName, p.text())}>
      {p.label}
    </Button>
  );
}

export function StrataTable({ report }: { report: OutcomeReport }) {
  const { t, i18n } = useTranslation('outcomes');
  const locale = i18n.language;
  const good = report.overall.goodOutcome !== null;
  const columns = [
    t('col.group'),
    NUM(t('col.treated')),
    NUM(t('col.assessed')),
    NUM(t('col.improved')),
    NUM(t('col.share')),
    NUM(t('col.mean')),
    NUM(t('col.median')),
    NUM(t('col.noFollowUp')),
    NUM(t('col.noBaseline')),
    NUM(t('col.notYetDue')),
    NUM(t('col.sensitivity')),
    ...(good ? [NUM(t('col.good'))] : []),
  ];
  const row = (x: OutcomeRow, total: boolean) => (
    <tr key={x.key} className={total ? 'outcomes-total' : undefined}>
      <th scope="row">{stratumName(t, report, x.key)}</th>
      <td className="num">{x.treated}</td>
      <td className="num">{x.assessed}</td>
      <td className="num">{x.improved.k}</td>
      <td className="num">{proportionCell(x.improved, locale)}</td>
      <td className="num">
        {num(x.change.mean, locale)}
        {x.change.sd === null ? '' : ` (${num(x.change.sd, locale)})`}
      </td>
      <td className="num">
        {num(x.change.median, locale)}
        {x.change.q1 === null
          ? ''
          : ` (${t('range', { from: num(x.change.q1, locale), to: num(x.change.q3, locale) })})`}
      </td>
      <td className="num">{x.missingFollowUp}</td>
      <td className="num">{x.missingBaseline}</td>
      <td className="num">{x.notYetDue}</td>
      <td className="num">
        {x.sensitivity.k}/{x.sensitivity.n} · {proportionCell(x.sensitivity, locale)}
      </td>
      {x.goodOutcome ? (
        <td className="num">
          {x.goodOutcome.k}/{x.goodOutcome.n} · {proportionCell(x.goodOutcome, locale)}
        </td>
      ) : null}
    </tr>
  );
  return (
    <section className="panel outcomes-section" aria-labelledby="outcomes-table-title">
      <div className="panel-header">
        <h2 className="panel-title" id="outcomes-table-title">
          {t('table.title')}
        </h2>
        <ExportButton
          label={t('exportCsv')}
          fileName={csvName(report, 'outcomes')}
          text={() => outcomesCsv(t, report)}
        />
      </div>
      <DataTable columns={columns} className="outcomes-table" caption={t('table.title')}>
        {row(report.overall, true)}
        {report.strata.map((x) => row(x, false))}
      </DataTable>
      <p className="muted small outcomes-legend">{t('table.legend')}</p>
    </section>
  );
}

export function DomainsTable({ report }: { report: OutcomeReport }) {
  const { t, i18n } = useTranslation('outcomes');
  const locale = i18n.language;
  const columns = [
    t('domains.domain'),
    NUM(t('domains.rated')),
    NUM(t('domains.improved')),
    NUM(t('col.share')),
    NUM(t('domains.unchanged')),
    NUM(t('domains.worse')),
    NUM(t('domains.missing')),
  ];
  return (
    <section className="panel outcomes-section" aria-labelledby="outcomes-domains-title">
      <div className="panel-header">
        <h2 className="panel-title" id="outcomes-domains-title">
          {t('domains.title')}
        </h2>
        <ExportButton label={t('exportCsv')} fileName={csvName(report, 'domains')} text={() => domainsCsv(t, report)} />
      </div>
      <p className="muted small outcomes-legend">{t('domains.intro', { treated: report.overall.treated })}</p>
      <DataTable columns={columns} className="outcomes-table" caption={t('domains.title')}>
        {report.domains.map((d) => (
          <tr key={d.domain}>
            <th scope="row">{domainName(t, d.domain)}</th>
            <td className="num">{d.assessed}</td>
            <td className="num">{d.improved.k}</td>
            <td className="num">{proportionCell(d.improved, locale)}</td>
            <td className="num">{d.unchanged}</td>
            <td className="num">{d.worse}</td>
            <td className="num">{d.missing}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
