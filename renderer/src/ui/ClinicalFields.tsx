// The clinical fields an intake and a patient record both ask: the stroke (type, onset, weak side) and the other
// conditions checklist with its "which other" box; each caller labels them in its own words.
import { useTranslation } from 'react-i18next';
import type { CONDITIONS, DIAGNOSES, WEAKNESS_SIDES } from '../../../db/contract';
import { CheckboxGroupField, SelectField, TextField } from './fields';
import { conditionOptions, diagnosisOptions, weaknessSideOptions } from './options';
import { PartialDateField } from './PartialDateField';
import type { Bound } from './use-form';

export interface StrokeFieldsProps {
  type: Bound<(typeof DIAGNOSES)[number] | null>;
  onsetDate: Bound<string>;
  weaknessSide: Bound<(typeof WEAKNESS_SIDES)[number] | null>;
  labels: { type: string; onsetDate: string; weaknessSide: string; choose: string; none: string };
  /** The weak side's column width (the patient record puts the lesion's side beside it). */
  weaknessSideClassName: string;
  /** The day "… ago" counts back from (an intake's received day); the clinic's today when absent. */
  today?: string | undefined;
}

export function StrokeFields(p: StrokeFieldsProps) {
  const { type, onsetDate, weaknessSide, labels, weaknessSideClassName } = p;
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        className="span-4"
        label={labels.type}
        {...type}
        options={diagnosisOptions(t)}
        placeholder={labels.choose}
        isRequired
      />
      <PartialDateField className="span-4" label={labels.onsetDate} {...onsetDate} today={p.today} />
      <SelectField
        className={weaknessSideClassName}
        label={labels.weaknessSide}
        {...weaknessSide}
        options={weaknessSideOptions(t)}
        emptyLabel={labels.none}
      />
    </>
  );
}

export interface ConditionsFieldsProps {
  conditions: Bound<(typeof CONDITIONS)[number][]>;
  /** Which other condition: asked (and required) only once "other" is ticked. */
  other: Bound<string>;
  labels: { conditions: string; other: string };
}

export function ConditionsFields({ conditions, other, labels }: ConditionsFieldsProps) {
  const { t } = useTranslation();
  const hasOther = conditions.value.includes('other');
  return (
    <>
      <CheckboxGroupField className="span-8" label={labels.conditions} {...conditions} options={conditionOptions(t)} />
      <TextField className="span-4" label={labels.other} {...other} isDisabled={!hasOther} isRequired={hasOther} />
    </>
  );
}
