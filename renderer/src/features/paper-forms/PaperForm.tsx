// One instrument's blank form, generated from its definition: fields to fill, each item with a box per anchor text,
// the total and subscore boxes, and how the scale is scored — in the reader's language.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_MODES,
  type Anchor,
  type InstrumentDef,
  type ItemDef,
  TIME_POINTS,
  UNTESTABLE,
  itemKey,
  sharesAnchors,
} from '../../../../db/contract';
import { instrumentName, itemLabel, subscoreLabel, timePointName, valueText } from '../../ui/assessments/labels';

const BOX = '☐';

/** What stands beside the box: the published label ("1+", "III"), the number or UN, or the points of a word value. */
function anchorMark(a: Anchor): string {
  if (a.label !== undefined) return a.label;
  if (typeof a.value === 'number' || a.value === UNTESTABLE) return String(a.value);
  return a.points === null ? '' : String(a.points);
}

/** NIHSS items are known by their published numbers (1a, 2…); the others by their place on the form. */
const itemNumber = (item: ItemDef, i: number) => (/^\d+[a-z]?$/.test(item.code) ? item.code : String(i + 1));

export function PaperForm({ def }: { def: InstrumentDef }) {
  const { t } = useTranslation('printouts');
  const name = instrumentName(t, def);
  return (
    <article className="paper-form" aria-labelledby="paper-form-title">
      <h2 id="paper-form-title" className="paper-title">
        {name}
      </h2>
      <HeaderFields t={t} />
      {sharesAnchors(def) ? <SharedGrid def={def} /> : <ItemList def={def} />}
      <Totals def={def} />
      <section className="paper-note print-keep" aria-labelledby="paper-note">
        <h3 id="paper-note">{t('forms.scoring')}</h3>
        <p>{t(`forms.note.${def.id}`)}</p>
        <p className="small">{t('forms.source', { citation: def.source.citation })}</p>
      </section>
    </article>
  );
}

function HeaderFields({ t }: { t: TFunction }) {
  const line = (label: string) => (
    <div className="paper-field">
      <span>{label}</span>
      <span className="paper-line" />
    </div>
  );
  return (
    <div className="paper-fields print-keep">
      {line(t('forms.field.patient'))}
      {line(t('forms.field.mrn'))}
      {line(t('forms.field.date'))}
      {line(t('forms.field.assessor'))}
      <div className="paper-field paper-choices">
        <span>{t('forms.field.timePoint')}</span>
        <span>
          {TIME_POINTS.map((p) => (
            <span key={p} className="paper-choice">
              {BOX} {timePointName(t, p)}
            </span>
          ))}
        </span>
      </div>
      <div className="paper-field paper-choices">
        <span>{t('forms.field.mode')}</span>
        <span>
          {ASSESSMENT_MODES.map((m) => (
            <span key={m} className="paper-choice">
              {BOX} {t(`scores:mode.${m}`)}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}

function ItemList({ def }: { def: InstrumentDef }) {
  const { t } = useTranslation('printouts');
  return (
    <ol className="paper-items">
      {def.items.map((item, i) => (
        <li key={item.code} className="paper-item print-keep">
          <div className="paper-item-head">
            <strong>
              {itemNumber(item, i)}. {itemLabel(t, def, item)}
            </strong>
            <span className="paper-score">{t('forms.score')} ____</span>
          </div>
          {item.hint ? <p className="paper-hint">{t(`instruments:${itemKey(def, item)}.hint`)}</p> : null}
          <ul className="paper-anchors">
            {item.anchors.map((a) => (
              <li key={String(a.value)}>
                <span className="paper-box" aria-hidden="true">
                  {BOX}
                </span>
                <span className="paper-mark">{anchorMark(a)}</span>
                <span>{valueText(t, def, item, a.value).anchor}</span>
              </li>
            ))}
          </ul>
          {item.anchors.some((a) => a.value === UNTESTABLE) && item.untestableNeedsNote ? (
            <div className="paper-field">
              <span>{t('forms.untestableNote')}</span>
              <span className="paper-line" />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Instruments whose items share one scale (Ashworth, MRC, improvement): the scale once, then a row of boxes each. */
function SharedGrid({ def }: { def: InstrumentDef }) {
  const { t } = useTranslation('printouts');
  const first = def.items[0];
  if (!first) return null;
  return (
    <>
      <section className="print-keep" aria-labelledby="paper-scale">
        <h3 id="paper-scale">{t('forms.scale')}</h3>
        <dl className="paper-legend">
          {first.anchors.map((a) => (
            <div key={String(a.value)}>
              <dt>{anchorMark(a)}</dt>
              <dd>{valueText(t, def, first, a.value).anchor}</dd>
            </div>
          ))}
        </dl>
      </section>
      <table className="print-table paper-grid" aria-labelledby="paper-form-title">
        <thead>
          <tr>
            <th scope="col">{t('forms.col.item')}</th>
            {first.anchors.map((a) => (
              <th scope="col" key={String(a.value)}>
                {anchorMark(a)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {def.items.map((item) => (
            <tr key={item.code}>
              <th scope="row">{itemLabel(t, def, item)}</th>
              {item.anchors.map((a) => (
                <td key={String(a.value)} className="paper-cell">
                  {BOX}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Totals({ def }: { def: InstrumentDef }) {
  const { t } = useTranslation('printouts');
  if (def.range === null) return null;
  return (
    <div className="paper-totals print-keep">
      {def.subscoreDefs.map((s) => (
        <div key={s.code} className="paper-total">
          <span>{subscoreLabel(t, def, s.code)}</span>
          <span className="paper-total-box" />
          <span className="muted">{t('forms.range', { min: s.range.min, max: s.range.max })}</span>
        </div>
      ))}
      <div className="paper-total paper-total-main">
        <strong>{t('forms.total')}</strong>
        <span className="paper-total-box" />
        <span className="muted">{t('forms.range', { min: def.range.min, max: def.range.max })}</span>
      </div>
    </div>
  );
}
