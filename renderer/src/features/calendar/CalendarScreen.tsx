// The ward calendar: day and week time grids and a month overview by room or doctor, on the clinic's clock.
import type {
  DatesSetArg,
  DateSelectArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  EventMountArg,
} from '@fullcalendar/core';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarBooking } from '../../../../db/contract';
import { call } from '../../api/client';
import { useCalendar, useDoctors, useInvalidateProcedures, useOccupancy, useRooms } from '../../api/procedure-queries';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../../ui/bidi';
import { formatInstant } from '../../ui/format';
import { procedureStatusName, procedureTypeName } from '../../ui/procedure-labels';
import { ErrorBanner, PageHeader } from '../../ui/feedback';
import { Button, Checkbox, SelectField } from '../../ui/fields';
import { clinicTimeZone } from '../../ui/time-zone';
import { BookingDialog, type SlotDraft } from './BookingDialog';
import { BookingPanel } from './BookingPanel';
import { fromWall, shiftBooking, toWall, wallDay, wallRangeToInstants } from './calendar-time';
import { askedDay, openingDay, openingWeek } from './opening';
import { type Shift, isMovable, patientName, refusalText, shortcutShift, textOn } from './calendar-logic';
import { hashId } from './hash-query';
import { OccupancyTable } from './OccupancyTable';
import './calendar.css';

const numOrNull = (v: string | null) => (v ? Number(v) : null);

interface Refusal {
  procedureId: number;
  message: string;
}

export function CalendarScreen() {
  const { t, i18n } = useTranslation('calendar');
  const locale = i18n.language;
  const zone = clinicTimeZone();
  const initialDate = askedDay(window.location.hash);
  const initialDay = () => openingDay(window.location.hash, zone);
  const rooms = useRooms();
  const doctors = useDoctors();
  const invalidate = useInvalidateProcedures();
  const [roomId, setRoomId] = useState<string | null>(null);
  const [doctorId, setDoctorId] = useState<string | null>(null);
  const [includeFreed, setIncludeFreed] = useState(false);
  // The grid opens on the week view: its range is known now, so the week's occupancy is asked with the rooms instead of
  // after the grid's first draw (FullCalendar then reports the same range, and the state keeps this object).
  const [range, setRange] = useState<{ from: string; to: string; firstDay: string; view: string } | null>(() => ({
    ...openingWeek(window.location.hash, zone),
    view: 'timeGridWeek',
  }));
  const [openId, setOpenId] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [announce, setAnnounce] = useState('');
  const focusAfter = useRef<number | null>(null);
  const preselected = useRef({ patientId: hashId('patient'), courseId: hashId('course') });
  const calendarRef = useRef<FullCalendar>(null);

  // Arriving from a patient's course ("Book"): the booking dialog opens at once on the shown day, patient and course
  // filled in; the time is typed there or the dialog closed to pick a slot in the grid.
  const [slot, setSlot] = useState<SlotDraft | null>(() => {
    const { patientId, courseId } = preselected.current;
    if (patientId === null || courseId === null) return null;
    const day = new Date(`${initialDay()}T00:00:00Z`);
    return { start: day, end: day, allDay: true, roomId: null, doctorId: null };
  });

  // The week of every room and every doctor is an occupancy overview (a 10-year ward books ~1,900 a week in 38 rooms:
  // no week grid shows that readably); a room's or a doctor's week, and every day view, show the bookings themselves.
  const overview = range !== null && range.view === 'timeGridWeek' && roomId === null && doctorId === null;
  const query =
    range && !overview
      ? {
          from: range.from,
          to: range.to,
          roomId: roomId ? Number(roomId) : null,
          doctorId: doctorId ? Number(doctorId) : null,
          includeFreed,
        }
      : null;
  const calendar = useCalendar(query);
  const occupancy = useOccupancy(overview && range ? { from: range.firstDay, days: 7 } : null);
  const weekDays = range
    ? Array.from({ length: 7 }, (_, i) =>
        new Date(Date.parse(`${range.firstDay}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
      )
    : [];
  const procedures = useMemo(() => (overview ? [] : (calendar.data ?? [])), [calendar.data, overview]);
  const byId = useMemo(() => new Map(procedures.map((p) => [p.id, p])), [procedures]);

  const events: EventInput[] = useMemo(
    () =>
      procedures.map((p) => ({
        id: String(p.id),
        start: toWall(p.startsAt, zone),
        end: toWall(p.endsAt, zone),
        backgroundColor: p.status === 'scheduled' || p.status === 'completed' ? p.colour : '#ffffff',
        borderColor: p.colour,
        textColor: p.status === 'scheduled' || p.status === 'completed' ? textOn(p.colour) : '#1f2933',
        classNames: [`booking`, `booking-${p.status}`],
        editable: isMovable(p),
      })),
    [procedures, zone],
  );

  const move = async (
    p: CalendarBooking,
    next: { startsAt: string; endsAt: string; roomId: number; doctorId: number },
  ) => {
    setRefusal(null);
    try {
      await call('procedures.move', { id: p.id, version: p.version, ...next });
      focusAfter.current = p.id;
      setAnnounce(t('moved', { name: patientName(p.patient) }));
      await invalidate();
      return null;
    } catch (err) {
      // Shown in the booking's own panel, beside the move fields (opened now if the move was made in the grid).
      const message = refusalText(t, err, locale);
      setRefusal({ procedureId: p.id, message });
      setOpenId(p.id);
      return message;
    }
  };

  const onDrop = async (arg: EventDropArg | EventResizeDoneArg) => {
    const p = byId.get(Number(arg.event.id));
    const { start, end } = arg.event;
    if (!p || !start || !end) return arg.revert();
    const refused = await move(p, {
      startsAt: fromWall(start, zone),
      endsAt: fromWall(end, zone),
      roomId: p.roomId,
      doctorId: p.doctorId,
    });
    if (refused !== null) arg.revert();
  };

  const onShortcut = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-procedure-id]') : null;
    const shift: Shift | null = el ? shortcutShift(e) : null;
    const p = el ? byId.get(Number(el.dataset.procedureId)) : undefined;
    if (!shift || !p) return;
    e.preventDefault();
    if (!isMovable(p)) {
      setRefusal({ procedureId: p.id, message: t('notMovable') });
      return setOpenId(p.id);
    }
    const whole = shiftBooking(p, { minutes: shift.minutes ?? 0, days: shift.days ?? 0 }, zone);
    const endsAt = shift.endMinutes ? shiftBooking(p, { minutes: shift.endMinutes }, zone).endsAt : whole.endsAt;
    void move(p, { startsAt: whole.startsAt, endsAt, roomId: p.roomId, doctorId: p.doctorId });
  };

  const onMount = (arg: EventMountArg) => {
    const p = byId.get(Number(arg.event.id));
    if (!p) return;
    arg.el.dataset.procedureId = String(p.id);
    arg.el.tabIndex = 0;
    arg.el.setAttribute('aria-label', describe(p));
    if (focusAfter.current === p.id) {
      focusAfter.current = null;
      arg.el.focus();
    }
  };

  const describe = (p: CalendarBooking) =>
    t('bookingLabel', {
      time: formatInstant(p.startsAt, locale, zone),
      name: patientName(p.patient),
      mrn: p.patient.mrn,
      type: typeLabel(p),
      seq: p.sequence ?? '–',
      room: p.roomName,
      doctor: p.doctorName,
      status: procedureStatusName(t, p.status),
    });
  const typeLabel = (p: Pick<CalendarBooking, 'typeCode' | 'typeName'>) => procedureTypeName(t, p);

  const onSelect = (arg: DateSelectArg) => {
    arg.view.calendar.unselect();
    setRefusal(null);
    setSlot({
      start: arg.start,
      end: arg.end,
      allDay: arg.allDay,
      roomId: numOrNull(roomId),
      doctorId: numOrNull(doctorId),
    });
  };

  /** Keyboard-only booking: the shown day at 09:00 (a day picked in the month), the time to type in the dialog. */
  const bookShownDay = () => {
    const shown = calendarRef.current?.getApi().getDate() ?? toWall(new Date().toISOString(), zone);
    const day = new Date(`${shown.toISOString().slice(0, 10)}T00:00:00Z`);
    setRefusal(null);
    setSlot({ start: day, end: day, allDay: true, roomId: numOrNull(roomId), doctorId: numOrNull(doctorId) });
  };

  const opened = openId === null ? undefined : byId.get(openId);
  const roomOptions = (rooms.data ?? []).map((r) => ({ value: String(r.id), label: r.name }));
  const doctorOptions = (doctors.data ?? []).map((d) => ({ value: String(d.id), label: d.displayName }));
  const today = wallDay(new Date().toISOString(), zone);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { zone })}>
        <a className="button button-secondary" href={`${hrefFor({ name: 'wardList' })}?day=${today}`}>
          {t('wardList.open')}
        </a>
        <a className="button button-secondary" href={hrefFor({ name: 'lotSearch' })}>
          {t('lots.open')}
        </a>
      </PageHeader>
      <div className="calendar-filters">
        <SelectField
          label={t('room')}
          value={roomId}
          onChange={setRoomId}
          options={roomOptions}
          emptyLabel={t('allRooms')}
        />
        <SelectField
          label={t('doctor')}
          value={doctorId}
          onChange={setDoctorId}
          options={doctorOptions}
          emptyLabel={t('allDoctors')}
        />
        <Checkbox isSelected={includeFreed} onChange={setIncludeFreed}>
          {t('showFreed')}
        </Checkbox>
        <Button variant="primary" onPress={bookShownDay}>
          {t('book')}
        </Button>
        <p className="muted small calendar-keys-hint">{t('keysHint')}</p>
      </div>
      {calendar.isError ? <ErrorBanner error={calendar.error} /> : null}
      {occupancy.isError ? <ErrorBanner error={occupancy.error} /> : null}
      <div role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </div>
      <div className={overview ? 'calendar-frame calendar-frame-overview' : 'calendar-frame'} onKeyDown={onShortcut}>
        <FullCalendar
          ref={calendarRef}
          plugins={[timeGridPlugin, dayGridPlugin, interactionPlugin]}
          initialDate={initialDate}
          initialView="timeGridWeek"
          timeZone="UTC"
          locales={[zhCnLocale]}
          locale={locale === 'zh-CN' ? 'zh-cn' : 'en-gb'}
          firstDay={1}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' }}
          // Text arrows, not FullCalendar's icon spans (role="img" without a name); the buttons keep their own labels.
          buttonIcons={false}
          buttonText={{
            prev: '‹',
            next: '›',
            today: t('view.today'),
            day: t('view.day'),
            week: t('view.week'),
            month: t('view.month'),
          }}
          allDaySlot={false}
          slotMinTime="07:00:00"
          slotMaxTime="20:00:00"
          slotDuration="00:30:00"
          snapDuration="00:15:00"
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }}
          defaultRangeSeparator="–"
          nowIndicator
          now={() => toWall(new Date().toISOString(), zone)}
          // The page scrolls, not the grid: a scroller inside FullCalendar's role="grid" table cannot take focus cleanly.
          height="auto"
          views={{
            dayGridMonth: { eventDisplay: 'block' },
            timeGridWeek: {
              displayEventEnd: false,
              dayHeaderFormat: { weekday: 'short', month: 'short', day: 'numeric' },
            },
          }}
          // A month cell is named by its day number only, while it also holds the day's bookings (axe:
          // label-content-name-mismatch): without the label the cell is named by all it shows, date first.
          dayCellDidMount={(arg) => arg.el.removeAttribute('aria-labelledby')}
          expandRows
          selectable
          selectMirror
          editable
          eventInteractive
          dayMaxEvents={4}
          events={events}
          // FullCalendar reports its range again after any option changes: keep the same object so nothing loops.
          datesSet={(arg: DatesSetArg) => {
            const next = {
              ...wallRangeToInstants(arg.start, arg.end, zone),
              firstDay: arg.start.toISOString().slice(0, 10),
              view: arg.view.type,
            };
            setRange((r) => (r && r.from === next.from && r.to === next.to && r.view === next.view ? r : next));
          }}
          select={onSelect}
          eventClick={(arg: EventClickArg) => {
            arg.jsEvent.preventDefault();
            setOpenId(Number(arg.event.id));
          }}
          eventDrop={(arg) => void onDrop(arg)}
          eventResize={(arg) => void onDrop(arg)}
          eventDidMount={onMount}
          eventContent={(arg: EventContentArg) => {
            const p = byId.get(Number(arg.event.id));
            return p ? <BookingContent p={p} time={arg.timeText} type={typeLabel(p)} /> : null;
          }}
        />
        {overview ? (
          <OccupancyTable
            days={weekDays}
            rooms={rooms.data ?? []}
            loads={occupancy.data ?? []}
            zone={zone}
            today={today}
            onRoom={(id) => setRoomId(String(id))}
            onDay={(day) => calendarRef.current?.getApi().changeView('timeGridDay', day)}
          />
        ) : null}
      </div>
      {slot ? (
        <BookingDialog
          slot={slot}
          preselected={preselected.current}
          onClose={() => setSlot(null)}
          onBooked={(p) => {
            setSlot(null);
            focusAfter.current = p.id;
            setAnnounce(t('booked', { name: patientName(p.patient) }));
            void invalidate();
          }}
        />
      ) : null}
      {opened ? (
        <BookingPanel
          procedure={opened}
          label={describe(opened)}
          typeLabel={typeLabel(opened)}
          onMove={(next) => move(opened, next)}
          refusal={refusal?.procedureId === opened.id ? refusal.message : null}
          onClose={() => {
            setRefusal(null);
            focusAfter.current = opened.id;
            setOpenId(null);
            document.querySelector<HTMLElement>(`[data-procedure-id="${opened.id}"]`)?.focus();
          }}
        />
      ) : null}
    </>
  );
}

/** One booking in the grid: time and transplant number, the patient (name and MRN), type, room and doctor. */
function BookingContent({ p, time, type }: { p: CalendarBooking; time: string; type: string }) {
  const { t } = useTranslation('calendar');
  return (
    <div className="booking-content">
      <div className="booking-line booking-time">
        {time}
        {p.sequence ? ` · ${t('transplantNo', { n: p.sequence })}` : ''}
        {p.status !== 'scheduled' ? ` · ${procedureStatusName(t, p.status)}` : ''}
      </div>
      <div className="booking-line booking-who">
        <Name>{patientName(p.patient)}</Name> <Ltr className="booking-mrn">{p.patient.mrn}</Ltr>
      </div>
      <div className="booking-line booking-what">
        {type} · <Name>{p.roomName}</Name> · <Name>{p.doctorName}</Name>
      </div>
    </div>
  );
}
