// "Change status…" for a course or a procedure: only the targets this person may choose, a reason where the lifecycle
// asks for one, and the day it happened for an admission or a discharge.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { IsoDate, type Lifecycle, OptionalText, needsReason } from '../../../../db/contract';
import { SelectField, TextField } from '../fields';
import { dayOf } from '../format';
import { FormDialog, useDialogForm } from './FormDialog';

export interface LifecycleChange<S extends string> {
  to: S;
  reason: string | null;
  on: string | null;
}

interface Values<S extends string> {
  to: S | null;
  reason: string;
  on: string;
}

export function LifecycleDialog<S extends string>(p: {
  lifecycle: Lifecycle<S>;
  title: string;
  /** The targets to offer (already filtered by role); the first is chosen when there is only one. */
  targets: readonly S[];
  initial: S | null;
  /** Targets that record the day they happened (admitted, discharged). */
  dayFor?: readonly S[];
  onSave: (change: LifecycleChange<S>) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation('courses');
  const ns = p.lifecycle.entity;
  const { form, submit, frame } = useDialogForm<Values<S>>(
    { to: p.initial ?? (p.targets.length === 1 ? (p.targets[0] ?? null) : null), reason: '', on: dayOf(new Date()) },
    p.onClose,
  );
  const to = form.values.to;
  const reasonNeeded = to !== null && needsReason(p.lifecycle, to);
  const withDay = to !== null && (p.dayFor ?? []).includes(to);
  const schema = z
    .object({
      to: z.custom<S>((v) => typeof v === 'string' && p.targets.includes(v as S), t('courses:form.choose')),
      reason: reasonNeeded ? z.string().trim().min(1, 'Required').max(500) : OptionalText(500),
      on: withDay ? IsoDate : z.string(),
    })
    .transform((v) => ({ to: v.to, reason: v.reason || null, on: withDay ? v.on : null }));

  return (
    <FormDialog
      title={p.title}
      submitLabel={t('courses:statusDialog.submit')}
      {...frame}
      onSubmit={() => void submit(schema, p.onSave)}
    >
      <SelectField
        label={t('courses:statusDialog.to')}
        value={to}
        onChange={(v) => form.set('to', v)}
        options={p.targets.map((s) => ({ value: s, label: t(`${ns}:status.${s}`) }))}
        placeholder={t('courses:form.choose')}
        error={form.errors.to}
        isRequired
        autoFocus={p.initial === null}
      />
      {withDay ? (
        <TextField
          type="date"
          label={t(`courses:statusDialog.on.${to}`)}
          value={form.values.on}
          onChange={(v) => form.set('on', v)}
          error={form.errors.on}
          isRequired
          autoFocus={p.initial !== null}
        />
      ) : null}
      <TextField
        label={t('courses:statusDialog.reason')}
        value={form.values.reason}
        onChange={(v) => form.set('reason', v)}
        multiline
        rows={3}
        error={form.errors.reason}
        isRequired={reasonNeeded}
        autoFocus={p.initial !== null && !withDay}
      />
    </FormDialog>
  );
}
