// The printable ward list of one clinic day: who is treated when and where, with allergies and conditions to hand.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WardList } from '../../../../db/contract';
import { useWardList } from '../../api/procedure-queries';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../../ui/bidi';
import { procedureStatusName, procedureTypeName } from '../../ui/procedure-labels';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { formatClock, formatDay } from '../../ui/format';
import { clinicTimeZone } from '../../ui/time-zone';
import { printRecorded } from '../../ui/print/print';
import { wallDay } from './calendar-time';
import { patientName } from './calendar-logic';
import { hashQuery, setHashQuery } from './hash-query';
import './ward-list.css';

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * The desktop window prints to PDF through its bridge when it offers that; the browser prints its own way. Recorded
 * first (who printed which day's patients): a print the log cannot record does not happen.
 */
const printPage = (title: string, day: string) => printRecorded(title, { document: 'wardList', day });

export function WardListScreen() {
  const { t, i18n } = useTranslation('calendar');
  const asked = hashQuery().get('day') ?? '';
  const [day, setDay] = useState(isDay(asked) ? asked : wallDay(new Date().toISOString(), clinicTimeZone()));
  const list = useWardList(day);
  const changeDay = (v: string) => {
    if (!isDay(v)) return;
    setDay(v);
    setHashQuery({ day: v });
  };
  const title = t('wardList.title', { day: formatDay(day, i18n.language) });

  return (
    <div className="ward-list-screen">
      <PageHeader title={title} subtitle={list.data?.clinicName}>
        <TextField label={t('wardList.day')} type="date" value={day} onChange={changeDay} className="ward-day" />
        <a className="button button-secondary" href={hrefFor({ name: 'calendar' })}>
          {t('wardList.back')}
        </a>
        <Button variant="primary" onPress={() => void printPage(title, day)}>
          {t('wardList.print')}
        </Button>
      </PageHeader>
      {list.isError ? <ErrorBanner error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? <WardSheet list={list.data} locale={i18n.language} /> : null}
    </div>
  );
}

function WardSheet({ list, locale }: { list: WardList; locale: string }) {
  const { t } = useTranslation('calendar');
  const zone = list.timeZone;
  if (list.rows.length === 0) return <EmptyState title={t('wardList.none')} />;
  return (
    <section className="ward-sheet" aria-label={t('wardList.sheet')}>
      <p className="ward-print-title">
        <Name>{list.clinicName}</Name> · {t('wardList.title', { day: formatDay(list.day, locale) })} · {zone}
      </p>
      <table className="table ward-table">
        <thead>
          <tr>
            <th scope="col">{t('wardList.time')}</th>
            <th scope="col">{t('wardList.patient')}</th>
            <th scope="col">{t('room')}</th>
            <th scope="col">{t('wardList.procedure')}</th>
            <th scope="col">{t('doctor')}</th>
            <th scope="col">{t('wardList.alerts')}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map(({ procedure: p, allergies, conditions, conditionsOther }) => (
            <tr key={p.id} className={`ward-row ward-row-${p.status}`}>
              <td className="ward-time">
                {formatClock(p.startsAt, locale, zone)}–{formatClock(p.endsAt, locale, zone)}
              </td>
              <td>
                <div>
                  <Name>{patientName(p.patient)}</Name>
                </div>
                {p.patient.nativeName ? (
                  <div>
                    <Name>{p.patient.nativeName}</Name>
                  </div>
                ) : null}
                <Ltr className="muted small">{p.patient.mrn}</Ltr>
              </td>
              <td>
                <Name>{p.roomName}</Name>
              </td>
              <td>
                {procedureTypeName(t, p)}
                {p.sequence ? <div className="small">{t('transplantNo', { n: p.sequence })}</div> : null}
                {p.status !== 'scheduled' ? <div className="small">{procedureStatusName(t, p.status)}</div> : null}
              </td>
              <td>
                <Name>{p.doctorName}</Name>
              </td>
              <td className="ward-alerts">
                {allergies ? (
                  <div>
                    <strong>{t('wardList.allergies')}</strong> <Name>{allergies}</Name>
                  </div>
                ) : null}
                {conditions.length > 0 || conditionsOther ? (
                  <div>
                    <strong>{t('wardList.conditions')}</strong>{' '}
                    {conditions.map((c) => t(`inquiries:condition.${c}`)).join(', ')}
                    {conditionsOther ? (
                      <>
                        {conditions.length > 0 ? ', ' : ''}
                        <Name>{conditionsOther}</Name>
                      </>
                    ) : null}
                  </div>
                ) : null}
                {!allergies && conditions.length === 0 && !conditionsOther ? t('wardList.noAlerts') : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
