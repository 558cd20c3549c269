// Planning a treatment course, or changing one: the stay's dates, the regimen, baseline severity and allergies; what is
// typed is kept as a draft like every other form, and leaving it unsaved asks first.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Course, CourseFieldsChecked, type Route, formKey } from '../../../../db/contract';
import { call } from '../../api/client';
import { useInvalidateCourses, usePatientCourses } from '../../api/course-queries';
import { usePatient } from '../../api/patient-queries';
import { hrefFor, navigate } from '../../app/router';
import { FormNotices } from '../DraftNotice';
import { ErrorBanner, Loading, PageHeader } from '../feedback';
import { Button, CheckboxGroupField, SelectField, TextField } from '../fields';
import { focusFirstInvalid, isSaveShortcut } from '../form-keys';
import { useDraft } from '../use-draft';
import { useForm } from '../use-form';
import { formBanner } from './form-banner';
import { routeOptions } from './labels';
import './courses.css';

interface Values {
  plannedAdmission: string;
  plannedDischarge: string;
  plannedTransplants: string;
  plannedRoutes: Route[];
  baselineSeverity: string;
  allergies: string;
  notes: string;
}

const valuesOf = (c: Course | null): Values => ({
  plannedAdmission: c?.plannedAdmission ?? '',
  plannedDischarge: c?.plannedDischarge ?? '',
  plannedTransplants: String(c?.plannedTransplants ?? 2),
  plannedRoutes: c ? [...c.plannedRoutes] : ['intrathecal'],
  baselineSeverity: c?.baselineSeverity ?? '',
  allergies: c?.allergies ?? '',
  notes: c?.notes ?? '',
});

const FormSchema = z
  .object({ plannedTransplants: z.string() })
  .passthrough()
  .transform((v) => ({ ...v, plannedTransplants: Number(v.plannedTransplants) }))
  .pipe(CourseFieldsChecked);

export function CourseFormScreen({ patientId, courseId }: { patientId: number; courseId: number | null }) {
  const patient = usePatient(patientId);
  const courses = usePatientCourses(patientId);
  if (patient.isPending || courses.isPending) return <Loading />;
  if (patient.isError) return <ErrorBanner error={patient.error} />;
  if (courses.isError) return <ErrorBanner error={courses.error} />;
  const course = courseId === null ? null : (courses.data.find((d) => d.course.id === courseId)?.course ?? null);
  const p = patient.data.patient;
  return (
    <CourseForm
      key={course?.version ?? 'new'}
      patientId={patientId}
      name={`${p.familyName} ${p.givenName}`}
      course={course}
    />
  );
}

function CourseForm({ patientId, name, course }: { patientId: number; name: string; course: Course | null }) {
  const { t } = useTranslation('courses');
  const invalidate = useInvalidateCourses();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>(() => valuesOf(course));
  const draft = useDraft({
    formKey: course ? formKey('course', course.id) : formKey('courseNew', patientId),
    values: form.values,
    setValues: form.setValues,
    baseVersion: course?.version ?? null,
  });
  const save = useMutation({
    mutationFn: (fields: z.output<typeof FormSchema>) =>
      course
        ? call('courses.update', { id: course.id, version: course.version, fields })
        : call('courses.create', { patientId, fields }),
  });
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    const ok = await form.submit(FormSchema, async (fields) => {
      await save.mutateAsync(fields);
      draft.settle();
      await invalidate();
    });
    if (ok) navigate({ name: 'patient', id: patientId });
    else focusFirstInvalid(formRef.current);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (isSaveShortcut(event)) {
      event.preventDefault();
      void onSubmit();
    }
  };
  const text = (key: 'baselineSeverity' | 'allergies' | 'notes') => ({
    value: form.values[key],
    onChange: (v: string) => form.set(key, v),
    error: form.errors[key],
  });
  const title = course ? t('form.editTitle', { number: course.number }) : t('form.newTitle');
  if (!draft.ready) return <Loading />;

  return (
    <>
      <PageHeader title={title} subtitle={name} />
      <form ref={formRef} className="panel" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={title}>
        <div className="form-section">
          {/* The banner: any refusal not already marked beside a field (a VALIDATION without fields included). */}
          <FormNotices form={form} draft={draft} conflict={{ bannerError: formBanner(form) }} />
          <h2 className="section-title">{t('form.stay')}</h2>
          <div className="form-grid">
            <TextField
              className="span-3"
              type="date"
              label={t('form.plannedAdmission')}
              value={form.values.plannedAdmission}
              onChange={(v) => form.set('plannedAdmission', v)}
              error={form.errors.plannedAdmission}
              isRequired
              autoFocus
            />
            <TextField
              className="span-3"
              type="date"
              label={t('form.plannedDischarge')}
              value={form.values.plannedDischarge}
              onChange={(v) => form.set('plannedDischarge', v)}
              error={form.errors.plannedDischarge}
              isRequired
            />
          </div>
        </div>
        <div className="form-section">
          <h2 className="section-title">{t('form.regimen')}</h2>
          <div className="form-grid">
            <SelectField
              className="span-3"
              label={t('form.plannedTransplants')}
              value={form.values.plannedTransplants}
              onChange={(v) => form.set('plannedTransplants', v ?? '')}
              options={['1', '2', '3', '4', '5', '6'].map((n) => ({ value: n, label: n }))}
              error={form.errors.plannedTransplants}
              isRequired
            />
            <CheckboxGroupField
              className="span-8"
              label={t('form.plannedRoutes')}
              value={form.values.plannedRoutes}
              onChange={(v) => form.set('plannedRoutes', v)}
              options={routeOptions(t)}
              error={form.errors.plannedRoutes}
            />
            <TextField
              className="span-6"
              label={t('form.baselineSeverity')}
              {...text('baselineSeverity')}
              description={t('form.baselineHint')}
              multiline
              rows={3}
            />
            <TextField
              className="span-6"
              label={t('form.allergies')}
              {...text('allergies')}
              description={t('form.allergiesHint')}
              multiline
              rows={3}
            />
            <TextField className="span-12" label={t('form.notes')} {...text('notes')} multiline rows={3} />
          </div>
        </div>
        <div className="form-footer">
          <a className="button button-secondary" href={hrefFor({ name: 'patient', id: patientId })}>
            {t('common:actions.cancel')}
          </a>
          <Button type="submit" variant="primary" isPending={form.submitting}>
            {course ? t('form.saveChanges') : t('form.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
