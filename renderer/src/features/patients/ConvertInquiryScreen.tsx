// Converting an accepted inquiry: the new patient prefilled from it, or a registered patient it may already be; one step.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type ConversionDraft,
  type Inquiry,
  type PatientFieldsChecked,
  type PatientMatch,
  formKey,
} from '../../../../db/contract';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { FormFooter } from '../../ui/FormFooter';
import { FormPage } from '../../ui/FormPage';
import { focusFirstInvalid, formKeyHandler } from '../../ui/form-keys';
import { useForm } from '../../ui/use-form';
import { DraftNotice } from '../../ui/DraftNotice';
import { useDraft } from '../../ui/use-draft';
import { formatPartialDate } from '../../ui/format';
import { useInquiry } from '../../api/inquiry-queries';
import { type PatientFormValues, PatientFormSchema, patientValuesFrom } from './patient-form-model';
import { PatientFieldsForm } from './PatientFieldsForm';
import { useConversionDraft, useInvalidatePatients } from '../../api/patient-queries';
import { CONVERTED_MARK } from './paths';
import './patients.css';

export function ConvertInquiryScreen({ id }: { id: number }) {
  const { t } = useTranslation('patients');
  const inquiry = useInquiry(id);
  const draft = useConversionDraft(id);
  if (inquiry.isPending || draft.isPending) return <Loading />;
  if (inquiry.isError) return <ErrorBanner error={inquiry.error} />;
  if (draft.isError) return <ErrorBanner error={draft.error} />;
  const current = inquiry.data.inquiry;
  if (current.status !== 'accepted') {
    return (
      <>
        <PageHeader title={t('convert.title', { id })} />
        <div className="banner banner-error" role="alert">
          {current.patientId !== null ? (
            <a href={hrefFor({ name: 'patient', id: current.patientId })}>{t('convert.converted')}</a>
          ) : (
            t('convert.notAccepted')
          )}
        </div>
      </>
    );
  }
  return <ConvertForm key={current.version} inquiry={current} draft={draft.data} />;
}

function ConvertForm({ inquiry, draft }: { inquiry: Inquiry; draft: ConversionDraft }) {
  const { t, i18n } = useTranslation('patients');
  const invalidate = useInvalidatePatients();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<PatientFormValues>(() => patientValuesFrom(draft.fields));
  const [target, setTarget] = useState<string>('new');
  const convert = useMutation({
    mutationFn: (
      input: { kind: 'new'; fields: z.output<typeof PatientFieldsChecked> } | { kind: 'existing'; patientId: number },
    ) => call('patients.convertInquiry', { inquiryId: inquiry.id, version: inquiry.version, target: input }),
  });

  const typed = useDraft({
    formKey: formKey('convert', inquiry.id),
    values: form.values,
    setValues: form.setValues,
    baseVersion: inquiry.version,
  });

  const done = async (patientId: number) => {
    typed.settle();
    await invalidate();
    // The patient page then offers to plan the first treatment course straight away.
    window.location.hash = `${hrefFor({ name: 'patient', id: patientId })}${CONVERTED_MARK}`;
  };

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (target !== 'new') {
      const result = await convert.mutateAsync({ kind: 'existing', patientId: Number(target) }).catch(() => null);
      if (result) await done(result.patient.id);
      return;
    }
    const ok = await form.submit(PatientFormSchema, async (fields) => {
      const result = await convert.mutateAsync({ kind: 'new', fields });
      await done(result.patient.id);
    });
    if (!ok) focusFirstInvalid(formRef.current);
  };

  const onKeyDown = formKeyHandler(
    () => formRef.current,
    () => void onSubmit(),
  );

  const matchLabel = (m: PatientMatch) =>
    t('convert.targetExisting', {
      name: `${m.patient.familyName} ${m.patient.givenName}`,
      mrn: m.patient.mrn,
      born: formatPartialDate(m.patient.birthDate, m.patient.birthDateApprox, i18n.language) || '—',
      reasons: m.reasons.map((r) => t(`matchReason.${r}`)).join(', '),
    });

  const title = t('convert.title', { id: inquiry.id });
  if (!typed.ready) return <Loading />;
  return (
    <FormPage
      title={title}
      subtitle={<>{t('convert.intro')}</>}
      formRef={formRef}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <div className="form-section">
        <ErrorBanner
          error={convert.error && !(form.formError && form.formError.code === 'VALIDATION') ? convert.error : null}
          fieldCount={Object.keys(form.errors).length}
        />
        <DraftNotice draft={typed} />
        <h2 className="section-title">{draft.matches.length > 0 ? t('convert.matchesTitle') : t('convert.target')}</h2>
        {draft.matches.length === 0 ? <p className="muted small">{t('convert.noMatches')}</p> : null}
        <RadioGroup className="convert-targets" value={target} onChange={setTarget} aria-label={t('convert.target')}>
          <Label className="visually-hidden">{t('convert.target')}</Label>
          <Radio value="new" className="choice-option">
            <span className="radio-dot" aria-hidden="true" />
            <span>{t('convert.targetNew')}</span>
          </Radio>
          {draft.matches.map((m) => (
            <Radio key={m.patient.id} value={String(m.patient.id)} className="choice-option">
              <span className="radio-dot" aria-hidden="true" />
              <span>{matchLabel(m)}</span>
            </Radio>
          ))}
        </RadioGroup>
      </div>
      {target === 'new' ? <PatientFieldsForm form={form} /> : null}
      <FormFooter
        cancelHref={hrefFor({ name: 'inquiry', id: inquiry.id })}
        submitLabel={target === 'new' ? t('convert.submitNew') : t('convert.submitExisting')}
        isPending={form.submitting || convert.isPending}
      />
    </FormPage>
  );
}
