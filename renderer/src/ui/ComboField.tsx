// A searchable picker: type to narrow a long list (countries, languages, time zones), pick with keys or the mouse.
import { Button as AriaButton, ComboBox, Input, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { FieldHelp, FieldLabel } from './fields';

export interface ComboOption {
  value: string;
  /** What the list and the input show. */
  label: string;
}

export interface ComboFieldProps<O extends ComboOption> {
  label: string;
  options: readonly O[];
  /** The picked option's value (null: none). */
  selected: string | null;
  onSelect: (value: string | null) => void;
  /** Whether an option (seen through its label) matches what is typed. */
  filter: (label: string, input: string) => boolean;
  error?: string | undefined;
  description?: string | undefined;
  placeholder?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean | undefined;
  autoFocus?: boolean;
  className?: string | undefined;
}

export function ComboField<O extends ComboOption>(p: ComboFieldProps<O>) {
  return (
    <ComboBox
      className={`field ${p.className ?? ''}`}
      defaultItems={p.options}
      selectedKey={p.selected}
      onSelectionChange={(key) => p.onSelect(key === null ? null : String(key))}
      defaultFilter={p.filter}
      menuTrigger="input"
      isRequired={p.isRequired}
      isDisabled={p.isDisabled}
      isInvalid={Boolean(p.error)}
      validationBehavior="aria"
    >
      <FieldLabel label={p.label} isRequired={p.isRequired} />
      <div className="combo">
        <Input className="input combo-input" placeholder={p.placeholder} autoFocus={p.autoFocus} />
        <AriaButton className="combo-button" aria-label={p.label}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <FieldHelp description={p.description} error={p.error} />
      <Popover className="popover">
        <ListBox className="listbox">
          {(o: O) => (
            <ListBoxItem id={o.value} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
