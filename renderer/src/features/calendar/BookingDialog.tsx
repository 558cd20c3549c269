// Booking an empty slot: the patient's open course, the procedure type (its default length fills the end), room, doctor.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { useGlobalSearch, usePatient } from '../../api/patient-queries';
import { useCoursesForPatient, useProcedureTypes } from '../../api/procedure-queries';
import { Ltr, Name } from '../../ui/bidi';
import { procedureTypeName } from '../../ui/procedure-labels';
import { Button, SelectField, TextField } from '../../ui/fields';
import { focusFirstInvalid } from '../../ui/form-keys';
import { formatDay } from '../../ui/format';
import { ModalForm } from '../../ui/ModalForm';
import { clinicTimeZone } from '../../ui/time-zone';
import { fieldMessages } from '../../ui/validation-message';
import { endAfter, fromWall } from './calendar-time';
import { refusalText } from './calendar-logic';
import { SlotFields, SlotRefusal, type SlotValues } from './SlotFields';

export interface SlotDraft {
  /** Wall-clock start and end from the grid (FullCalendar runs in 'UTC' on the clinic's clock). */
  start: Date;
  end: Date;
  /** A day picked in the month overview: the time is still to choose (09:00 is offered). */
  allDay: boolean;
  roomId: number | null;
  doctorId: number | null;
}

interface Props {
  slot: SlotDraft;
  preselected: { patientId: number | null; courseId: number | null };
  onClose: () => void;
  onBooked: (p: Procedure) => void;
}

const wallInput = (d: Date) => d.toISOString().slice(0, 16);
const NINE_HOURS = 9 * 60 * 60_000;

export function BookingDialog({ slot, preselected, onClose, onBooked }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const zone = clinicTimeZone();
  const types = useProcedureTypes();
  const start0 = slot.allDay ? new Date(slot.start.getTime() + NINE_HOURS) : slot.start;
  const [search, setSearch] = useState('');
  const [patient, setPatient] = useState<{ id: number; name: string; mrn: string } | null>(null);
  const patientId = patient?.id ?? preselected.patientId;
  const courses = useCoursesForPatient(patientId);
  const found = useGlobalSearch(patient ? '' : search.trim());
  const [courseId, setCourseId] = useState<string | null>(preselected.courseId ? String(preselected.courseId) : null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [when, setWhen] = useState<SlotValues>({
    start: wallInput(start0),
    end: wallInput(slot.allDay ? endAfter(start0, 60) : slot.end),
    roomId: slot.roomId ? String(slot.roomId) : null,
    doctorId: slot.doctorId ? String(slot.doctorId) : null,
  });
  const { start, end, roomId, doctorId } = when;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const openCourses = (courses.data ?? []).filter(
    (c) => c.course.status === 'planned' || c.course.status === 'admitted',
  );
  const courseOptions = openCourses.map(({ course: c }) => ({
    value: String(c.id),
    label: t('booking.courseOption', {
      status: t(`courses:status.${c.status}`),
      from: formatDay(c.admittedOn ?? c.plannedAdmission, i18n.language) || '…',
    }),
  }));
  const given = usePatient(patient ? null : preselected.patientId).data?.patient;
  const shownPatient =
    patient ?? (given ? { id: given.id, name: `${given.familyName} ${given.givenName}`, mrn: given.mrn } : null);

  const chooseType = (v: string | null) => {
    setTypeId(v);
    const type = types.data?.find((x) => String(x.id) === v);
    if (type) setWhen((w) => ({ ...w, end: wallInput(endAfter(new Date(`${w.start}:00Z`), type.defaultMinutes)) }));
  };

  const onSubmit = async () => {
    const missing: Record<string, string> = {};
    const choose = t('booking.choose');
    if (patientId === null) missing.patient = choose;
    if (courseId === null) missing.courseId = choose;
    if (typeId === null) missing.typeId = choose;
    if (roomId === null) missing.roomId = choose;
    if (doctorId === null) missing.doctorId = choose;
    setErrors(missing);
    setRefusal(null);
    if (Object.keys(missing).length > 0) return focusFirstInvalid(formRef.current);
    setSaving(true);
    try {
      const booked = await call('procedures.book', {
        courseId: Number(courseId),
        typeId: Number(typeId),
        roomId: Number(roomId),
        doctorId: Number(doctorId),
        startsAt: fromWall(new Date(`${start}:00Z`), zone),
        endsAt: fromWall(new Date(`${end}:00Z`), zone),
      });
      onBooked(booked);
    } catch (err) {
      // The form keeps everything typed; field errors go under their fields, a clash names who holds the slot.
      const fields = err instanceof ApiCallError ? fieldMessages(t, err.fields) : {};
      setErrors(fields);
      setRefusal(Object.keys(fields).length > 0 ? null : refusalText(t, err, i18n.language));
      focusFirstInvalid(formRef.current);
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalForm
      title={t('booking.title')}
      submitLabel={t('booking.save')}
      pending={saving}
      formRef={formRef}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
      wide
    >
      {shownPatient ? (
        <div className="booking-patient" data-invalid={errors.patient ? true : undefined}>
          <span className="field-label">{t('booking.patient')}</span>
          <span>
            <Name>{shownPatient.name}</Name> <Ltr>{shownPatient.mrn}</Ltr>
          </span>
          {patient ? (
            <Button variant="ghost" onPress={() => (setPatient(null), setCourseId(null))}>
              {t('booking.otherPatient')}
            </Button>
          ) : null}
        </div>
      ) : (
        <div className="booking-search">
          <TextField
            label={t('booking.findPatient')}
            type="search"
            value={search}
            onChange={setSearch}
            description={t('booking.findHint')}
            error={errors.patient}
            isRequired
            autoFocus={preselected.patientId === null}
          />
          <ul className="booking-results" aria-label={t('booking.results')}>
            {(found.data?.patients ?? []).map((p) => (
              <li key={p.id}>
                <Button
                  variant="ghost"
                  onPress={() => setPatient({ id: p.id, name: `${p.familyName} ${p.givenName}`, mrn: p.mrn })}
                >
                  <Name>{`${p.familyName} ${p.givenName}`}</Name> <Ltr>{p.mrn}</Ltr>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {patientId !== null && courses.isSuccess && openCourses.length === 0 ? (
        <p className="banner banner-warn">{t('booking.noOpenCourse')}</p>
      ) : null}
      <div className="form-grid-2">
        <SelectField
          label={t('booking.course')}
          value={courseId}
          onChange={setCourseId}
          options={courseOptions}
          placeholder={t('booking.choose')}
          error={errors.courseId}
          isRequired
        />
        <SelectField
          label={t('booking.type')}
          value={typeId}
          onChange={chooseType}
          options={(types.data ?? []).map((x) => ({
            value: String(x.id),
            label: procedureTypeName(t, { typeCode: x.code, typeName: x.name }),
          }))}
          placeholder={t('booking.choose')}
          description={t('booking.typeHint')}
          error={errors.typeId}
          isRequired
        />
        <SlotFields value={when} onChange={setWhen} errors={errors} placeholder={t('booking.choose')} />
      </div>
      <p className="muted small">{t('booking.zoneNote', { zone })}</p>
      <SlotRefusal message={refusal} />
    </ModalForm>
  );
}
