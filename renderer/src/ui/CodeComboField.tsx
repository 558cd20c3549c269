// A searchable picker for a country or a language: every ISO code, named in the UI language, found by typing.
import { useMemo, useState } from 'react';
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { FieldHelp } from './fields';
import { type CodeKind, type CodeOption, codeOptions, matchesCode } from './code-search';

export interface CodeComboFieldProps {
  kind: CodeKind;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** The UI language: names are shown and searched in it (and in English, and by code). */
  locale: string;
  error?: string | undefined;
  description?: string | undefined;
  placeholder?: string;
  isDisabled?: boolean;
  className?: string;
  /** Codes not to offer (e.g. languages already on the list). */
  exclude?: readonly string[];
  /** Typed text is cleared after a pick: for "add another" pickers whose value lives elsewhere. */
  clearOnPick?: boolean;
}

export function CodeComboField(p: CodeComboFieldProps) {
  const all = codeOptions(p.kind, p.locale);
  const options = useMemo(
    () => (p.exclude && p.exclude.length > 0 ? all.filter((o) => !p.exclude?.includes(o.value)) : all),
    [all, p.exclude],
  );
  // ComboBox's filter sees only an item's text: find the item's other names (English, code) through its label.
  const byLabel = useMemo(() => {
    const m = new Map<string, CodeOption[]>();
    for (const o of options) m.set(o.label, [...(m.get(o.label) ?? []), o]);
    return m;
  }, [options]);
  const filter = (text: string, input: string) => (byLabel.get(text) ?? []).some((o) => matchesCode(o, input));
  // An "add another" picker holds no value of its own: after each pick it starts afresh (empty, closed, focused).
  const [picks, setPicks] = useState(0);

  return (
    <ComboBox
      className={`field ${p.className ?? ''}`}
      defaultItems={options}
      selectedKey={p.clearOnPick ? null : p.value}
      key={picks}
      onSelectionChange={(key) => {
        if (p.clearOnPick) {
          if (key === null) return;
          p.onChange(String(key));
          setPicks((n) => n + 1);
          return;
        }
        p.onChange(key === null ? null : String(key));
      }}
      defaultFilter={filter}
      menuTrigger="input"
      isDisabled={p.isDisabled}
      isInvalid={Boolean(p.error)}
      validationBehavior="aria"
    >
      <Label className="field-label">{p.label}</Label>
      <div className="combo">
        <Input className="input combo-input" placeholder={p.placeholder} autoFocus={picks > 0} />
        <AriaButton className="combo-button" aria-label={p.label}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <FieldHelp description={p.description} error={p.error} />
      <Popover className="popover">
        <ListBox className="listbox">
          {(o: CodeOption) => (
            <ListBoxItem id={o.value} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
