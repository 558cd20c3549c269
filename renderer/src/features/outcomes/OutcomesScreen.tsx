// The outcomes report: pick an instrument, a time point, a grouping and filters; read the headline in plain words,
// the honest caveat, the chart with its table, and the global impression per domain. Prints as a clean page.
import { useQuery } from '@tanstack/react-query';
import { type Dispatch, type SetStateAction, memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSTRUMENTS,
  OUTCOME_INSTRUMENTS,
  OUTCOME_TIME_POINTS,
  type OutcomeInstrument,
  type OutcomeReport,
  type OutcomeTimePoint,
  STRATIFICATIONS,
  type Stratification,
  TRANSPLANT_FILTERS,
  outcomeView,
} from '../../../../db/contract';
import { OPENING_FILTERS, outcomeInput, outcomeScreenOptions } from './queries';
import { instrumentShort, timePointName } from '../../ui/assessments/labels';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { printRecorded } from '../../ui/print/print';
import { headline, instrumentOf, stratumName } from './outcome-text';
import { OutcomesChart } from './OutcomesChart';
import { DomainsTable, StrataTable } from './OutcomesTables';
import './outcomes.css';

type Transplants = (typeof TRANSPLANT_FILTERS)[number];

/** Recorded in the audit log, then printed (the desktop window saves a PDF; the browser prints its own way). */
const printPage = (title: string) => printRecorded(title, { document: 'outcomes' });

export function OutcomesScreen() {
  const { t, i18n } = useTranslation('outcomes');
  const [instrument, setInstrument] = useState<OutcomeInstrument>(OPENING_FILTERS.instrument);
  const [timePoint, setTimePoint] = useState<OutcomeTimePoint>(OPENING_FILTERS.timePoint);
  const [stratifyBy, setStratifyBy] = useState<Stratification>('onset');
  const [transplants, setTransplants] = useState<Transplants>(OPENING_FILTERS.transplants);
  const [from, setFrom] = useState(OPENING_FILTERS.from);
  const [to, setTo] = useState(OPENING_FILTERS.to);
  const screen = useQuery(outcomeScreenOptions(outcomeInput({ instrument, timePoint, transplants, from, to })));
  const report = useMemo(() => (screen.data ? outcomeView(screen.data, stratifyBy) : null), [screen.data, stratifyBy]);
  const title = t('title');
  return (
    <div className="outcomes-screen">
      <PageHeader title={title} subtitle={t('subtitle')}>
        <Button variant="primary" className="no-print" onPress={() => void printPage(title)}>
          {t('print')}
        </Button>
      </PageHeader>
      <Controls
        instrument={instrument}
        setInstrument={setInstrument}
        timePoint={timePoint}
        setTimePoint={setTimePoint}
        stratifyBy={stratifyBy}
        setStratifyBy={setStratifyBy}
        transplants={transplants}
        setTransplants={setTransplants}
        from={from}
        setFrom={setFrom}
        to={to}
        setTo={setTo}
      />
      {screen.isError ? <ErrorBanner error={screen.error} /> : null}
      {screen.isPending ? <Loading /> : null}
      {report ? <ReportBody report={report} locale={i18n.language} /> : null}
    </div>
  );
}

type Setter<T> = Dispatch<SetStateAction<T>>;

/**
 * The report's choices. Kept apart (memo) so the answer arriving, or a new answer being fetched, does not build the six
 * fields again: only a choice changing does.
 */
const Controls = memo(function Controls(p: {
  instrument: OutcomeInstrument;
  setInstrument: Setter<OutcomeInstrument>;
  timePoint: OutcomeTimePoint;
  setTimePoint: Setter<OutcomeTimePoint>;
  stratifyBy: Stratification;
  setStratifyBy: Setter<Stratification>;
  transplants: Transplants;
  setTransplants: Setter<Transplants>;
  from: string;
  setFrom: Setter<string>;
  to: string;
  setTo: Setter<string>;
}) {
  const { t } = useTranslation('outcomes');
  return (
    <div className="outcomes-controls no-print" role="group" aria-label={t('controls')}>
      <SelectField
        label={t('instrument')}
        value={p.instrument}
        onChange={(v) => v && p.setInstrument(v)}
        options={OUTCOME_INSTRUMENTS.map((id) => ({ value: id, label: instrumentShort(t, INSTRUMENTS.latest(id)) }))}
      />
      <SelectField
        label={t('timePoint')}
        value={p.timePoint}
        onChange={(v) => v && p.setTimePoint(v)}
        options={OUTCOME_TIME_POINTS.map((point) => ({ value: point, label: timePointName(t, point) }))}
      />
      <SelectField
        label={t('stratifyBy')}
        value={p.stratifyBy}
        onChange={(v) => v && p.setStratifyBy(v)}
        options={STRATIFICATIONS.map((s) => ({ value: s, label: t(`by.${s}`) }))}
      />
      <SelectField
        label={t('transplants')}
        value={p.transplants}
        onChange={(v) => v && p.setTransplants(v)}
        options={TRANSPLANT_FILTERS.map((n) => ({ value: n, label: t(`transplantCount.${n}`) }))}
      />
      <TextField label={t('from')} type="date" value={p.from} onChange={p.setFrom} />
      <TextField label={t('to')} type="date" value={p.to} onChange={p.setTo} />
    </div>
  );
});

/** The report itself: built again only when the answer (or the grouping) changes, not on every keystroke in a field. */
const ReportBody = memo(function ReportBody({ report, locale }: { report: OutcomeReport; locale: string }) {
  const { t } = useTranslation('outcomes');
  const def = instrumentOf(report);
  const rows = [report.overall, ...report.strata].map((row) => ({ label: stratumName(t, report, row.key), row }));
  const filters = [
    report.stratifyBy === 'none' ? null : t('printBy', { by: t(`by.${report.stratifyBy}`) }),
    t('printAsOf', { day: report.asOf }),
  ].filter((x): x is string => x !== null);
  return (
    <>
      <p className="outcomes-print-title">
        {t('printTitle', { instrument: instrumentShort(t, def), point: timePointName(t, report.timePoint) })} ·{' '}
        {filters.join(' · ')}
      </p>
      <section className="panel outcomes-summary" aria-labelledby="outcomes-summary-title">
        <h2 className="visually-hidden" id="outcomes-summary-title">
          {t('summary')}
        </h2>
        <div className="panel-body">
          {headline(t, report, locale).map((line, i) => (
            <p key={i} className={i === 0 ? 'outcomes-headline' : 'outcomes-line'}>
              {line}
            </p>
          ))}
          <p className="outcomes-caveat">{t('caveat')}</p>
          <p className="muted small">{t('definition', { instrument: instrumentShort(t, def) })}</p>
        </div>
      </section>
      <section className="panel outcomes-section" aria-labelledby="outcomes-chart-title">
        <div className="panel-header">
          <h2 className="panel-title" id="outcomes-chart-title">
            {t('chart.title', { point: timePointName(t, report.timePoint) })}
          </h2>
        </div>
        <div className="panel-body">
          <OutcomesChart
            rows={rows}
            title={t('chart.title', { point: timePointName(t, report.timePoint) })}
            locale={locale}
          />
          <p className="muted small">{t('chart.legend')}</p>
        </div>
      </section>
      <StrataTable report={report} />
      <DomainsTable report={report} />
    </>
  );
});
