// Registering a patient directly, and editing one: the contract's own schema, nothing typed lost on failure.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Patient, PatientFieldsChecked, formKey } from '../../../../db/contract';
import { call } from '../../api/client';
import { hrefFor, navigate } from '../../app/router';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { focusFirstInvalid, isSaveShortcut } from '../../ui/form-keys';
import { useForm } from '../../ui/use-form';
import { DraftNotice } from '../../ui/DraftNotice';
import { useDraft } from '../../ui/use-draft';
import { type PatientFormValues, emptyPatientValues, patientValuesFrom, toPatientInput } from './patient-form-model';
import { PatientFieldsForm } from './PatientFieldsForm';
import { ConflictAlert, useEditConflict } from '../../ui/ConflictAlert';
import { patientConflictFields } from './patient-conflict-fields';
import { useInvalidatePatients, usePatient } from '../../api/patient-queries';
import './patients.css';

/** The same schema the core runs, fed from the form's strings. */
export const PatientFormSchema = z.preprocess((v) => toPatientInput(v as PatientFormValues), PatientFieldsChecked);

export function PatientFormScreen({ id }: { id: number | null }) {
  const existing = usePatient(id);
  if (id === null) return <PatientForm patient={null} />;
  if (existing.isPending) return <Loading />;
  if (existing.isError) return <ErrorBanner error={existing.error} />;
  return <PatientForm key={existing.data.patient.version} patient={existing.data.patient} />;
}

function PatientForm({ patient }: { patient: Patient | null }) {
  const { t, i18n } = useTranslation('patients');
  const invalidate = useInvalidatePatients();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<PatientFormValues>(() => (patient ? patientValuesFrom(patient) : emptyPatientValues()));
  const fetchCurrent = (p: Patient) => call('patients.get', { id: p.id }).then((r) => r.patient);
  const conflict = useEditConflict({ record: patient, form, fetchCurrent, toValues: patientValuesFrom });
  const save = useMutation({
    mutationFn: (fields: z.output<typeof PatientFieldsChecked>) =>
      patient
        ? call('patients.update', { id: patient.id, version: conflict.version, fields })
        : call('patients.create', fields),
  });

  const draft = useDraft({
    formKey: formKey('patient', patient?.id ?? null),
    values: form.values,
    setValues: form.setValues,
    baseVersion: patient?.version ?? null,
  });

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    const ok = await form.submit(PatientFormSchema, async (fields) => {
      const saved = await save.mutateAsync(fields);
      draft.settle();
      await invalidate();
      navigate({ name: 'patient', id: saved.id });
    });
    if (!ok) focusFirstInvalid(formRef.current);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isSaveShortcut(event)) {
      event.preventDefault();
      void onSubmit();
    }
  };

  const title = patient
    ? t('form.editTitle', { name: `${patient.familyName} ${patient.givenName}` })
    : t('form.newTitle');
  if (!draft.ready) return <Loading />;
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <span className="muted small">
            {patient ? `${patient.mrn} · ` : ''}
            {t('form.saveHint')}
          </span>
        }
      />
      <form ref={formRef} className="panel" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={title}>
        <div className="form-section form-section-banner">
          <ErrorBanner error={conflict.bannerError} fieldCount={Object.keys(form.errors).length} />
          <DraftNotice draft={draft} />
        </div>
        <PatientFieldsForm form={form} autoFocus />
        <ConflictAlert conflict={conflict} fields={patientConflictFields(t, i18n.language)} />
        <div className="form-footer">
          <a
            className="button button-secondary"
            href={patient ? hrefFor({ name: 'patient', id: patient.id }) : hrefFor({ name: 'patients' })}
          >
            {t('common:actions.cancel')}
          </a>
          <Button type="submit" variant="primary" isPending={form.submitting}>
            {form.submitting ? t('common:actions.saving') : patient ? t('form.save') : t('form.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
