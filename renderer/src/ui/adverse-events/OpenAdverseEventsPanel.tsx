// The doctor's home: the clinic's open adverse events, highest grade and oldest onset first, with a link to them all.
import { useTranslation } from 'react-i18next';
import { useOpenAdverseEvents } from '../../api/adverse-event-queries';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner } from '../feedback';
import { EventList } from './EventList';

/** Rows the home panel shows; the full list is one link away. */
const FIRST = 10;

export function OpenAdverseEventsPanel() {
  const { t } = useTranslation('adverseEvents');
  const events = useOpenAdverseEvents();
  if (events.isError) return <ErrorBanner error={events.error} />;
  const list = events.data ?? [];
  return (
    <section className="panel" aria-labelledby="panel-open-adverse-events" data-panel="open-adverse-events">
      <div className="panel-header">
        <h2 className="panel-title" id="panel-open-adverse-events">
          {t('home.title')} <span className="count">{list.length}</span>
        </h2>
        <a className="small" href={hrefFor({ name: 'adverseEvents' })}>
          {t('home.all')}
        </a>
      </div>
      {events.data && list.length === 0 ? <EmptyState title={t('home.none')} /> : null}
      {list.length > 0 ? <EventList events={list.slice(0, FIRST)} withPatient /> : null}
    </section>
  );
}
