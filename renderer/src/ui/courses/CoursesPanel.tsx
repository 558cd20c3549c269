// The patient page's "Treatment courses": every stay, newest first, or an invitation to plan the first one.
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session';
import { useProcedureTypes, usePatientCourses } from '../../api/course-queries';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading } from '../feedback';
import { CourseCard } from './CourseCard';
import './courses.css';

export function CoursesPanel({ patientId, canPlan }: { patientId: number; canPlan: boolean }) {
  const { t } = useTranslation('courses');
  const user = useCurrentUser();
  const courses = usePatientCourses(patientId);
  const types = useProcedureTypes(true);
  const list = [...(courses.data ?? [])].sort((a, b) => b.course.number - a.course.number);
  const planLink = canPlan ? (
    <a className="button button-secondary" href={hrefFor({ name: 'courseNew', id: patientId })}>
      {t('panel.plan')}
    </a>
  ) : null;
  return (
    <section className="panel courses" aria-labelledby="courses-title">
      <div className="panel-header">
        <h2 className="panel-title" id="courses-title">
          {t('panel.title')}
          {courses.data ? <span className="count">{list.length}</span> : null}
        </h2>
        {list.length > 0 ? planLink : null}
      </div>
      {courses.isPending ? (
        <Loading />
      ) : courses.isError ? (
        <div className="panel-body">
          <ErrorBanner error={courses.error} />
        </div>
      ) : list.length === 0 ? (
        <EmptyState title={t('panel.empty')}>
          <p className="muted small">{t('panel.emptyBody')}</p>
          {planLink}
        </EmptyState>
      ) : (
        <div className="course-list">
          {list.map((d) => (
            <CourseCard key={d.course.id} detail={d} types={types.data ?? []} user={user} />
          ))}
        </div>
      )}
    </section>
  );
}
