// The ward calendar: day and week time grids and a month overview by room or doctor, on the clinic's clock.
import type {
  CalendarOptions,
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
import { type KeyboardEvent, type Ref, memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
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

/**
 * Every room's week is the occupancy table, not a time grid: FullCalendar shows it as a view of its own that draws
 * nothing (its toolbar, title and range stay FullCalendar's), instead of building a hidden week of 182 slots and 7
 * columns and measuring it. "Week" opens it while no room or doctor is chosen, and the room's or doctor's time grid else.
 */
const OVERVIEW = 'occupancyWeek';
const isWeek = (view: string) => view === OVERVIEW || view === 'timeGridWeek';

const TOOLBAR = { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' };
const TOOLBAR_OVERVIEW = { ...TOOLBAR, right: `timeGridDay,${OVERVIEW},dayGridMonth` };
const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** The grid's options that never change, as constants: FullCalendar compares each option with the last it was given. */
const FIXED: CalendarOptions = {
  plugins: [timeGridPlugin, dayGridPlugin, interactionPlugin],
  initialView: OVERVIEW,
  timeZone: 'UTC',
  locales: [zhCnLocale],
  firstDay: 1,
  // Text arrows, not FullCalendar's icon spans (role="img" without a name); the buttons keep their own labels.
  buttonIcons: false,
  allDaySlot: false,
  slotMinTime: '07:00:00',
  slotMaxTime: '20:00:00',
  slotDuration: '00:30:00',
  snapDuration: '00:15:00',
  slotLabelFormat: CLOCK,
  eventTimeFormat: CLOCK,
  defaultRangeSeparator: '–',
  nowIndicator: true,
  // The page scrolls, not the grid: a scroller inside FullCalendar's role="grid" table cannot take focus cleanly.
  height: 'auto',
  views: {
    dayGridMonth: { eventDisplay: 'block' },
    timeGridWeek: {
      displayEventEnd: false,
      dayHeaderFormat: { weekday: 'short', month: 'short', day: 'numeric' },
    },
    [OVERVIEW]: { duration: { weeks: 1 }, content: () => null },
  },
  // A month cell is named by its day number only, while it also holds the day's bookings (axe:
  // label-content-name-mismatch): without the label the cell is named by all it shows, date first.
  dayCellDidMount: (arg) => arg.el.removeAttribute('aria-labelledby'),
  expandRows: true,
  selectable: true,
  selectMirror: true,
  editable: true,
  eventInteractive: true,
  dayMaxEvents: 4,
};

/** FullCalendar redrawn only when one of its options is a new value (it re-reads every option on any render). */
const Grid = memo(function Grid(props: CalendarOptions & { ref: Ref<FullCalendar> }) {
  return <FullCalendar {...FIXED} {...props} />;
});

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
    view: OVERVIEW,
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
  const overview = range !== null && isWeek(range.view) && roomId === null && doctorId === null;
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
  const firstDay = range?.firstDay;
  const weekDays = useMemo(
    () =>
      firstDay
        ? Array.from({ length: 7 }, (_, i) =>
            new Date(Date.parse(`${firstDay}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
          )
        : [],
    [firstDay],
  );
  // A room or doctor chosen on every room's week shows their time grid; cleared on a week grid, every room's week again.
  const filtered = roomId !== null || doctorId !== null;
  useLayoutEffect(() => {
    const api = calendarRef.current?.getApi();
    const type = api?.view.type;
    if (filtered && type === OVERVIEW) api?.changeView('timeGridWeek');
    else if (!filtered && type === 'timeGridWeek') api?.changeView(OVERVIEW);
  }, [filtered]);
  const showRoom = useCallback((id: number) => setRoomId(String(id)), []);
  const showDay = useCallback((day: string) => calendarRef.current?.getApi().changeView('timeGridDay', day), []);
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

  // The grid is handed the same options and handlers until what they read changes (the shown bookings, the filters, the
  // language): any other render of this screen (an answer arriving, an announcement) leaves FullCalendar alone, where
  // each new option would have it draw and measure itself again. A move is made from a click or a key, after the
  // render that showed the booking, so the grid calls the latest `move` through a ref.
  const moveRef = useRef(move);
  useLayoutEffect(() => {
    moveRef.current = move;
  });

  const onDrop = useCallback(
    async (arg: EventDropArg | EventResizeDoneArg) => {
      const p = byId.get(Number(arg.event.id));
      const { start, end } = arg.event;
      if (!p || !start || !end) return arg.revert();
      const refused = await moveRef.current(p, {
        startsAt: fromWall(start, zone),
        endsAt: fromWall(end, zone),
        roomId: p.roomId,
        doctorId: p.doctorId,
      });
      if (refused !== null) arg.revert();
    },
    [byId, zone],
  );

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

  const describe = useCallback(
    (p: CalendarBooking) =>
      t('bookingLabel', {
        time: formatInstant(p.startsAt, locale, zone),
        name: patientName(p.patient),
        mrn: p.patient.mrn,
        type: procedureTypeName(t, p),
        seq: p.sequence ?? '–',
        room: p.roomName,
        doctor: p.doctorName,
        status: procedureStatusName(t, p.status),
      }),
    [t, locale, zone],
  );
  const typeLabel = (p: Pick<CalendarBooking, 'typeCode' | 'typeName'>) => procedureTypeName(t, p);

  const onMount = useCallback(
    (arg: EventMountArg) => {
      const p = byId.get(Number(arg.event.id));
      if (!p) return;
      arg.el.dataset.procedureId = String(p.id);
      arg.el.tabIndex = 0;
      arg.el.setAttribute('aria-label', describe(p));
      if (focusAfter.current === p.id) {
        focusAfter.current = null;
        arg.el.focus();
      }
    },
    [byId, describe],
  );

  const onSelect = useCallback(
    (arg: DateSelectArg) => {
      arg.view.calendar.unselect();
      setRefusal(null);
      setSlot({
        start: arg.start,
        end: arg.end,
        allDay: arg.allDay,
        roomId: numOrNull(roomId),
        doctorId: numOrNull(doctorId),
      });
    },
    [roomId, doctorId],
  );

  const handlers = useMemo(
    () => ({
      // FullCalendar reports its range again after any option changes: keep the same object so nothing loops.
      datesSet: (arg: DatesSetArg) => {
        const next = {
          ...wallRangeToInstants(arg.start, arg.end, zone),
          firstDay: arg.start.toISOString().slice(0, 10),
          view: arg.view.type,
        };
        setRange((r) => (r && r.from === next.from && r.to === next.to && r.view === next.view ? r : next));
      },
      now: () => toWall(new Date().toISOString(), zone),
      select: onSelect,
      eventClick: (arg: EventClickArg) => {
        arg.jsEvent.preventDefault();
        setOpenId(Number(arg.event.id));
      },
      eventDrop: (arg: EventDropArg) => void onDrop(arg),
      eventResize: (arg: EventResizeDoneArg) => void onDrop(arg),
      eventDidMount: onMount,
      eventContent: (arg: EventContentArg) => {
        const p = byId.get(Number(arg.event.id));
        return p ? <BookingContent p={p} time={arg.timeText} type={procedureTypeName(t, p)} /> : null;
      },
    }),
    [zone, onSelect, onDrop, onMount, byId, t],
  );
  const buttonText = useMemo(
    () => ({
      prev: '‹',
      next: '›',
      today: t('view.today'),
      day: t('view.day'),
      week: t('view.week'),
      month: t('view.month'),
    }),
    [t],
  );

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
        <Grid
          ref={calendarRef}
          initialDate={initialDate}
          locale={locale === 'zh-CN' ? 'zh-cn' : 'en-gb'}
          headerToolbar={filtered ? TOOLBAR : TOOLBAR_OVERVIEW}
          buttonText={buttonText}
          events={events}
          {...handlers}
        />
        {overview ? (
          <OccupancyTable
            days={weekDays}
            rooms={rooms.data}
            loads={occupancy.data}
            zone={zone}
            today={today}
            onRoom={showRoom}
            onDay={showDay}
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
