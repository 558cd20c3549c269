// The intake form (new and edit): every inquiry field, checked by the contract's own schema, nothing typed lost on failure.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Inquiry, InquiryFieldsChecked, formKey } from '../../../../db/contract';
import { call } from '../../api/client';
import { hrefFor, navigate } from '../../app/router';
import { useCurrentUser } from '../../api/session';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, Checkbox, CheckboxGroupField, SelectField, TextField } from '../../ui/fields';
import { focusFirstInvalid, isSaveShortcut, jumpToSection } from '../../ui/form-keys';
import { PartialDateField } from '../../ui/PartialDateField';
import { useForm } from '../../ui/use-form';
import { DraftNotice } from '../../ui/DraftNotice';
import { useDraft } from '../../ui/use-draft';
import { type InquiryFormValues, emptyFormValues, formValuesFrom, toFieldsInput } from './inquiry-form-model';
import {
  channelOptions,
  conditionOptions,
  diagnosisOptions,
  relationOptions,
  sexOptions,
  symptomOptions,
  weaknessSideOptions,
} from '../../ui/options';
import { useInquiry, useInvalidateInquiries, useStaff } from '../../api/inquiry-queries';
import { CodeComboField } from '../../ui/CodeComboField';
import { ConflictAlert, useEditConflict } from '../../ui/ConflictAlert';
import { inquiryConflictFields } from './inquiry-conflict-fields';
import '../../ui/records.css';

/** The same schema the core runs, fed from the form's strings. */
const FormSchema = z.preprocess((v) => toFieldsInput(v as InquiryFormValues), InquiryFieldsChecked);

export function InquiryFormScreen({ id }: { id: number | null }) {
  const existing = useInquiry(id);
  if (id === null) return <InquiryForm inquiry={null} />;
  if (existing.isPending) return <Loading />;
  if (existing.isError) return <ErrorBanner error={existing.error} />;
  return <InquiryForm key={existing.data.inquiry.version} inquiry={existing.data.inquiry} />;
}

function InquiryForm({ inquiry }: { inquiry: Inquiry | null }) {
  const { t, i18n } = useTranslation('inquiries');
  const locale = i18n.language;
  const user = useCurrentUser();
  const staff = useStaff();
  const invalidate = useInvalidateInquiries();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<InquiryFormValues>(() =>
    inquiry ? formValuesFrom(inquiry) : emptyFormValues(new Date(), user.id),
  );
  const fetchCurrent = (i: Inquiry) => call('inquiries.get', { id: i.id }).then((r) => r.inquiry);
  const conflict = useEditConflict({ record: inquiry, form, fetchCurrent, toValues: formValuesFrom });
  const save = useMutation({
    mutationFn: (fields: z.output<typeof InquiryFieldsChecked>) =>
      inquiry
        ? call('inquiries.update', { id: inquiry.id, version: conflict.version, fields })
        : call('inquiries.create', fields),
  });
  const draft = useDraft({
    formKey: formKey('inquiry', inquiry?.id ?? null),
    values: form.values,
    setValues: form.setValues,
    baseVersion: inquiry?.version ?? null,
  });
  const v = form.values;
  const e = form.errors;

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    const ok = await form.submit(FormSchema, async (fields) => {
      const saved = await save.mutateAsync(fields);
      draft.settle();
      await invalidate();
      navigate({ name: 'inquiry', id: saved.id });
    });
    if (!ok) focusFirstInvalid(formRef.current);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (jumpToSection(event, formRef.current)) return;
    if (isSaveShortcut(event)) {
      event.preventDefault();
      void onSubmit();
    }
  };

  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active || String(s.id) === v.ownerId)
    .map((s) => ({ value: String(s.id), label: s.displayName }));
  const fieldErrorCount = Object.keys(e).length;
  const title = inquiry ? t('form.editTitle', { id: inquiry.id }) : t('form.newTitle');
  /** A section's heading with its Alt+n jump (hidden from the heading's name: the hint line says it once). */
  const heading = (text: string, n: number) => (
    <h2 className="section-title">
      {text}
      <span className="muted small" aria-hidden="true">
        {' '}
        · {t('intake.sectionKey', { n })}
      </span>
    </h2>
  );

  if (!draft.ready) return <Loading />;
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <span className="muted small">
            {t('form.saveHint')} · {t('intake.sectionKeys')}
          </span>
        }
      />
      <form ref={formRef} className="panel" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={title}>
        <div className="form-section" data-form-section>
          <ErrorBanner error={conflict.bannerError} fieldCount={fieldErrorCount} />
          <DraftNotice draft={draft} />
          {heading(t('form.sectionContact'), 1)}
          <div className="form-grid">
            <TextField
              className="span-3"
              label={t('form.receivedAt')}
              type="datetime-local"
              value={v.receivedAt}
              onChange={(x) => form.set('receivedAt', x)}
              error={e.receivedAt}
              isRequired
            />
            <SelectField
              className="span-3"
              label={t('form.channel')}
              value={v.channel}
              onChange={(x) => form.set('channel', x)}
              options={channelOptions(t)}
              placeholder={t('form.choose')}
              error={e.channel}
              isRequired
              autoFocus={!inquiry}
            />
            <TextField
              className="span-6"
              label={t('form.contactName')}
              value={v.contactName}
              onChange={(x) => form.set('contactName', x)}
              error={e.contactName}
              isRequired
              autoComplete="off"
            />
            <SelectField
              className="span-6"
              label={t('form.contactRelation')}
              value={v.contactRelation}
              onChange={(x) => form.set('contactRelation', x)}
              options={relationOptions(t)}
              placeholder={t('form.choose')}
              error={e.contactRelation}
              isRequired
            />
            <TextField
              className="span-4"
              label={t('form.contactEmail')}
              type="email"
              value={v.contactEmail}
              onChange={(x) => form.set('contactEmail', x)}
              error={e.contactEmail}
              autoComplete="off"
            />
            <TextField
              className="span-4"
              label={t('form.contactPhone')}
              type="tel"
              value={v.contactPhone}
              onChange={(x) => form.set('contactPhone', x)}
              error={e.contactPhone}
              description={t('form.phoneHint')}
              autoComplete="off"
            />
            <TextField
              className="span-4"
              label={t('form.messagingHandle')}
              value={v.messagingHandle}
              onChange={(x) => form.set('messagingHandle', x)}
              error={e.messagingHandle}
              description={t('form.messagingHint')}
              autoComplete="off"
            />
            <CodeComboField
              kind="region"
              className="span-6"
              label={t('form.country')}
              value={v.country}
              onChange={(x) => form.set('country', x)}
              locale={locale}
              placeholder={t('form.typeToSearch')}
              error={e.country}
            />
            <CodeComboField
              kind="language"
              className="span-6"
              label={t('form.preferredLanguage')}
              value={v.preferredLanguage}
              onChange={(x) => form.set('preferredLanguage', x)}
              locale={locale}
              placeholder={t('form.typeToSearch')}
              error={e.preferredLanguage}
            />
          </div>
        </div>
        <div className="form-section" data-form-section>
          {heading(t('form.sectionPatient'), 2)}
          <div className="form-grid">
            <TextField
              className="span-6"
              label={t('form.patientName')}
              value={v.patientName}
              onChange={(x) => form.set('patientName', x)}
              error={e.patientName}
              isRequired
              autoComplete="off"
            />
            <SelectField
              className="span-6"
              label={t('form.patientSex')}
              value={v.patientSex}
              onChange={(x) => form.set('patientSex', x)}
              options={sexOptions(t)}
              placeholder={t('form.choose')}
              error={e.patientSex}
              isRequired
            />
            <PartialDateField
              className="span-3"
              label={t('form.patientBirthDate')}
              value={v.patientBirthDate}
              onChange={(x) => form.set('patientBirthDate', x)}
              error={e.patientBirthDate}
            />
            <TextField
              className="span-3"
              label={t('form.patientAge')}
              inputMode="numeric"
              value={v.patientAge}
              onChange={(x) => form.set('patientAge', x)}
              error={e.patientAge}
            />
          </div>
        </div>
        <div className="form-section" data-form-section>
          {heading(t('intake.sectionClinical'), 3)}
          <div className="form-grid">
            <SelectField
              className="span-4"
              label={t('form.diagnosis')}
              value={v.diagnosis}
              onChange={(x) => form.set('diagnosis', x)}
              options={diagnosisOptions(t)}
              placeholder={t('form.choose')}
              error={e.diagnosis}
              isRequired
            />
            <PartialDateField
              className="span-4"
              label={t('form.strokeOnsetDate')}
              value={v.strokeOnsetDate}
              onChange={(x) => form.set('strokeOnsetDate', x)}
              error={e.strokeOnsetDate}
            />
            <SelectField
              className="span-4"
              label={t('intake.weaknessSide')}
              value={v.weaknessSide}
              onChange={(x) => form.set('weaknessSide', x)}
              options={weaknessSideOptions(t)}
              emptyLabel={t('form.none')}
              error={e.weaknessSide}
            />
            <CheckboxGroupField
              className="span-12"
              label={t('form.symptoms')}
              value={v.symptoms}
              onChange={(x) => form.set('symptoms', x)}
              options={symptomOptions(t)}
              error={e.symptoms}
            />
            <CheckboxGroupField
              className="span-8"
              label={t('form.conditions')}
              value={v.conditions}
              onChange={(x) => form.set('conditions', x)}
              options={conditionOptions(t)}
              error={e.conditions}
            />
            <TextField
              className="span-4"
              label={t('form.conditionsOther')}
              value={v.conditionsOther}
              onChange={(x) => form.set('conditionsOther', x)}
              error={e.conditionsOther}
              isDisabled={!v.conditions.includes('other')}
              isRequired={v.conditions.includes('other')}
            />
          </div>
        </div>
        <div className="form-section" data-form-section>
          {heading(t('intake.sectionConsent'), 4)}
          <div className="form-grid">
            <div className="span-12 consent-row">
              <Checkbox isSelected={v.consentContact} onChange={(x) => form.set('consentContact', x)}>
                {t('form.consentContact')}
              </Checkbox>
              <Checkbox isSelected={v.consentDataProcessing} onChange={(x) => form.set('consentDataProcessing', x)}>
                {t('form.consentDataProcessing')}
              </Checkbox>
            </div>
          </div>
        </div>
        <div className="form-section" data-form-section>
          {heading(t('intake.sectionFollowUp'), 5)}
          <div className="form-grid">
            <SelectField
              className="span-6"
              label={t('form.owner')}
              value={v.ownerId}
              onChange={(x) => form.set('ownerId', x)}
              options={staffOptions}
              emptyLabel={t('unassigned')}
              error={e.ownerId}
            />
            <TextField
              className="span-6"
              label={t('form.nextFollowUp')}
              type="date"
              value={v.nextFollowUp}
              onChange={(x) => form.set('nextFollowUp', x)}
              error={e.nextFollowUp}
            />
            <TextField
              className="span-8"
              label={t('form.message')}
              value={v.message}
              onChange={(x) => form.set('message', x)}
              error={e.message}
              multiline
              rows={4}
            />
            <TextField
              className="span-4"
              label={t('form.heardAbout')}
              value={v.heardAbout}
              onChange={(x) => form.set('heardAbout', x)}
              error={e.heardAbout}
            />
          </div>
        </div>
        <ConflictAlert conflict={conflict} fields={inquiryConflictFields(t, locale, staffOptions)} />
        <div className="form-footer">
          <a
            className="button button-secondary"
            href={inquiry ? hrefFor({ name: 'inquiry', id: inquiry.id }) : hrefFor({ name: 'inquiries' })}
          >
            {t('common:actions.cancel')}
          </a>
          <Button type="submit" variant="primary" isPending={form.submitting}>
            {form.submitting ? t('common:actions.saving') : inquiry ? t('form.save') : t('form.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
