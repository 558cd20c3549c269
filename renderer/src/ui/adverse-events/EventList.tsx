// A list of adverse events as the patient page and the doctor's home show them: name, grade, serious, onset, status.
import { useTranslation } from 'react-i18next';
import type { AdverseEvent } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../bidi';
import { formatDay } from '../format';
import { eventName, gradeShort, statusName } from './labels';
import './adverse-events.css';

export function GradeBadge({ grade }: { grade: number }) {
  const { t } = useTranslation('adverseEvents');
  return <span className={`badge ae-grade ae-grade-${grade}`}>{gradeShort(t, grade)}</span>;
}

/** `withPatient`: the clinic-wide lists name whose event it is; the patient page does not repeat it. */
export function EventList({ events, withPatient }: { events: readonly AdverseEvent[]; withPatient: boolean }) {
  const { t, i18n } = useTranslation('adverseEvents');
  const locale = i18n.language;
  return (
    <ul className="worklist">
      {events.map((e) => (
        <li key={e.id} className="worklist-row">
          <a className="worklist-link" href={hrefFor({ name: 'adverseEvent', id: e.id })}>
            <span className="worklist-name">
              {withPatient ? (
                <>
                  <Name>{`${e.patient.familyName} ${e.patient.givenName}`}</Name>{' '}
                  <Ltr className="muted">{e.patient.mrn}</Ltr> ·{' '}
                </>
              ) : null}
              {eventName(t, e)}
            </span>
            <span className="muted small">
              {t('list.onset', { day: formatDay(e.onsetOn, locale) })}
              {e.status === 'open' && e.followUpOn
                ? ` · ${t('list.followUp', { day: formatDay(e.followUpOn, locale) })}`
                : ''}
              {e.status !== 'open' ? ` · ${statusName(t, e.status)}` : ''}
            </span>
          </a>
          <span className="ae-badges">
            <GradeBadge grade={e.grade} />
            {e.serious ? <span className="badge badge-overdue">{t('serious')}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
