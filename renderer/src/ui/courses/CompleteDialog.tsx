// "Complete…" (a doctor): the cell product, its lot, the dose, the route and the times as performed, and notes. A
// refusal (no treatment consent, a changed record) is said in words and the form stays as typed.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CompletionInput, type Procedure, type ProcedureType } from '../../../../db/contract';
import { call } from '../../api/client';
import { SelectField, TextField } from '../fields';
import { formatInstant, instantToZonedInput, zonedInputToInstant } from '../format';
import { Ltr } from '../bidi';
import { FormDialog, useDialogForm } from './FormDialog';
import { doseUnitOptions, routeOptions, typeName } from './labels';

type Schema = z.input<typeof CompletionInput>;
interface Values {
  product: string;
  lotNumber: string;
  dose: string;
  doseUnit: Schema['doseUnit'] | null;
  route: Schema['route'] | null;
  performedStart: string;
  performedEnd: string;
  notes: string;
}

/** The typed values as the contract wants them: the dose a number, the times read on the clinic's clock. */
const FormSchema = z
  .object({
    dose: z.string(),
    performedStart: z.string(),
    performedEnd: z.string(),
  })
  .passthrough()
  .transform((v) => ({
    ...v,
    dose: v.dose.trim() === '' ? Number.NaN : Number(v.dose.replace(',', '.')),
    performedStart: zonedInputToInstant(v.performedStart),
    performedEnd: zonedInputToInstant(v.performedEnd),
  }))
  .pipe(CompletionInput.omit({ id: true, version: true }));

export function CompleteDialog(p: {
  procedure: Procedure;
  type: ProcedureType | undefined;
  hasTreatmentConsent: boolean;
  onDone: () => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('procedures');
  const { procedure: pr } = p;
  const { form, submit, frame } = useDialogForm<Values>(
    {
      product: '',
      lotNumber: '',
      dose: '',
      doseUnit: 'million_cells',
      route: p.type?.route ?? null,
      performedStart: instantToZonedInput(pr.startsAt),
      performedEnd: instantToZonedInput(pr.endsAt),
      notes: '',
    },
    p.onClose,
  );
  const save = async () => {
    await submit(FormSchema, async (v) => {
      await call('procedures.complete', { ...v, id: pr.id, version: pr.version });
      await p.onDone();
    });
  };
  const field = <K extends keyof Values>(key: K) => ({
    value: form.values[key],
    onChange: (v: Values[K]) => form.set(key, v),
    error: form.errors[key],
  });

  return (
    <FormDialog
      title={t('complete.title', { number: pr.sequence ?? '–' })}
      submitLabel={t('complete.submit')}
      {...frame}
      onSubmit={() => void save()}
      wide
    >
      <p className="muted small">
        {typeName(t, pr)} · <Ltr>{formatInstant(pr.startsAt, i18n.language)}</Ltr> · {pr.roomName}
      </p>
      {p.hasTreatmentConsent ? null : (
        <div className="banner banner-warn" role="note">
          {t('complete.noConsentHint')}
        </div>
      )}
      <div className="form-grid">
        <TextField className="span-6" label={t('complete.product')} {...field('product')} isRequired autoFocus />
        <TextField className="span-6" label={t('complete.lot')} {...field('lotNumber')} isRequired />
        <TextField className="span-4" label={t('complete.dose')} {...field('dose')} inputMode="text" isRequired />
        <SelectField
          className="span-4"
          label={t('complete.doseUnit')}
          {...field('doseUnit')}
          options={doseUnitOptions(t)}
          isRequired
        />
        <SelectField
          className="span-4"
          label={t('complete.route')}
          {...field('route')}
          options={routeOptions(t)}
          isRequired
        />
        <TextField
          className="span-6"
          type="datetime-local"
          label={t('complete.start')}
          {...field('performedStart')}
          isRequired
        />
        <TextField
          className="span-6"
          type="datetime-local"
          label={t('complete.end')}
          {...field('performedEnd')}
          isRequired
        />
        <TextField className="span-12" label={t('complete.notes')} {...field('notes')} multiline rows={2} />
      </div>
    </FormDialog>
  );
}
