// Registering a patient directly, and editing one: the contract's own schema, nothing typed lost on failure.
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Patient, PatientFieldsChecked } from '../../../../db/contract';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { Loaded, Loading, PageHeader } from '../../ui/feedback';
import { useForm } from '../../ui/use-form';
import { useRecordForm } from '../../ui/use-record-form';
import { FormNotices } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormFooter';
import { type PatientFormValues, emptyPatientValues, patientValuesFrom, toPatientInput } from './patient-form-model';
import { PatientFieldsForm } from './PatientFieldsForm';
import { useInvalidatePatients, usePatient } from '../../api/patient-queries';
import './patients.css';

/** The same schema the core runs, fed from the form's strings. */
export const PatientFormSchema = z.preprocess((v) => toPatientInput(v as PatientFormValues), PatientFieldsChecked);

const savePatient = (was: Pick<Patient, 'id' | 'version'> | null, fields: z.output<typeof PatientFieldsChecked>) =>
  was ? call('patients.update', { id: was.id, version: was.version, fields }) : call('patients.create', fields);

export function PatientFormScreen({ id }: { id: number | null }) {
  const existing = usePatient(id);
  if (id === null) return <PatientForm patient={null} />;
  return <Loaded query={existing}>{(d) => <PatientForm key={d.patient.version} patient={d.patient} />}</Loaded>;
}

function PatientForm({ patient }: { patient: Patient | null }) {
  const { t } = useTranslation('patients');
  const invalidate = useInvalidatePatients();
  const form = useForm<PatientFormValues>(() => (patient ? patientValuesFrom(patient) : emptyPatientValues()));
  const { formRef, draft, onSubmit, onKeyDown } = useRecordForm({
    form,
    schema: PatientFormSchema,
    kind: 'patient',
    record: patient,
    save: savePatient,
    invalidate,
  });

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
          <FormNotices form={form} draft={draft} />
        </div>
        <PatientFieldsForm form={form} autoFocus />
        <FormFooter
          cancelHref={patient ? hrefFor({ name: 'patient', id: patient.id }) : hrefFor({ name: 'patients' })}
          submitLabel={form.submitting ? t('common:actions.saving') : patient ? t('form.save') : t('form.create')}
          isPending={form.submitting}
        />
      </form>
    </>
  );
}
