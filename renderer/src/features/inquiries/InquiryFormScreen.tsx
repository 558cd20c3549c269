// The intake form (new and edit): every inquiry field, checked by the contract's own schema, nothing typed lost on failure.
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { useCurrentUser } from '../../api/session';
import { Loaded, Loading } from '../../ui/feedback';
import { Checkbox, CheckboxGroupField, SelectField, TextField } from '../../ui/fields';
import { PartialDateField } from '../../ui/PartialDateField';
import { useForm } from '../../ui/use-form';
import { useRecordForm } from '../../ui/use-record-form';
import { FormNotices } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormFooter';
import { FormPage } from '../../ui/FormPage';
import { ConditionsFields, StrokeFields } from '../../ui/ClinicalFields';
import { ContactFields } from '../../ui/ContactFields';
import {
  type InquiryFormValues,
  InquiryFormSchema,
  emptyFormValues,
  formValuesFrom,
  receivedDay,
} from './inquiry-form-model';
import { channelOptions, relationOptions, sexOptions, symptomOptions } from '../../ui/options';
import { saveInquiry, useInquiry, useInvalidateInquiries, useStaff } from '../../api/inquiry-queries';
import { CodeComboField } from '../../ui/CodeComboField';
import { ConflictAlert, useEditConflict } from '../../ui/ConflictAlert';
import { inquiryConflictFields } from './inquiry-conflict-fields';
import { call } from '../../api/client';
import '../../ui/records.css';

export function InquiryFormScreen({ id }: { id: number | null }) {
  const existing = useInquiry(id);
  if (id === null) return <InquiryForm inquiry={null} />;
  return <Loaded query={existing}>{(d) => <InquiryForm key={d.inquiry.version} inquiry={d.inquiry} />}</Loaded>;
}

function InquiryForm({ inquiry }: { inquiry: Inquiry | null }) {
  const { t, i18n } = useTranslation('inquiries');
  const locale = i18n.language;
  const user = useCurrentUser();
  const staff = useStaff();
  const invalidate = useInvalidateInquiries();
  const form = useForm<InquiryFormValues>(() =>
    inquiry ? formValuesFrom(inquiry) : emptyFormValues(new Date(), user.id),
  );
  const fetchCurrent = (i: Inquiry) => call('inquiries.get', { id: i.id }).then((r) => r.inquiry);
  const conflict = useEditConflict({ record: inquiry, form, fetchCurrent, toValues: formValuesFrom });
  const { formRef, draft, onSubmit, onKeyDown } = useRecordForm({
    form,
    schema: InquiryFormSchema,
    kind: 'inquiry',
    record: inquiry && { id: inquiry.id, version: conflict.version },
    save: saveInquiry,
    invalidate,
  });
  const v = form.values;

  const staffOptions = (staff.data ?? [])
    .filter((s) => s.active || String(s.id) === v.ownerId)
    .map((s) => ({ value: String(s.id), label: s.displayName }));
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
    <FormPage
      title={title}
      subtitle={
        <>
          {t('form.saveHint')} · {t('intake.sectionKeys')}
        </>
      }
      formRef={formRef}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <div className="form-section" data-form-section>
        <FormNotices form={form} draft={draft} conflict={conflict} />
        {heading(t('form.sectionContact'), 1)}
        <div className="form-grid">
          <TextField
            className="span-3"
            label={t('form.receivedAt')}
            type="datetime-local"
            {...form.bind('receivedAt')}
            isRequired
          />
          <SelectField
            className="span-3"
            label={t('form.channel')}
            {...form.bind('channel')}
            options={channelOptions(t)}
            placeholder={t('form.choose')}
            isRequired
            autoFocus={!inquiry}
          />
          <TextField
            className="span-6"
            label={t('form.contactName')}
            {...form.bind('contactName')}
            isRequired
            autoComplete="off"
          />
          <SelectField
            className="span-6"
            label={t('form.contactRelation')}
            {...form.bind('contactRelation')}
            options={relationOptions(t)}
            placeholder={t('form.choose')}
            isRequired
          />
          <ContactFields
            email={form.bind('contactEmail')}
            phone={form.bind('contactPhone')}
            messagingHandle={form.bind('messagingHandle')}
            labels={{
              email: t('form.contactEmail'),
              phone: t('form.contactPhone'),
              phoneHint: t('form.phoneHint'),
              messagingHandle: t('form.messagingHandle'),
              messagingHint: t('form.messagingHint'),
            }}
          />
          <CodeComboField
            kind="region"
            className="span-6"
            label={t('form.country')}
            {...form.bind('country')}
            locale={locale}
            placeholder={t('form.typeToSearch')}
          />
          <CodeComboField
            kind="language"
            className="span-6"
            label={t('form.preferredLanguage')}
            {...form.bind('preferredLanguage')}
            locale={locale}
            placeholder={t('form.typeToSearch')}
          />
        </div>
      </div>
      <div className="form-section" data-form-section>
        {heading(t('form.sectionPatient'), 2)}
        <div className="form-grid">
          <TextField
            className="span-6"
            label={t('form.patientName')}
            {...form.bind('patientName')}
            isRequired
            autoComplete="off"
          />
          <SelectField
            className="span-6"
            label={t('form.patientSex')}
            {...form.bind('patientSex')}
            options={sexOptions(t)}
            placeholder={t('form.choose')}
            isRequired
          />
          <PartialDateField
            className="span-3"
            label={t('form.patientBirthDate')}
            {...form.bind('patientBirthDate')}
            today={receivedDay(v.receivedAt)}
          />
          <TextField className="span-3" label={t('form.patientAge')} inputMode="numeric" {...form.bind('patientAge')} />
        </div>
      </div>
      <div className="form-section" data-form-section>
        {heading(t('intake.sectionClinical'), 3)}
        <div className="form-grid">
          <StrokeFields
            type={form.bind('diagnosis')}
            onsetDate={form.bind('strokeOnsetDate')}
            weaknessSide={form.bind('weaknessSide')}
            labels={{
              type: t('form.diagnosis'),
              onsetDate: t('form.strokeOnsetDate'),
              weaknessSide: t('intake.weaknessSide'),
              choose: t('form.choose'),
              none: t('form.none'),
            }}
            weaknessSideClassName="span-4"
            today={receivedDay(v.receivedAt)}
          />
          <CheckboxGroupField
            className="span-12"
            label={t('form.symptoms')}
            {...form.bind('symptoms')}
            options={symptomOptions(t)}
          />
          <ConditionsFields
            conditions={form.bind('conditions')}
            other={form.bind('conditionsOther')}
            labels={{ conditions: t('form.conditions'), other: t('form.conditionsOther') }}
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
            {...form.bind('ownerId')}
            options={staffOptions}
            emptyLabel={t('unassigned')}
          />
          <TextField className="span-6" label={t('form.nextFollowUp')} type="date" {...form.bind('nextFollowUp')} />
          <TextField className="span-8" label={t('form.message')} {...form.bind('message')} multiline rows={4} />
          <TextField className="span-4" label={t('form.heardAbout')} {...form.bind('heardAbout')} />
        </div>
      </div>
      <ConflictAlert conflict={conflict} fields={inquiryConflictFields(t, locale, staffOptions)} />
      <FormFooter
        cancelHref={inquiry ? hrefFor({ name: 'inquiry', id: inquiry.id }) : hrefFor({ name: 'inquiries' })}
        submitLabel={form.submitting ? t('common:actions.saving') : inquiry ? t('form.save') : t('form.create')}
        isPending={form.submitting}
      />
    </FormPage>
  );
}
