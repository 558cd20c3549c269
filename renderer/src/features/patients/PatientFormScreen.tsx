// Registering a patient directly, and editing one: the contract's own schema, nothing typed lost on failure.
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { Loaded, Loading } from '../../ui/feedback';
import { useForm } from '../../ui/use-form';
import { useRecordForm } from '../../ui/use-record-form';
import { FormNotices } from '../../ui/DraftNotice';
import { FormFooter } from '../../ui/FormFooter';
import { FormPage } from '../../ui/FormPage';
import { type PatientFormValues, PatientFormSchema, emptyPatientValues, patientValuesFrom } from './patient-form-model';
import { PatientFieldsForm } from './PatientFieldsForm';
import { ConflictAlert, useEditConflict } from '../../ui/ConflictAlert';
import { patientConflictFields } from './patient-conflict-fields';
import { call } from '../../api/client';
import { savePatient, useInvalidatePatients, usePatient } from '../../api/patient-queries';
import './patients.css';

export function PatientFormScreen({ id }: { id: number | null }) {
  const existing = usePatient(id);
  if (id === null) return <PatientForm patient={null} />;
  return <Loaded query={existing}>{(d) => <PatientForm key={d.patient.version} patient={d.patient} />}</Loaded>;
}

function PatientForm({ patient }: { patient: Patient | null }) {
  const { t, i18n } = useTranslation('patients');
  const invalidate = useInvalidatePatients();
  const form = useForm<PatientFormValues>(() => (patient ? patientValuesFrom(patient) : emptyPatientValues()));
  const fetchCurrent = (p: Patient) => call('patients.get', { id: p.id }).then((r) => r.patient);
  const conflict = useEditConflict({ record: patient, form, fetchCurrent, toValues: patientValuesFrom });
  const { formRef, draft, onSubmit, onKeyDown } = useRecordForm({
    form,
    schema: PatientFormSchema,
    kind: 'patient',
    record: patient && { id: patient.id, version: conflict.version },
    save: savePatient,
    invalidate,
  });

  const title = patient
    ? t('form.editTitle', { name: `${patient.familyName} ${patient.givenName}` })
    : t('form.newTitle');
  if (!draft.ready) return <Loading />;
  return (
    <FormPage
      title={title}
      subtitle={
        <>
          {patient ? `${patient.mrn} · ` : ''}
          {t('form.saveHint')}
        </>
      }
      formRef={formRef}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
    >
      <div className="form-section form-section-banner">
        <FormNotices form={form} draft={draft} conflict={conflict} />
      </div>
      <PatientFieldsForm form={form} autoFocus />
      <ConflictAlert conflict={conflict} fields={patientConflictFields(t, i18n.language)} />
      <FormFooter
        cancelHref={patient ? hrefFor({ name: 'patient', id: patient.id }) : hrefFor({ name: 'patients' })}
        submitLabel={form.submitting ? t('common:actions.saving') : patient ? t('form.save') : t('form.create')}
        isPending={form.submitting}
      />
    </FormPage>
  );
}
