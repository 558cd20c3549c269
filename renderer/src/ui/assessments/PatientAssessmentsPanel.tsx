// The patient page's "Assessments": each course's follow-up schedule, the signed scores by instrument with their
// chart (baseline to 12 months), links to each assessment and its history, and "New assessment" for doctors.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CourseDetail, HistoryPoint, InstrumentId, ScheduledPoint, WindowState } from '../../../../db/contract';
import { usePatientChart } from '../../api/assessment-history-queries';
import { usePatientCourses } from '../../api/course-queries';
import { useCurrentUser } from '../../api/session';
import { hrefFor } from '../../app/router';
import { DataTable } from '../DataTable';
import { EmptyState, ErrorBanner, Loading } from '../feedback';
import { dayOf, formatDay } from '../format';
import { definitionOf, formatScore, instrumentName, instrumentShort, timePointName, windowStateName } from './labels';
import { type ChartMarker, ScoreChart } from './ScoreChart';
import './assessments.css';

export function PatientAssessmentsPanel({
  patientId,
  canEnter,
  markers = [],
}: {
  patientId: number;
  /** False for a merged record: nothing new is entered on it. */
  canEnter: boolean;
  /** Adverse events to show on the charts' day axis (their screens add them). */
  markers?: readonly ChartMarker[];
}) {
  const { t } = useTranslation('scores');
  const user = useCurrentUser();
  const chart = usePatientChart(patientId);
  const courses = usePatientCourses(patientId);
  const error = chart.error ?? courses.error;
  return (
    <section className="panel assessments-panel" aria-labelledby="assessments-title">
      <div className="panel-header">
        <h2 className="panel-title" id="assessments-title">
          {t('panel.title')}
        </h2>
        {canEnter && user.role === 'doctor' ? (
          <a className="button button-secondary" href={hrefFor({ name: 'assessmentNew', id: patientId })}>
            {t('panel.new')}
          </a>
        ) : null}
      </div>
      {error ? (
        <div className="panel-body">
          <ErrorBanner error={error} />
        </div>
      ) : !chart.data || !courses.data ? (
        <Loading />
      ) : (
        <div className="panel-body">
          <Schedule points={chart.data.schedule} scores={chart.data.points} courses={courses.data} />
          <Scores points={chart.data.points} courses={courses.data} markers={markers} />
        </div>
      )}
    </section>
  );
}

/** The app's badge colours by meaning: due like something new, overdue as overdue, done as accepted, missed closed. */
const STATE_BADGE: Record<WindowState, string> = {
  upcoming: '',
  due: 'badge-new',
  overdue: 'badge-overdue',
  missed: 'badge-closed',
  done: 'badge-accepted',
};

/** "After transplant #2" for an after-procedure point, else the time point's name. */
export function pointName(t: TFunction, p: Pick<ScheduledPoint, 'timePoint' | 'procedureId'>, courses: CourseDetail[]) {
  if (p.timePoint !== 'after_procedure') return timePointName(t, p.timePoint);
  const pr = courses.flatMap((c) => c.procedures).find((x) => x.id === p.procedureId);
  return pr?.sequence ? t('afterTransplant', { number: pr.sequence }) : timePointName(t, p.timePoint);
}

function Schedule(p: { points: ScheduledPoint[]; scores: HistoryPoint[]; courses: CourseDetail[] }) {
  const { t, i18n } = useTranslation('scores');
  const locale = i18n.language;
  if (p.points.length === 0) return <p className="muted small">{t('schedule.none')}</p>;
  const byCourse = p.courses.filter((c) => p.points.some((pt) => pt.courseId === c.course.id));
  const instrumentOf = new Map(p.scores.map((s) => [s.assessmentId, s.instrument] as const));
  return (
    <div>
      {byCourse.map((c) => (
        <div key={c.course.id}>
          <h3 id={`schedule-${c.course.id}`}>{t('schedule.title', { number: c.course.number })}</h3>
          <DataTable
            className="schedule-table"
            labelledBy={`schedule-${c.course.id}`}
            columns={[
              t('schedule.col.timePoint'),
              t('schedule.col.target'),
              t('schedule.col.window'),
              t('schedule.col.state'),
              t('schedule.col.assessments'),
            ]}
          >
            {p.points
              .filter((pt) => pt.courseId === c.course.id)
              .map((pt) => (
                <tr key={`${pt.timePoint}-${pt.procedureId ?? 0}`}>
                  <td>{pointName(t, pt, p.courses)}</td>
                  <td>{formatDay(pt.target, locale)}</td>
                  <td>{t('schedule.window', { from: formatDay(pt.from, locale), to: formatDay(pt.to, locale) })}</td>
                  <td>
                    <span className={`badge ${STATE_BADGE[pt.state]}`}>{windowStateName(t, pt.state)}</span>
                  </td>
                  <td>
                    {pt.assessmentIds.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="score-links">
                        {pt.assessmentIds.map((id) => {
                          const ref = instrumentOf.get(id);
                          return (
                            <a key={id} href={hrefFor({ name: 'assessment', id: id })}>
                              {ref ? instrumentShort(t, definitionOf(ref)) : t('assessmentNumber', { id })}
                            </a>
                          );
                        })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
          </DataTable>
        </div>
      ))}
    </div>
  );
}

/** The procedures as chart markers, and day 0: the first transplant (else the first assessment). */
export function axisOf(t: TFunction, courses: CourseDetail[], points: HistoryPoint[]) {
  const procs = courses
    .flatMap((c) => c.procedures)
    .filter((pr) => pr.status === 'scheduled' || pr.status === 'completed')
    .map((pr) => ({ day: dayOf(pr.startsAt), sequence: pr.sequence }))
    .sort((a, b) => a.day.localeCompare(b.day));
  const transplants = procs.filter((pr) => pr.sequence !== null);
  const markers: ChartMarker[] = transplants.map((pr) => ({
    day: pr.day,
    label: t('transplant', { number: pr.sequence }),
    kind: 'procedure',
  }));
  const first = transplants[0]?.day;
  const firstPoint = [...points].map((x) => x.assessedOn).sort()[0] ?? '';
  return {
    markers,
    origin: first ?? firstPoint,
    originLabel: first ? t('chart.daysSinceTransplant') : t('chart.daysSinceFirst'),
  };
}

function Scores(p: { points: HistoryPoint[]; courses: CourseDetail[]; markers: readonly ChartMarker[] }) {
  const { t, i18n } = useTranslation('scores');
  const locale = i18n.language;
  if (p.points.length === 0) {
    return <EmptyState title={t('scores.none')} />;
  }
  const axis = axisOf(t, p.courses, p.points);
  const markers = [...axis.markers, ...p.markers];
  const ids = [...new Set(p.points.map((x) => x.instrument.id))] as InstrumentId[];
  return (
    <div className="score-charts">
      {ids.map((id) => {
        const mine = p.points
          .filter((x) => x.instrument.id === id)
          .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
        const first = mine[0];
        if (!first) return null;
        const def = definitionOf(first.instrument);
        return (
          <div key={id} className="score-group">
            {def.range !== null ? (
              <ScoreChart
                def={def}
                points={mine}
                origin={axis.origin}
                originLabel={axis.originLabel}
                markers={markers}
              />
            ) : (
              <h3>{instrumentName(t, def)}</h3>
            )}
            <DataTable
              className="scores-table"
              caption={t('scores.caption', { instrument: instrumentName(t, def) })}
              columns={[
                t('scores.col.timePoint'),
                t('scores.col.date'),
                t('scores.col.total'),
                t('scores.col.signed'),
                t('scores.col.open'),
              ]}
            >
              {mine.map((x) => (
                <tr key={x.assessmentId}>
                  <td>
                    {pointName(t, x, p.courses)}
                    {x.outsideWindow ? <span className="muted small"> · {t('outsideWindow')}</span> : null}
                  </td>
                  <td>{formatDay(x.assessedOn, locale)}</td>
                  <td>
                    {formatScore(x.total, locale)}
                    {x.total !== null && !x.complete ? (
                      <span className="muted small"> {t('history.incomplete')}</span>
                    ) : null}
                  </td>
                  <td>{t('scores.signed', { n: x.n, date: formatDay(dayOf(x.signedAt), locale) })}</td>
                  <td>
                    <span className="score-links">
                      <a href={hrefFor({ name: 'assessment', id: x.assessmentId })}>{t('scores.open')}</a>
                      <a href={hrefFor({ name: 'assessmentHistory', id: x.assessmentId })}>{t('scores.history')}</a>
                    </span>
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        );
      })}
    </div>
  );
}
