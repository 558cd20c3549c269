// Owner and next follow-up, changed in place on the detail view; an edit conflict shows beside its Save.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Inquiry } from '../../../../db/contract';
import { call } from '../../api/client';
import { ErrorBanner, SavedNote } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { useInvalidateInquiries, useStaff } from '../../api/inquiry-queries';
import { useForm } from '../../ui/use-form';
import { ConflictAlert, useEditConflict } from '../../ui/ConflictAlert';
import type { ConflictField } from '../../ui/conflict';

interface Props {
  inquiry: Inquiry;
  /**
   * The version this form's last save produced. Kept by the screen: the form is re-created (keyed by version) when
   * the record changes, which would forget its own "Saved" at the very moment it should show.
   */
  savedVersion: number | null;
  onSaved: (version: number) => void;
}

interface AssignValues {
  ownerId: string | null;
  nextFollowUp: string;
}

const assignValuesFrom = (i: Inquiry): AssignValues => ({
  ownerId: i.ownerId === null ? null : String(i.ownerId),
  nextFollowUp: i.nextFollowUp ?? '',
});

// The core checks the rest (the owner exists and is active, the date is a real one): its field errors land here too.
const AssignSchema = z
  .object({ ownerId: z.string().nullable(), nextFollowUp: z.string() })
  .transform((v) => ({ ownerId: v.ownerId === null ? null : Number(v.ownerId), nextFollowUp: v.nextFollowUp || null }));

const fetchCurrent = (i: Inquiry) => call('inquiries.get', { id: i.id }).then((r) => r.inquiry);

export function AssignForm({ inquiry, savedVersion, onSaved }: Props) {
  const { t } = useTranslation('inquiries');
  const staff = useStaff();
  const invalidate = useInvalidateInquiries();
  const form = useForm<AssignValues>(() => assignValuesFrom(inquiry));
  const conflict = useEditConflict({ record: inquiry, form, fetchCurrent, toValues: assignValuesFrom });
  const [edited, setEdited] = useState(false);
  const saved = !edited && savedVersion === inquiry.version;
  const options = (staff.data ?? [])
    .filter((s) => s.active || String(s.id) === form.values.ownerId)
    .map((s) => ({ value: String(s.id), label: s.displayName }));
  const conflictFields: ConflictField<AssignValues>[] = [
    { key: 'ownerId', label: t('detail.owner'), options },
    { key: 'nextFollowUp', label: t('detail.nextFollowUp') },
  ];
  const change = <K extends keyof AssignValues>(key: K) => ({
    ...form.bind(key),
    onChange: (value: AssignValues[K]) => {
      form.set(key, value);
      setEdited(true);
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setEdited(true);
    void form.submit(AssignSchema, async (input) => {
      const after = await call('inquiries.assign', { id: inquiry.id, version: conflict.version, ...input });
      onSaved(after.version);
      await invalidate();
    });
  };
  return (
    <form className="assign-form" onSubmit={onSubmit} noValidate aria-label={t('detail.owner')}>
      <SelectField label={t('detail.owner')} {...change('ownerId')} options={options} emptyLabel={t('unassigned')} />
      <TextField label={t('detail.nextFollowUp')} type="date" {...change('nextFollowUp')} />
      <div className="assign-actions">
        <Button type="submit" isPending={form.submitting}>
          {t('detail.saveAssignment')}
        </Button>
        <SavedNote message={saved ? t('detail.assignmentSaved') : null} />
      </div>
      <div className="span-all assign-conflict">
        <ConflictAlert conflict={conflict} fields={conflictFields} />
      </div>
      {conflict.bannerError ? (
        <div className="span-all">
          <ErrorBanner error={conflict.bannerError} />
        </div>
      ) : null}
    </form>
  );
}
