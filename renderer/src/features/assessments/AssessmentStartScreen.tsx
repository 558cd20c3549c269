// Starting assessments (a doctor): the time point from the patient's schedule, one or more instruments, the mode, the
// assessor and the day; each instrument becomes its own assessment, and the first opens with the rest queued.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_MODES,
  type AssessmentMode,
  type CourseDetail,
  INSTRUMENTS,
  type InstrumentId,
  type ScheduledPoint,
  TIME_POINTS,
  type TimePoint,
} from '../../../../db/contract';
import { useAssessmentSchedule, useStartAssessment } from '../../api/assessment-queries';
import { ApiCallError } from '../../api/client';
import { usePatientCourses } from '../../api/course-queries';
import { useDoctors } from '../../api/procedure-queries';
import { usePatient } from '../../api/patient-queries';
import { useCurrentUser } from '../../api/session';
import { hrefFor } from '../../app/router';
import { Name } from '../../ui/bidi';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, CheckboxGroupField, SelectField, TextField } from '../../ui/fields';
import { dayOf, formatDay, formatDayShort } from '../../ui/format';
import { assessmentHref } from './AssessmentEntryScreen';
import { instrumentName } from './instrument-text';
import './assessments.css';

/** Where an assessment attaches: a scheduled point, or (for a patient without a course) a time point alone. */
interface Place {
  courseId: number | null;
  timePoint: TimePoint;
  procedureId: number | null;
}

const placeKey = (p: Place) => `${p.courseId ?? 0}:${p.timePoint}:${p.procedureId ?? 0}`;

/** The point to offer first: the first one due or overdue, else the first not yet done. */
function firstOpen(points: readonly ScheduledPoint[]): ScheduledPoint | undefined {
  return points.find((p) => p.state === 'due' || p.state === 'overdue') ?? points.find((p) => p.state !== 'done');
}

export function AssessmentStartScreen({ patientId }: { patientId: number }) {
  const patient = usePatient(patientId);
  const schedule = useAssessmentSchedule(patientId);
  const courses = usePatientCourses(patientId);
  const error = patient.error ?? schedule.error ?? courses.error;
  if (error) return <ErrorBanner error={error} />;
  if (!patient.data || !schedule.data || !courses.data) return <Loading />;
  const p = patient.data.patient;
  return (
    <StartForm
      patientId={patientId}
      patientName={`${p.familyName} ${p.givenName}`}
      today={patient.data.today}
      points={schedule.data}
      courses={courses.data}
    />
  );
}

function StartForm(p: {
  patientId: number;
  patientName: string;
  today: string;
  points: readonly ScheduledPoint[];
  /** To name an after-procedure point by its procedure ("After transplant #1 — 2 Dec"). */
  courses: readonly CourseDetail[];
}) {
  const { t, i18n } = useTranslation('assessments');
  const me = useCurrentUser();
  const doctors = useDoctors();
  const start = useStartAssessment();
  const places: Place[] =
    p.points.length > 0
      ? p.points.map(({ courseId, timePoint, procedureId }) => ({ courseId, timePoint, procedureId }))
      : TIME_POINTS.filter((tp) => tp !== 'after_procedure').map((timePoint) => ({
          courseId: null,
          timePoint,
          procedureId: null,
        }));
  const initial = firstOpen(p.points) ?? places[0];
  const [place, setPlace] = useState<string>(initial ? placeKey(initial) : '');
  const [instruments, setInstruments] = useState<InstrumentId[]>([]);
  const [mode, setMode] = useState<AssessmentMode>('in_person');
  const [assessor, setAssessor] = useState<string>(String(me.id));
  const [day, setDay] = useState(p.today);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const courses = [...new Set(p.points.map((pt) => pt.courseId))];

  const procedures = new Map(p.courses.flatMap((c) => c.procedures).map((pr) => [pr.id, pr] as const));
  const pointText = (pl: Place) => {
    const pr = pl.procedureId === null ? undefined : procedures.get(pl.procedureId);
    const name = !pr
      ? t(`timePoint.${pl.timePoint}`)
      : pr.sequence === null
        ? t('start.afterProcedureOn', { day: formatDayShort(dayOf(pr.startsAt), i18n.language, p.today) })
        : t('start.afterTransplant', {
            number: pr.sequence,
            day: formatDayShort(dayOf(pr.startsAt), i18n.language, p.today),
          });
    return courses.length > 1 ? t('start.inCourse', { point: name, n: courses.indexOf(pl.courseId ?? 0) + 1 }) : name;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const chosen = places.find((pl) => placeKey(pl) === place);
    if (!chosen || instruments.length === 0) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const ids: number[] = [];
    try {
      // In the catalogue's order, one assessment per instrument; an existing one at this point is opened instead.
      for (const id of INSTRUMENTS.all()
        .map((d) => d.id)
        .filter((x) => instruments.includes(x))) {
        try {
          const a = await start.mutateAsync({
            patientId: p.patientId,
            ...chosen,
            instrument: { id, version: null },
            mode,
            assessorId: Number(assessor),
            assessedOn: day,
          });
          ids.push(a.id);
        } catch (err) {
          const existing = err instanceof ApiCallError ? err.details?.assessmentId : undefined;
          if (typeof existing === 'number') ids.push(existing);
          else throw err;
        }
      }
      const [first, ...rest] = ids;
      if (first !== undefined) window.location.hash = assessmentHref(first, rest);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const doctorOptions = (doctors.data ?? []).map((d) => ({ value: String(d.id), label: d.displayName }));
  if (!doctorOptions.some((o) => o.value === String(me.id))) {
    doctorOptions.unshift({ value: String(me.id), label: me.displayName });
  }

  return (
    <div className="page">
      <PageHeader
        title={t('start.title')}
        subtitle={
          <a href={hrefFor({ name: 'patient', id: p.patientId })}>
            <Name>{p.patientName}</Name>
          </a>
        }
      />
      <ErrorBanner error={error} />
      <form className="panel start-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="start-points">
          <legend className="field-label">{t('start.timePoint')}</legend>
          {p.points.length === 0 ? <p className="field-description">{t('start.noSchedule')}</p> : null}
          {places.map((pl) => {
            const sp = p.points.find((x) => placeKey(x) === placeKey(pl));
            return (
              <label key={placeKey(pl)} className="start-point">
                <input
                  type="radio"
                  name="place"
                  value={placeKey(pl)}
                  checked={place === placeKey(pl)}
                  onChange={() => setPlace(placeKey(pl))}
                />
                <span className="start-point-name">{pointText(pl)}</span>
                {sp ? (
                  <>
                    <span className="start-point-window">
                      {t('summary.window', {
                        from: formatDay(sp.from, i18n.language),
                        to: formatDay(sp.to, i18n.language),
                      })}
                    </span>
                    <span className={`state-badge state-${sp.state}`}>{t(`windowState.${sp.state}`)}</span>
                  </>
                ) : null}
              </label>
            );
          })}
        </fieldset>
        <CheckboxGroupField
          label={t('start.instruments')}
          value={instruments}
          onChange={setInstruments}
          options={INSTRUMENTS.all().map((d) => ({ value: d.id, label: instrumentName(t, d) }))}
          error={missing && instruments.length === 0 ? t('start.chooseInstrument') : undefined}
        />
        <fieldset className="start-modes">
          <legend className="field-label">{t('start.mode')}</legend>
          {ASSESSMENT_MODES.map((m) => (
            <label key={m} className="start-mode">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`mode.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="start-row">
          <SelectField
            label={t('start.assessor')}
            value={assessor}
            onChange={(v) => setAssessor(v ?? String(me.id))}
            options={doctorOptions}
          />
          <TextField label={t('start.assessedOn')} type="date" value={day} onChange={setDay} isRequired />
        </div>
        <div className="form-footer">
          <Button type="submit" variant="primary" isPending={busy}>
            {instruments.length > 1 ? t('start.submitMany', { count: instruments.length }) : t('start.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
