// One item of an instrument as a radio group: every allowed value with its published anchor text, number keys to pick
// (digits typed together combine), Enter to move on, Delete to clear; the untestable reason where the scale asks.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type InstrumentDef, type ItemDef, type ItemValue, UNTESTABLE } from '../../../../db/contract';
import { TextField } from '../../ui/fields';
import { anchorLabel, anchorText, itemHint, itemLabel, itemTag } from './instrument-text';
import { EMPTY_BUFFER, type KeyBuffer, isValueKey, pickValue } from './value-keys';

/** A DOM id for an item (codes hold dots and "+"). */
export const itemDomId = (code: string) => `item-${code.replace(/[^a-z0-9_-]/gi, '_')}`;

/** Focuses an item: its chosen value, else its first value. */
export function focusItem(code: string): void {
  const group = document.getElementById(itemDomId(code));
  const radio =
    group?.querySelector<HTMLInputElement>('input[type=radio]:checked') ??
    group?.querySelector<HTMLInputElement>('input[type=radio]');
  radio?.focus({ preventScroll: true });
  // The whole item in view (its legend too), below the sticky summary bar: scroll-margin in assessments.css.
  group?.scrollIntoView({ block: 'nearest' });
}

export function ItemField(p: {
  def: InstrumentDef;
  item: ItemDef;
  value: ItemValue | undefined;
  note: string;
  noteError: string | undefined;
  onChange: (value: ItemValue | null) => void;
  onNote: (note: string) => void;
  /** Enter: the next item (or the Sign button after the last). */
  onNext: () => void;
}) {
  const { t } = useTranslation('assessments');
  const { def, item } = p;
  const buffer = useRef<KeyBuffer>(EMPTY_BUFFER);
  const id = itemDomId(item.code);
  const hint = itemHint(t, def, item);

  const onKeyDown = (e: React.KeyboardEvent<HTMLFieldSetElement>) => {
    if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'radio') return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      p.onNext();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      buffer.current = EMPTY_BUFFER;
      p.onChange(null);
    } else if (isValueKey(e.key)) {
      e.preventDefault();
      const picked = pickValue(item, buffer.current, e.key, e.timeStamp);
      buffer.current = picked.buffer;
      if (picked.value === undefined) return;
      p.onChange(picked.value);
      const index = item.anchors.findIndex((a) => a.value === picked.value);
      e.currentTarget.querySelectorAll<HTMLInputElement>('input[type=radio]')[index]?.focus({ preventScroll: true });
    }
  };

  return (
    <fieldset
      className={`entry-item${p.value === undefined ? ' entry-item-missing' : ''}`}
      id={id}
      onKeyDown={onKeyDown}
    >
      <legend className="entry-item-legend">
        <span className="entry-item-code">{itemTag(def, item.code)}</span> {itemLabel(t, def, item)}
      </legend>
      {hint ? <p className="entry-item-hint">{hint}</p> : null}
      <div className="entry-anchors">
        {item.anchors.map((a) => (
          <label key={String(a.value)} className="entry-anchor">
            <input
              type="radio"
              name={id}
              value={String(a.value)}
              checked={p.value === a.value}
              onChange={() => p.onChange(a.value)}
            />
            <span className="entry-anchor-label">{anchorLabel(a)}</span>
            <span className="entry-anchor-text">{anchorText(t, def, item, a)}</span>
          </label>
        ))}
      </div>
      {item.untestableNeedsNote && p.value === UNTESTABLE ? (
        <TextField
          className="entry-note"
          label={t('entry.untestableNote')}
          isRequired
          value={p.note}
          onChange={p.onNote}
          error={p.noteError}
        />
      ) : null}
    </fieldset>
  );
}
