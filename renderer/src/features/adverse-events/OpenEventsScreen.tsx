// The clinic's open adverse events: highest grade and oldest onset first, with whose they are and when to follow up.
import { useTranslation } from 'react-i18next';
import { useOpenAdverseEvents } from '../../api/adverse-event-queries';
import { hrefFor } from '../../app/router';
import { GradeBadge } from '../../ui/adverse-events/EventList';
import { eventName } from '../../ui/adverse-events/labels';
import { Ltr, Name } from '../../ui/bidi';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, Loaded, PageHeader } from '../../ui/feedback';
import { formatDay } from '../../ui/format';
import '../../ui/records.css';
import '../../ui/adverse-events/adverse-events.css';

export function OpenEventsScreen() {
  const { t, i18n } = useTranslation('adverseEvents');
  const events = useOpenAdverseEvents();
  const locale = i18n.language;
  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      <section className="panel">
        <Loaded query={events}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('home.none')} />
            ) : (
              <DataTable
                caption={t('list.title')}
                columns={[
                  t('list.patient'),
                  t('list.event'),
                  t('form.grade'),
                  t('list.onsetColumn'),
                  t('form.followUp'),
                ]}
              >
                {list.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Name>{`${e.patient.familyName} ${e.patient.givenName}`}</Name>{' '}
                      <Ltr className="muted">{e.patient.mrn}</Ltr>
                    </td>
                    <td>
                      <a href={hrefFor({ name: 'adverseEvent', id: e.id })}>{eventName(t, e)}</a>
                      {e.serious ? <span className="badge badge-overdue"> {t('serious')}</span> : null}
                    </td>
                    <td>
                      <GradeBadge grade={e.grade} />
                    </td>
                    <td>{formatDay(e.onsetOn, locale)}</td>
                    <td>{e.followUpOn ? formatDay(e.followUpOn, locale) : '—'}</td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </Loaded>
      </section>
    </>
  );
}
