// Owner and next follow-up, changed in place on the detail view.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { ErrorBanner, SavedNote } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { useInvalidateInquiries, useStaff } from '../../api/inquiry-queries';
import { fieldMessages } from '../../ui/validation-message';

interface Props {
  inquiry: Inquiry;
  /**
   * The version this form's last save produced. Kept by the screen: the form is re-created (keyed by version) when
   * the record changes, which would forget its own "Saved" at the very moment it should show.
   */
  savedVersion: number | null;
  onSaved: (version: number) => void;
}

export function AssignForm({ inquiry, savedVersion, onSaved }: Props) {
  const { t } = useTranslation('inquiries');
  const staff = useStaff();
  const invalidate = useInvalidateInquiries();
  const [ownerId, setOwnerId] = useState<string | null>(inquiry.ownerId === null ? null : String(inquiry.ownerId));
  const [nextFollowUp, setNextFollowUp] = useState(inquiry.nextFollowUp ?? '');
  const [edited, setEdited] = useState(false);
  const saved = !edited && savedVersion === inquiry.version;
  const assign = useMutation({
    mutationFn: () =>
      call('inquiries.assign', {
        id: inquiry.id,
        version: inquiry.version,
        ownerId: ownerId === null ? null : Number(ownerId),
        nextFollowUp: nextFollowUp || null,
      }),
    onSuccess: async (after) => {
      onSaved(after.version);
      await invalidate();
    },
  });
  const fields = assign.error instanceof ApiCallError ? fieldMessages(t, assign.error.fields) : {};
  const options = (staff.data ?? [])
    .filter((s) => s.active || String(s.id) === ownerId)
    .map((s) => ({ value: String(s.id), label: s.displayName }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setEdited(true);
    assign.mutate();
  };
  return (
    <form className="assign-form" onSubmit={onSubmit} noValidate aria-label={t('detail.owner')}>
      <SelectField
        label={t('detail.owner')}
        value={ownerId}
        onChange={(v) => {
          setOwnerId(v);
          setEdited(true);
        }}
        options={options}
        emptyLabel={t('unassigned')}
        error={fields.ownerId}
      />
      <TextField
        label={t('detail.nextFollowUp')}
        type="date"
        value={nextFollowUp}
        onChange={(v) => {
          setNextFollowUp(v);
          setEdited(true);
        }}
        error={fields.nextFollowUp}
      />
      <div className="assign-actions">
        <Button type="submit" isPending={assign.isPending}>
          {t('detail.saveAssignment')}
        </Button>
        <SavedNote message={saved ? t('detail.assignmentSaved') : null} />
      </div>
      {assign.error && !(assign.error instanceof ApiCallError && assign.error.code === 'VALIDATION') ? (
        <div className="span-all">
          <ErrorBanner error={assign.error} />
        </div>
      ) : null}
    </form>
  );
}
