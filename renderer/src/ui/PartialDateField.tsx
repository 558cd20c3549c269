// One text box for a date as a caller gives it ("8 mo ago", "04/2026", "12.04.2026", "2026年4月"): one Tab stop.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields';
import { formatPartialDate } from './format';
import { readDateField } from './partial-date';

export interface PartialDateFieldProps {
  label: string;
  /** The text as typed; the form turns it into a partial date with `dateFromText` when it saves. */
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  className?: string;
  /** The day "… ago" counts back from: an intake's received day; the clinic's today when absent (tests pin it). */
  today?: string | undefined;
}

/** Shows what it understood beside the box ("≈ April 2026 (approximate)"), or says it cannot read the text. */
export function PartialDateField(p: PartialDateFieldProps) {
  const { t, i18n } = useTranslation('common');
  const [left, setLeft] = useState(false);
  const state = readDateField(p.value, p.today);
  const reading =
    state.kind === 'read'
      ? `${formatPartialDate(state.reading.value, state.reading.approx, i18n.language, true)}` +
        (state.reading.approx ? ` ${t('dates.approximate')}` : '')
      : undefined;
  // While typing, half a date is not an error yet; once the person moves on (or saves), it is.
  const unreadable = state.kind === 'unreadable' && (left || Boolean(p.error));
  return (
    <TextField
      className={p.className}
      label={p.label}
      value={p.value}
      onChange={(x) => {
        setLeft(false);
        p.onChange(x);
      }}
      onBlur={() => setLeft(true)}
      error={unreadable ? t('dates.unreadable', { field: p.label, text: p.value.trim() }) : p.error}
      description={reading ?? t('dates.hint')}
      autoComplete="off"
    />
  );
}
