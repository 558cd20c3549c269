// The patient page's adverse events: open ones first (highest grade first), then the closed; doctors record new ones.
import { useTranslation } from 'react-i18next';
import { usePatientAdverseEvents } from '../../api/adverse-event-queries';
import { useCurrentUser } from '../../api/session';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading } from '../feedback';
import { EventList } from './EventList';

export function AdverseEventsPanel({ patientId, canRecord }: { patientId: number; canRecord: boolean }) {
  const { t } = useTranslation('adverseEvents');
  const events = usePatientAdverseEvents(patientId);
  const doctor = useCurrentUser().role === 'doctor';
  const open = events.data?.filter((e) => e.status === 'open').length ?? 0;
  return (
    <section className="panel" aria-labelledby="adverse-events-title" data-panel="adverse-events">
      <div className="panel-header">
        <h2 className="panel-title" id="adverse-events-title">
          {t('panel.title')} <span className="count">{t('panel.openCount', { count: open })}</span>
        </h2>
        {doctor && canRecord ? (
          <a className="button button-secondary" href={hrefFor({ name: 'adverseEventNew', id: patientId })}>
            {t('panel.record')}
          </a>
        ) : null}
      </div>
      {events.isError ? <ErrorBanner error={events.error} /> : null}
      {events.isPending ? <Loading /> : null}
      {events.data?.length === 0 ? <EmptyState title={t('panel.none')} /> : null}
      {events.data && events.data.length > 0 ? <EventList events={events.data} withPatient={false} /> : null}
    </section>
  );
}
