// Recording an adverse event (a doctor): the procedure it followed, what happened, the CTCAE grade with each grade's
// meaning, seriousness, relatedness, action and outcome; a follow-up date is asked for grade 3 or more or a serious one.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  AE_GRADES,
  AE_RECORDABLE_GRADES,
  type AdverseEvent,
  AdverseEventFieldsChecked,
  type AdverseEventFieldsInput,
  type AeCategory,
  type AeRelatedness,
  needsFollowUp,
} from '../../../../db/contract';
import { useInvalidateAdverseEvents } from '../../api/adverse-event-queries';
import { call } from '../../api/client';
import { usePatientCourses } from '../../api/course-queries';
import { usePatient } from '../../api/patient-queries';
import { hrefFor, navigate } from '../../app/router';
import { Name } from '../../ui/bidi';
import { ErrorBanner, Loading } from '../../ui/feedback';
import { Checkbox, FieldHelp, SelectField, TextField } from '../../ui/fields';
import { FormFooter } from '../../ui/FormFooter';
import { FormPage } from '../../ui/FormPage';
import { focusFirstInvalid, formKeyHandler } from '../../ui/form-keys';
import { formBanner } from '../../ui/courses/form-banner';
import { dayOf } from '../../ui/format';
import {
  categoryOptions,
  gradeMeaning,
  gradeName,
  openOutcomeOptions,
  procedureLabel,
  relatednessOptions,
} from '../../ui/adverse-events/labels';
import { useForm } from '../../ui/use-form';
import '../../ui/adverse-events/adverse-events.css';

interface Values {
  procedureId: string | null;
  onsetOn: string;
  description: string;
  category: AeCategory | null;
  categoryOther: string;
  grade: string;
  serious: boolean;
  relatedness: AeRelatedness | null;
  actionTaken: string;
  outcome: 'recovering' | 'not_recovered' | 'unknown' | null;
  followUpOn: string;
}

/** The typed strings as the contract wants them: ids and the grade numbers, empty dates null. */
const FormSchema = z
  .object({ procedureId: z.string().nullable(), grade: z.string(), followUpOn: z.string() })
  .passthrough()
  .transform((v): AdverseEventFieldsInput => ({
    ...(v as unknown as AdverseEventFieldsInput),
    procedureId: v.procedureId === null ? null : Number(v.procedureId),
    grade: v.grade === '' ? Number.NaN : Number(v.grade),
    followUpOn: v.followUpOn === '' ? null : v.followUpOn,
  }))
  .pipe(AdverseEventFieldsChecked);

export function AdverseEventFormScreen({ patientId }: { patientId: number }) {
  const patient = usePatient(patientId);
  const courses = usePatientCourses(patientId);
  const { t, i18n } = useTranslation('adverseEvents');
  if (patient.isPending || courses.isPending) return <Loading />;
  if (patient.isError) return <ErrorBanner error={patient.error} />;
  if (courses.isError) return <ErrorBanner error={courses.error} />;
  const p = patient.data.patient;
  // An event follows a procedure that was performed: the completed ones, latest first.
  const procedures = courses.data
    .flatMap((c) => c.procedures)
    .filter((pr) => pr.status === 'completed')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((pr) => ({ value: String(pr.id), label: procedureLabel(t, i18n.language, pr) }));
  return <EventForm patientId={patientId} name={`${p.familyName} ${p.givenName}`} procedures={procedures} />;
}

function EventForm(p: { patientId: number; name: string; procedures: { value: string; label: string }[] }) {
  const { t } = useTranslation('adverseEvents');
  const invalidate = useInvalidateAdverseEvents();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>({
    procedureId: null,
    onsetOn: dayOf(new Date()),
    description: '',
    category: null,
    categoryOther: '',
    grade: '',
    serious: false,
    relatedness: null,
    actionTaken: '',
    outcome: 'recovering',
    followUpOn: '',
  });
  const save = useMutation({
    mutationFn: (fields: z.output<typeof FormSchema>) =>
      call('adverseEvents.record', { patientId: p.patientId, fields }),
  });
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    let saved: AdverseEvent | null = null;
    const ok = await form.submit(FormSchema, async (fields) => {
      saved = await save.mutateAsync(fields);
      await invalidate();
    });
    if (ok && saved) navigate({ name: 'adverseEvent', id: (saved as AdverseEvent).id });
    else focusFirstInvalid(formRef.current);
  };
  const onKeyDown = formKeyHandler(
    () => formRef.current,
    () => void onSubmit(),
  );
  const v = form.values;
  const followUpNeeded = v.grade !== '' && needsFollowUp(Number(v.grade), v.serious);
  const title = t('form.title');

  return (
    <FormPage
      title={title}
      subtitle={<Name>{p.name}</Name>}
      formRef={formRef}
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={onKeyDown}
    >
      <div className="form-section">
        <ErrorBanner error={formBanner(form)} />
        <h2 className="section-title">{t('form.what')}</h2>
        <div className="form-grid">
          <SelectField
            className="span-6"
            label={t('form.procedure')}
            {...form.bind('procedureId')}
            options={p.procedures}
            emptyLabel={t('form.noProcedure')}
            description={t('form.procedureHint')}
            autoFocus
          />
          <TextField className="span-3" type="date" label={t('form.onset')} {...form.bind('onsetOn')} isRequired />
          <SelectField
            className="span-3"
            label={t('form.category')}
            {...form.bind('category')}
            options={categoryOptions(t)}
            isRequired
          />
          {v.category === 'other' ? (
            <TextField className="span-6" label={t('form.categoryOther')} {...form.bind('categoryOther')} isRequired />
          ) : null}
          <TextField
            className="span-12"
            label={t('form.description')}
            {...form.bind('description')}
            multiline
            rows={3}
            isRequired
          />
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.severity')}</h2>
        <div className="form-grid">
          <GradeField value={v.grade} onChange={(g) => form.set('grade', g)} error={form.errors.grade} />
          <div className="ae-side">
            <Checkbox isSelected={v.serious} onChange={(s) => form.set('serious', s)}>
              {t('form.serious')}
            </Checkbox>
            <p className="muted small">{t('form.seriousHint')}</p>
            <SelectField
              label={t('form.relatedness')}
              {...form.bind('relatedness')}
              options={relatednessOptions(t)}
              isRequired
            />
            {followUpNeeded || v.followUpOn !== '' ? (
              <TextField
                type="date"
                label={t('form.followUp')}
                {...form.bind('followUpOn')}
                description={followUpNeeded ? t('form.followUpNeeded') : undefined}
                isRequired={followUpNeeded}
              />
            ) : null}
          </div>
        </div>
      </div>
      <div className="form-section">
        <h2 className="section-title">{t('form.management')}</h2>
        <div className="form-grid">
          <TextField className="span-8" label={t('form.action')} {...form.bind('actionTaken')} multiline rows={2} />
          <SelectField
            className="span-4"
            label={t('form.outcome')}
            {...form.bind('outcome')}
            options={openOutcomeOptions(t)}
            description={t('form.outcomeHint')}
            isRequired
          />
        </div>
      </div>
      <FormFooter
        cancelHref={hrefFor({ name: 'patient', id: p.patientId })}
        submitLabel={t('form.submit')}
        isPending={form.submitting}
      />
    </FormPage>
  );
}

/** CTCAE grades as radios, each with its meaning; grade 5 is shown for the scale's sake but set by "Mark fatal". */
function GradeField(p: { value: string; onChange: (v: string) => void; error: string | undefined }) {
  const { t } = useTranslation('adverseEvents');
  const recordable = new Set<number>(AE_RECORDABLE_GRADES);
  return (
    <RadioGroup
      className="field ae-grade-field"
      value={p.value === '' ? null : p.value}
      onChange={p.onChange}
      isRequired
      isInvalid={Boolean(p.error)}
      validationBehavior="aria"
    >
      <Label className="field-label">
        {t('form.grade')}
        <span className="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      </Label>
      <div className="ae-grades">
        {AE_GRADES.map((g) => (
          <Radio key={g} value={String(g)} className="ae-grade-option" isDisabled={!recordable.has(g)}>
            <span className="radio-dot" aria-hidden="true" />
            <span>
              <span className="ae-grade-name">{gradeName(t, g)}</span>{' '}
              <span className="small">{gradeMeaning(t, g)}</span>
              {recordable.has(g) ? null : <span className="muted small"> {t('form.gradeFiveHint')}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldHelp error={p.error} />
    </RadioGroup>
  );
}
