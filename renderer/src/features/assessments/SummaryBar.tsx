// The bar that stays in view while entering: total (or running sum), subscores, "12 of 15 items" with links to the
// missing ones, the time point's window, the autosave status (a polite live region) and the Sign/Amend action.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, InstrumentDef, Score } from '../../../../db/contract';
import { SavedNote } from '../../ui/feedback';
import { formatDay } from '../../ui/format';
import { focusItem, itemDomId } from './ItemField';
import { instrumentShortName, itemTag, subscoreLabel } from './instrument-text';

/** "12 / 42" once complete; "so far 12 / 42" while items are missing; "—" for scales read item by item. */
export function totalText(t: TFunction, def: InstrumentDef, score: Score): string {
  if (def.range === null) return t('assessments:summary.noTotal');
  if (score.total !== null) return t('assessments:summary.totalOf', { total: score.total, max: def.range.max });
  return t('assessments:summary.sumSoFar', { sum: score.sum, max: def.range.max });
}

export function SummaryBar(p: {
  assessment: Assessment;
  def: InstrumentDef;
  score: Score;
  /** The autosave's words; null where nothing is being edited. */
  status: string | null;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation('assessments');
  const { def, score, assessment: a } = p;
  const done = def.items.length - score.missing.length;
  return (
    <section className="entry-summary" aria-label={t('summary.label')}>
      <div className="entry-summary-main">
        <strong className="entry-summary-name">{instrumentShortName(t, def)}</strong>
        <div className="entry-summary-total">
          <span className="entry-summary-key">{t('summary.total')}</span>{' '}
          <strong className="entry-summary-value">{totalText(t, def, score)}</strong>
        </div>
        {def.subscoreDefs.map((s) => (
          <div key={s.code} className="entry-summary-sub">
            <span className="entry-summary-key">{subscoreLabel(t, def, s.code, s.label)}</span>{' '}
            <strong>{score.subscores[s.code] ?? '–'}</strong>
          </div>
        ))}
        <div className="entry-summary-done">
          <strong>{t('summary.itemsOf', { done, count: def.items.length })}</strong>
        </div>
        {a.window ? (
          <div className={a.outsideWindow ? 'entry-summary-window entry-window-out' : 'entry-summary-window'}>
            {t('summary.window', {
              from: formatDay(a.window.from, i18n.language),
              to: formatDay(a.window.to, i18n.language),
            })}
            {a.outsideWindow ? <strong> · {t('summary.outsideWindow')}</strong> : null}
          </div>
        ) : null}
        <div className="entry-summary-actions">
          {p.status !== null ? <SavedNote message={p.status} className="entry-save-status" /> : null}
          {p.children}
        </div>
      </div>
      {score.missing.length > 0 && p.status !== null ? (
        <div className="entry-summary-missing">
          <span className="entry-summary-key">{t('summary.missing')}</span>
          <ul className="entry-missing-list">
            {score.missing.map((code) => (
              <li key={code}>
                <a
                  href={`#${itemDomId(code)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusItem(code);
                  }}
                >
                  {itemTag(def, code)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
