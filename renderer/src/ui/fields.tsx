// Labelled form controls built on react-aria-components: one look, visible focus, the field's error under it.
import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';

interface BaseFieldProps {
  label: string;
  error?: string | undefined;
  description?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  className?: string;
}

/** A field's label, with a star (silent: the field itself says it is required) when it must be filled. */
export function FieldLabel({ label, isRequired }: { label: string; isRequired?: boolean | undefined }) {
  return (
    <Label className="field-label">
      {label}
      {isRequired ? (
        <span className="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </Label>
  );
}

/** Under a field: its hint until there is an error, then the error. */
export function FieldHelp({ description, error }: { description?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {description && !error ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}

export interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'datetime-local' | 'number' | 'search';
  name?: string;
  autoFocus?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  /** A stable id for the input itself (e.g. for a shortcut that focuses it). */
  inputId?: string;
  onBlur?: () => void;
}

export function TextField(p: TextFieldProps) {
  return (
    <AriaTextField
      className={`field ${p.className ?? ''}`}
      value={p.value}
      onChange={p.onChange}
      isRequired={p.isRequired}
      isDisabled={p.isDisabled}
      isInvalid={Boolean(p.error)}
      validationBehavior="aria"
      name={p.name}
      type={p.multiline ? undefined : p.type}
      autoFocus={p.autoFocus}
      autoComplete={p.autoComplete}
      inputMode={p.inputMode}
      onBlur={p.onBlur}
    >
      <FieldLabel label={p.label} isRequired={p.isRequired} />
      {p.multiline ? (
        <TextArea className="input" rows={p.rows ?? 4} placeholder={p.placeholder} id={p.inputId} />
      ) : (
        <Input className="input" placeholder={p.placeholder} id={p.inputId} />
      )}
      <FieldHelp description={p.description} error={p.error} />
    </AriaTextField>
  );
}

/** A list's filter bar: the search box first (what most people use), then the list's own filters. */
export function FilterBar(p: {
  label: string;
  placeholder: string;
  text: string;
  onText: (text: string) => void;
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="filter-bar" role="search">
      <TextField
        label={p.label}
        type="search"
        value={p.text}
        onChange={p.onText}
        placeholder={p.placeholder}
        autoFocus={p.autoFocus}
      />
      {p.children}
    </div>
  );
}

export interface Option<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> extends BaseFieldProps {
  value: V | null;
  onChange: (value: V | null) => void;
  options: readonly Option<V>[];
  placeholder?: string;
  /** Adds a first entry that clears the choice. */
  emptyLabel?: string;
  autoFocus?: boolean;
}

const EMPTY_KEY = '__empty__';

export function SelectField<V extends string>(p: SelectFieldProps<V>) {
  const items = p.emptyLabel ? [{ value: EMPTY_KEY, label: p.emptyLabel }, ...p.options] : [...p.options];
  return (
    <Select
      className={`field ${p.className ?? ''}`}
      selectedKey={p.value ?? (p.emptyLabel ? EMPTY_KEY : null)}
      onSelectionChange={(key) => p.onChange(key === EMPTY_KEY || key === null ? null : (String(key) as V))}
      isRequired={p.isRequired}
      isDisabled={p.isDisabled}
      isInvalid={Boolean(p.error)}
      validationBehavior="aria"
      placeholder={p.placeholder ?? ''}
      autoFocus={p.autoFocus}
    >
      <FieldLabel label={p.label} isRequired={p.isRequired} />
      <AriaButton className="input select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </AriaButton>
      <FieldHelp description={p.description} error={p.error} />
      <Popover className="popover">
        <ListBox className="listbox" items={items}>
          {(item) => (
            <ListBoxItem id={item.value} className="listbox-item" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

export interface CheckboxGroupFieldProps<V extends string> extends BaseFieldProps {
  value: readonly V[];
  onChange: (value: V[]) => void;
  options: readonly Option<V>[];
}

export function CheckboxGroupField<V extends string>(p: CheckboxGroupFieldProps<V>) {
  return (
    <AriaCheckboxGroup
      className={`field checkbox-group ${p.className ?? ''}`}
      value={[...p.value]}
      onChange={(v) => p.onChange(v as V[])}
      isInvalid={Boolean(p.error)}
      isDisabled={p.isDisabled}
      validationBehavior="aria"
    >
      <Label className="field-label">{p.label}</Label>
      <div className="checkbox-grid">
        {p.options.map((o) => (
          <Checkbox key={o.value} value={o.value}>
            {o.label}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field-error">{p.error}</FieldError>
    </AriaCheckboxGroup>
  );
}

export function Checkbox(p: {
  value?: string;
  isSelected?: boolean;
  onChange?: (v: boolean) => void;
  children: ReactNode;
  isInvalid?: boolean;
}) {
  return (
    <AriaCheckbox
      className="checkbox"
      value={p.value}
      isSelected={p.isSelected}
      onChange={p.onChange}
      isInvalid={p.isInvalid}
    >
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 16 16" className="checkbox-mark">
          <polyline points="3.5 8.5 6.5 11.5 12.5 4.5" />
        </svg>
      </span>
      <span>{p.children}</span>
    </AriaCheckbox>
  );
}

export interface ButtonProps extends AriaButtonProps {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  children: ReactNode;
}

/**
 * `isPending` is handled here, not by react-aria: its pending button announces itself through a live-region
 * `role="img"` labelled by the button's id, and when the button is gone on success (a dialog closes, a screen is
 * left) that img is unnamed for seconds (axe: role-img-alt). Pending here means: shown as busy, disabled for
 * assistive technology, presses ignored, and a submit button stops submitting, so a second Enter does nothing.
 */
export function Button({ variant = 'secondary', className, isPending, onPress, type, ...rest }: ButtonProps) {
  const pending = isPending === true;
  return (
    <AriaButton
      {...rest}
      type={pending && type === 'submit' ? 'button' : type}
      onPress={pending ? undefined : onPress}
      aria-disabled={pending ? true : rest['aria-disabled']}
      className={[
        `button button-${variant}`,
        pending ? 'button-pending' : '',
        typeof className === 'string' ? className : '',
      ]
        .filter(Boolean)
        .join(' ')}
    />
  );
}
