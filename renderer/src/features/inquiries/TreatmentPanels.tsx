// Home-screen treatment panels: a coordinator's procedures today and tomorrow with expected admissions and discharges;
// a doctor's own procedures today.
import { type ReactNode, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Procedure, TreatmentAgenda } from '../../../../db/contract';
import { useTreatmentAgenda } from '../../api/procedure-queries';
import { hrefFor } from '../../app/router';
import { Joined, Ltr, Name } from '../../ui/bidi';
import { procedureTypeName } from '../../ui/procedure-labels';
import { EmptyState, ErrorBanner } from '../../ui/feedback';
import { dayOf, formatClock, formatDay } from '../../ui/format';
import { clinicTimeZone } from '../../ui/time-zone';
import { ShowAllButton, useFocusFirstNewRow } from '../../ui/show-all';

type Person = TreatmentAgenda['admissions'][number]['patient'];
const nameOf = (p: Person) => `${p.familyName} ${p.givenName}`;

export function TreatmentPanels({ doctor }: { doctor: boolean }) {
  const { t, i18n } = useTranslation('calendar');
  // Each panel's first rows and the totals; "Show all" on any panel asks once for every row of all four.
  const [every, setEvery] = useState(false);
  const agenda = useTreatmentAgenda(doctor, every ? null : TREATMENT_PANEL_FIRST_ROWS);
  const a = agenda.data;
  if (agenda.isError) return <ErrorBanner error={agenda.error} />;
  if (!a) return null;
  const on = (day: string) => a.procedures.filter((p) => dayOf(p.startsAt, clinicTimeZone()) === day);
  const locale = i18n.language;
  const more = { onShowAll: () => setEvery(true), loading: every && agenda.isPlaceholderData };
  const procedurePanel = (id: string, day: string, title: string) => (
    <Panel
      {...more}
      id={id}
      title={title}
      items={on(day)}
      total={day === a.today ? a.totals.today : a.totals.tomorrow}
      row={(p) => <ProcedureRow key={p.id} p={p} locale={locale} t={t} />}
      empty={t('home.noProcedures')}
      link
    />
  );
  // Expected admissions or discharges: the patient and the planned day.
  const stayPanel = (
    id: 'admissions' | 'discharges',
    title: string,
    day: (course: TreatmentAgenda['admissions'][number]['course']) => string,
    empty: string,
  ) => (
    <Panel
      {...more}
      id={id}
      title={title}
      items={a[id]}
      total={a.totals[id]}
      row={({ course, patient }) => (
        <PersonRow key={course.id} patient={patient} when={formatDay(day(course), locale)} />
      )}
      empty={empty}
    />
  );
  if (doctor) return procedurePanel('my-procedures', a.today, t('home.myToday'));
  return (
    <>
      {procedurePanel('procedures-today', a.today, t('home.today'))}
      {procedurePanel('procedures-tomorrow', a.tomorrow, t('home.tomorrow'))}
      {stayPanel('admissions', t('home.admissions'), (c) => c.plannedAdmission, t('home.noAdmissions'))}
      {stayPanel('discharges', t('home.discharges'), (c) => c.plannedDischarge, t('home.noDischarges'))}
    </>
  );
}

/** Rows a panel draws before "Show all" (as Today's inquiry panels): a busy ward day stays a short page. */
export const TREATMENT_PANEL_FIRST_ROWS = 12;

function Panel<T>(p: {
  id: string;
  title: string;
  /** The rows at hand: the first ones, or all once every row has come. */
  items: readonly T[];
  /** How many rows the panel has in all. */
  total: number;
  row: (item: T) => ReactNode;
  empty: string;
  link?: boolean;
  /** Asks for every row (the agenda came with each list's first rows only). */
  onShowAll: () => void;
  /** Every row has been asked for and is on its way. */
  loading: boolean;
}) {
  const { t } = useTranslation('calendar');
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? p.items : p.items.slice(0, TREATMENT_PANEL_FIRST_ROWS);
  const { listRef, arm } = useFocusFirstNewRow<HTMLUListElement>(TREATMENT_PANEL_FIRST_ROWS, showAll && !p.loading);
  return (
    <section className="panel" aria-labelledby={`panel-${p.id}`} data-panel={p.id}>
      <div className="panel-header">
        <h2 className="panel-title" id={`panel-${p.id}`}>
          {p.title} <span className="count">{p.total}</span>
        </h2>
        {p.link ? (
          <a className="small" href={hrefFor({ name: 'calendar' })}>
            {t('home.openCalendar')}
          </a>
        ) : null}
      </div>
      {p.total === 0 ? (
        <EmptyState title={p.empty} />
      ) : (
        <ul className="worklist" ref={listRef}>
          {shown.map(p.row)}
        </ul>
      )}
      {p.total > shown.length ? (
        <ShowAllButton
          count={p.total}
          loading={showAll && p.loading}
          onPress={() => {
            setShowAll(true);
            arm();
            p.onShowAll();
          }}
        />
      ) : null}
    </section>
  );
}

const time = (iso: string, locale: string) => formatClock(iso, locale);

/** One booking; its panel's `t` (no hook per row). */
function ProcedureRow({ p, locale, t }: { p: Procedure; locale: string; t: TFunction<'calendar'> }) {
  const type = procedureTypeName(t, p);
  return (
    <li className="worklist-row">
      <a className="worklist-link" href={hrefFor({ name: 'patient', id: p.patient.id })}>
        <span className="worklist-name">
          <Name>{nameOf(p.patient)}</Name> <Ltr className="muted">{p.patient.mrn}</Ltr>
        </span>
        <Joined
          className="worklist-meta"
          items={[
            type,
            p.sequence ? t('transplantNo', { n: p.sequence }) : null,
            <Name key="room">{p.roomName}</Name>,
            <Name key="doctor">{p.doctorName}</Name>,
          ]}
        />
      </a>
      <span className="worklist-aside">
        {time(p.startsAt, locale)}–{time(p.endsAt, locale)}
      </span>
    </li>
  );
}

function PersonRow({ patient, when }: { patient: Person; when: string }) {
  return (
    <li className="worklist-row">
      <a className="worklist-link" href={hrefFor({ name: 'patient', id: patient.id })}>
        <span className="worklist-name">
          <Name>{nameOf(patient)}</Name> <Ltr className="muted">{patient.mrn}</Ltr>
        </span>
      </a>
      <span className="worklist-aside">{when}</span>
    </li>
  );
}
