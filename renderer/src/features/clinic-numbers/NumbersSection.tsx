// One section of the clinic numbers: its heading, a Chart/Table switch where there is a chart, "Export CSV" of the
// section's table (the same figures as the chart), and an empty state when the period has nothing to count.
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvCell, toCsv } from '../../../../db/contract';
import { type Column, DataTable } from '../../ui/DataTable';
import { downloadText } from '../../ui/download';
import { EmptyState } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { OnScreen } from '../../ui/OnScreen';
import { CHART_HEIGHT } from './charts';

/** A section's table: what the screen shows, and what the CSV holds (counts and denominators in columns of their own). */
export interface NumbersTable {
  columns: readonly Column[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  csv: { header: readonly string[]; rows: readonly (readonly CsvCell[])[] };
}

export function NumbersSection(p: {
  title: string;
  /** What the figures count, under the heading (denominators, what is left out). */
  note?: ReactNode;
  /** The CSV's file name, without the period and extension. */
  file: string;
  period: string;
  table: NumbersTable;
  chart?: ReactNode;
  /** Shown instead of the chart and the table when nothing happened in the period. */
  empty?: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation('clinicNumbers');
  const id = useId();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const showTable = p.chart === undefined || view === 'table';
  const exportCsv = () => downloadText(`${p.file}_${p.period}.csv`, toCsv(p.table.csv.header, p.table.csv.rows));
  return (
    <section className="panel numbers-section" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`} className="panel-title">
          {p.title}
        </h2>
        <div className="numbers-actions">
          {p.chart !== undefined && !p.empty ? (
            <div className="numbers-switch" role="group" aria-label={t('view.label', { section: p.title })}>
              {(['chart', 'table'] as const).map((v) => (
                // Plain buttons: aria-pressed says which view is on to screen readers and to the style.
                <button key={v} type="button" className="button" aria-pressed={view === v} onClick={() => setView(v)}>
                  {t(`view.${v}`)}
                </button>
              ))}
            </div>
          ) : null}
          <Button
            variant="secondary"
            onPress={exportCsv}
            isDisabled={Boolean(p.empty)}
            aria-label={t('exportCsvOf', { section: p.title })}
          >
            {t('exportCsv')}
          </Button>
        </div>
      </div>
      <div className="panel-body">
        {p.note ? <p className="muted small numbers-note">{p.note}</p> : null}
        {p.empty ? null : p.children}
        {p.empty ? (
          <EmptyState title={p.empty} />
        ) : showTable ? (
          <DataTable columns={p.table.columns} caption={p.title} className="numbers-table">
            {p.table.rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) => (
                  <td key={i} className={isNumeric(p.table.columns[i]) ? 'num' : undefined}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        ) : (
          // Six sections, most below the fold: each chart is drawn as it comes near the screen, not all on opening.
          <OnScreen height={CHART_HEIGHT}>{p.chart}</OnScreen>
        )}
      </div>
    </section>
  );
}

const isNumeric = (c: Column | undefined): boolean => typeof c === 'object' && c.className.includes('num');
