// A searchable picker for a country or a language: every ISO code, named in the UI language, found by typing.
import { useMemo, useState } from 'react';
import { ComboField } from './ComboField';
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
    <ComboField
      key={picks}
      label={p.label}
      options={options}
      selected={p.clearOnPick ? null : p.value}
      onSelect={(value) => {
        if (!p.clearOnPick) return p.onChange(value);
        if (value === null) return;
        p.onChange(value);
        setPicks((n) => n + 1);
      }}
      filter={filter}
      error={p.error}
      description={p.description}
      placeholder={p.placeholder}
      isDisabled={p.isDisabled}
      autoFocus={picks > 0}
      className={p.className}
    />
  );
}
