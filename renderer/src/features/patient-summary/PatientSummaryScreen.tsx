// One patient's record on paper: demographics, courses, procedures with their lots, consents, scores over time with
// their charts, and adverse events. Composed from the patient page's own queries (opening it is an audited view).
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AdverseEvent,
  Completion,
  CourseDetail,
  HistoryPoint,
  InstrumentId,
  PatientDetail,
} from '../../../../db/contract';
import { usePatientScores } from '../../api/assessment-history-queries';
import { usePatientAdverseEvents } from '../../api/adverse-event-queries';
import { useClinicSettings, usePatientCourses } from '../../api/course-queries';
import { usePatient } from '../../api/patient-queries';
import { hrefFor } from '../../app/router';
import { eventName, gradeShort, outcomeName, relatednessName, statusName } from '../../ui/adverse-events/labels';
import { axisOf, pointName } from '../../ui/assessments/PatientAssessmentsPanel';
import { ScoreChart, signed } from '../../ui/assessments/ScoreChart';
import { definitionOf, formatScore, instrumentName } from '../../ui/assessments/labels';
import { Ltr, Name } from '../../ui/bidi';
import { consentLabel, routeLabel } from '../../ui/courses/labels';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { ageOn, formatDay, formatInstant, formatList, formatPartialDate } from '../../ui/format';
import { countryName, languageName } from '../../ui/options';
import { PrintSheet } from '../../ui/print/PrintSheet';
import { PrintTable } from '../../ui/print/PrintTable';
import { printRecorded } from '../../ui/print/print';
import { procedureStatusName, procedureTypeName } from '../../ui/procedure-labels';
import '../../ui/assessments/assessments.css';
import './patient-summary.css';

/** The chart's width on A4 portrait inside 14 mm margins (≈ 680 CSS px), with room to spare. */
const CHART_WIDTH = 660;

export function PatientSummaryScreen({ id }: { id: number }) {
  const patient = usePatient(id);
  const courses = usePatientCourses(id);
  const scores = usePatientScores(id);
  const events = usePatientAdverseEvents(id);
  const clinic = useClinicSettings();
  const error = patient.error ?? courses.error ?? scores.error ?? events.error ?? clinic.error;
  if (error) return <ErrorBanner error={error} />;
  if (!patient.data || !courses.data || !scores.data || !events.data || !clinic.data) return <Loading />;
  return (
    <Summary
      detail={patient.data}
      courses={courses.data}
      points={scores.data}
      events={events.data}
      clinic={clinic.data.name}
    />
  );
}

type Data = { detail: PatientDetail; courses: CourseDetail[]; points: HistoryPoint[]; events: AdverseEvent[] };

function Summary(p: Data & { clinic: string }) {
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  const pt = p.detail.patient;
  const name = `${pt.familyName} ${pt.givenName}`;
  const title = t('summary.fileTitle', { name, mrn: pt.mrn });
  return (
    <div className="print-screen summary-screen">
      <PageHeader title={t('summary.title')} subtitle={<Name>{name}</Name>}>
        <a className="button button-secondary" href={hrefFor({ name: 'patient', id: pt.id })}>
          {t('summary.back')}
        </a>
        <Button
          variant="primary"
          onPress={() => void printRecorded(title, { document: 'patientSummary', patientId: pt.id })}
        >
          {t('print')}
        </Button>
      </PageHeader>
      <PrintSheet
        clinic={p.clinic}
        title={t('summary.title')}
        printed={t('printedOn', { date: formatInstant(new Date().toISOString(), locale) })}
        label={t('summary.title')}
      >
        <Demographics {...p} />
        <Courses courses={p.courses} />
        <Procedures courses={p.courses} />
        <Consents courses={p.courses} />
        <Scores points={p.points} courses={p.courses} />
        <Events events={p.events} />
      </PrintSheet>
    </div>
  );
}

function Demographics({ detail, courses }: Data) {
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  const { patient: p, today } = detail;
  const none = t('none');
  const allergies = [...new Set(courses.map((c) => c.course.allergies).filter((a): a is string => !!a))];
  const comorbidities = [
    ...p.comorbidities.filter((c) => c !== 'other').map((c) => t(`inquiries:condition.${c}`)),
    ...(p.comorbiditiesOther ? [p.comorbiditiesOther] : []),
  ];
  const facts: [string, ReactNode][] = [
    [t('patients:detail.mrn'), <Ltr key="mrn">{p.mrn}</Ltr>],
    [t('patients:detail.nativeName'), p.nativeName ? <Name>{p.nativeName}</Name> : none],
    [
      t('patients:detail.birthDate'),
      p.birthDate
        ? `${formatPartialDate(p.birthDate, p.birthDateApprox, locale)} (${t('patients:age', {
            count: ageOn(p.birthDate, today),
          })})`
        : none,
    ],
    [t('patients:detail.sex'), t(`inquiries:sex.${p.sex}`)],
    [t('patients:detail.nationality'), countryName(p.nationality, locale) || none],
    [
      t('patients:detail.languages'),
      p.languages.length > 0
        ? formatList(
            p.languages.map((l) => languageName(l, locale)),
            locale,
          )
        : none,
    ],
    [t('summary.strokeType'), t(`inquiries:diagnosis.${p.strokeType}`)],
    [
      t('summary.onset'),
      p.strokeOnsetDate ? formatPartialDate(p.strokeOnsetDate, p.strokeOnsetDateApprox, locale) : none,
    ],
    [t('patients:detail.comorbidities'), comorbidities.length > 0 ? formatList(comorbidities, locale) : none],
    [t('summary.allergies'), allergies.length > 0 ? <Name>{allergies.join('; ')}</Name> : none],
  ];
  return (
    <section className="print-keep" aria-labelledby="summary-patient">
      <h2 id="summary-patient" className="summary-name">
        <Name>{`${p.familyName} ${p.givenName}`}</Name>
        {p.nativeName ? (
          <>
            {' · '}
            <Name>{p.nativeName}</Name>
          </>
        ) : null}
      </h2>
      <dl className="summary-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Courses({ courses }: { courses: CourseDetail[] }) {
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  return (
    <section aria-labelledby="summary-courses">
      <h2 id="summary-courses">{t('summary.courses')}</h2>
      {courses.length === 0 ? (
        <p>{t('summary.noCourses')}</p>
      ) : (
        <PrintTable
          labelledBy="summary-courses"
          columns={[t('summary.col.course'), t('summary.col.status'), t('summary.col.planned'), t('summary.col.stay')]}
        >
          {courses.map(({ course: c }) => (
            <tr key={c.id}>
              <td>{t('summary.courseNo', { n: c.number })}</td>
              <td>{t(`courses:status.${c.status}`)}</td>
              <td>
                {formatDay(c.plannedAdmission, locale)} – {formatDay(c.plannedDischarge, locale)}
              </td>
              <td>
                {c.admittedOn ? `${formatDay(c.admittedOn, locale)} – ${formatDay(c.dischargedOn, locale)}` : '—'}
              </td>
            </tr>
          ))}
        </PrintTable>
      )}
    </section>
  );
}

function Procedures({ courses }: { courses: CourseDetail[] }) {
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  const all = courses.flatMap((c) => c.procedures.map((pr) => ({ pr, course: c.course.number })));
  return (
    <section aria-labelledby="summary-procedures">
      <h2 id="summary-procedures">{t('summary.procedures')}</h2>
      {all.length === 0 ? (
        <p>{t('summary.noProcedures')}</p>
      ) : (
        <PrintTable
          labelledBy="summary-procedures"
          columns={[
            t('summary.col.transplant'),
            t('summary.col.type'),
            t('summary.col.date'),
            t('summary.col.status'),
            t('summary.col.doctor'),
            t('summary.col.product'),
            t('summary.col.lot'),
            { label: t('summary.col.dose'), className: 'num' },
          ]}
        >
          {all.map(({ pr, course }) => {
            const done = pr.completion;
            return (
              <tr key={pr.id}>
                <td>
                  {pr.sequence ? t('summary.transplantNo', { n: pr.sequence }) : '—'}
                  <div className="small muted">{t('summary.courseNo', { n: course })}</div>
                </td>
                <td>
                  {procedureTypeName(t, pr)}
                  {done && !mentions(procedureTypeName(t, pr), routeLabel(t, done.route)) ? (
                    <div className="small">{routeLabel(t, done.route)}</div>
                  ) : null}
                </td>
                <td>{formatInstant(done?.performedStart ?? pr.startsAt, locale)}</td>
                <td>{procedureStatusName(t, pr.status)}</td>
                <td>
                  <Name>{pr.doctorName}</Name>
                </td>
                <td>{done ? <Name>{done.product}</Name> : '—'}</td>
                <td>{done ? <Ltr className="mono">{done.lotNumber}</Ltr> : '—'}</td>
                <td className="num">{done ? doseText(t, locale, { completion: done }) : '—'}</td>
              </tr>
            );
          })}
        </PrintTable>
      )}
    </section>
  );
}

function Consents({ courses }: { courses: CourseDetail[] }) {
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  const all = courses.flatMap((c) => c.consents.map((x) => ({ x, course: c.course.number })));
  return (
    <section aria-labelledby="summary-consents">
      <h2 id="summary-consents">{t('summary.consents')}</h2>
      {all.length === 0 ? (
        <p>{t('summary.noConsents')}</p>
      ) : (
        <PrintTable
          labelledBy="summary-consents"
          columns={[
            t('summary.col.course'),
            t('summary.col.consent'),
            t('summary.col.givenOn'),
            t('summary.col.takenBy'),
            t('summary.col.withdrawnOn'),
          ]}
        >
          {all.map(({ x, course }) => (
            <tr key={x.id}>
              <td>{t('summary.courseNo', { n: course })}</td>
              <td>{consentLabel(t, x.type)}</td>
              <td>{formatDay(x.givenOn, locale)}</td>
              <td>
                <Name>{x.takenByName}</Name>
              </td>
              <td>{x.withdrawnOn ? formatDay(x.withdrawnOn, locale) : '—'}</td>
            </tr>
          ))}
        </PrintTable>
      )}
    </section>
  );
}

function Scores({ points, courses }: { points: HistoryPoint[]; courses: CourseDetail[] }) {
  // The chart's axis words and "After transplant #n" are the patient page's own (the scores namespace).
  const { t: ts } = useTranslation('scores');
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  const ids = [...new Set(points.map((x) => x.instrument.id))] as InstrumentId[];
  const axis = axisOf(ts, courses, points);
  return (
    <section aria-labelledby="summary-scores">
      <h2 id="summary-scores">{t('summary.scores')}</h2>
      {ids.length === 0 ? <p>{t('summary.noScores')}</p> : null}
      {ids.map((id) => {
        const mine = points
          .filter((x) => x.instrument.id === id)
          .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
        const first = mine[0];
        if (!first) return null;
        const def = definitionOf(first.instrument);
        const base = mine.find((x) => x.timePoint === 'baseline' && x.total !== null) ?? null;
        const heading = `summary-scores-${id}`;
        return (
          <div key={id} className="summary-instrument">
            <h3 id={heading}>{instrumentName(t, def)}</h3>
            <PrintTable
              labelledBy={heading}
              columns={[
                t('summary.col.timePoint'),
                t('summary.col.date'),
                { label: t('summary.col.total'), className: 'num' },
                { label: t('summary.col.change'), className: 'num' },
              ]}
            >
              {mine.map((x) => (
                <tr key={x.assessmentId}>
                  <td>{pointName(ts, x, courses)}</td>
                  <td>{formatDay(x.assessedOn, locale)}</td>
                  <td className="num">
                    {formatScore(x.total, locale)}
                    {x.total !== null && !x.complete ? ` ${t('summary.incomplete')}` : ''}
                  </td>
                  <td className="num">
                    {base === null || x === base || x.total === null || base.total === null
                      ? '—'
                      : signed(x.total - base.total, locale)}
                  </td>
                </tr>
              ))}
            </PrintTable>
            {def.range !== null ? (
              <div className="summary-chart print-keep">
                <ScoreChart
                  def={def}
                  points={mine}
                  origin={axis.origin}
                  originLabel={axis.originLabel}
                  markers={axis.markers}
                  fixedWidth={CHART_WIDTH}
                />
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function Events({ events }: { events: AdverseEvent[] }) {
  const { t, i18n } = useTranslation('printouts');
  const locale = i18n.language;
  return (
    <section aria-labelledby="summary-events">
      <h2 id="summary-events">{t('summary.events')}</h2>
      {events.length === 0 ? (
        <p>{t('summary.noEvents')}</p>
      ) : (
        <PrintTable
          labelledBy="summary-events"
          columns={[
            t('summary.col.onset'),
            t('summary.col.event'),
            t('summary.col.grade'),
            t('summary.col.relatedness'),
            t('summary.col.status'),
            t('summary.col.outcome'),
          ]}
        >
          {[...events]
            .sort((a, b) => a.onsetOn.localeCompare(b.onsetOn))
            .map((e) => (
              <tr key={e.id}>
                <td>{formatDay(e.onsetOn, locale)}</td>
                <td>
                  <Name>{eventName(t, e)}</Name>
                  {e.procedure?.sequence ? (
                    <div className="small muted">{t('summary.transplantNo', { n: e.procedure.sequence })}</div>
                  ) : null}
                </td>
                <td>
                  {gradeShort(t, e.grade)}
                  {e.serious ? <div className="small">{t('adverseEvents:serious')}</div> : null}
                </td>
                <td>{relatednessName(t, e.relatedness)}</td>
                <td>
                  {statusName(t, e.status)}
                  {e.resolvedOn ? <div className="small">{formatDay(e.resolvedOn, locale)}</div> : null}
                </td>
                <td>{outcomeName(t, e.outcome)}</td>
              </tr>
            ))}
        </PrintTable>
      )}
    </section>
  );
}

/** The seeded types name their route ("Lumbar puncture (intrathecal)"): the route is not written twice. */
const mentions = (text: string, word: string) => text.toLocaleLowerCase().includes(word.toLocaleLowerCase());

const doseText = (t: TFunction, locale: string, u: { completion: Completion }) =>
  `${formatScore(u.completion.dose, locale)} ${t(`procedures:doseUnit.${u.completion.doseUnit}`)}`;
