// A signed version (or any version a coordinator reads): each item with its value and anchor text, no inputs.
import { useTranslation } from 'react-i18next';
import { type InstrumentDef, type ItemValue, anchorFor } from '../../../../db/contract';
import { anchorLabel, anchorText, itemLabel, itemTag } from './instrument-text';

export function ReadOnlyItems(p: {
  def: InstrumentDef;
  values: Readonly<Record<string, ItemValue>>;
  notes: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation('assessments');
  return (
    <table className="table entry-readonly">
      <caption className="visually-hidden">{t('entry.readOnlyCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('entry.item')}</th>
          <th scope="col">{t('entry.value')}</th>
          <th scope="col">{t('entry.meaning')}</th>
        </tr>
      </thead>
      <tbody>
        {p.def.items.map((item) => {
          const anchor = anchorFor(item, p.values[item.code]);
          const note = p.notes[item.code];
          return (
            <tr key={item.code}>
              <th scope="row">
                <span className="entry-item-code">{itemTag(p.def, item.code)}</span> {itemLabel(t, p.def, item)}
              </th>
              <td className="entry-readonly-value">{anchor ? anchorLabel(anchor) : '–'}</td>
              <td>
                {anchor ? anchorText(t, p.def, item, anchor) : t('entry.notEntered')}
                {note ? <div className="entry-readonly-note">{note}</div> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
