// Pure pieces of the calendar: readable text on a type's colour, keyboard shortcuts, and a clash in words.
import type { TFunction } from 'i18next';
import { BookingClash, type CalendarBooking } from '../../../../db/contract';
import { ApiCallError } from '../../api/client';
import { errorMessage } from '../../ui/error-message';
import { formatClock, formatInstantShort } from '../../ui/format';
import { fieldMessages } from '../../ui/validation-message';

/** Black or white, whichever reads better on `hex` (WCAG relative luminance), so any colour an admin picks works. */
export function textOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1] ?? '0') + 0.7152 * lin(m[2] ?? '0') + 0.0722 * lin(m[3] ?? '0');
  // Contrast against white is 1.05/(l+0.05), against black (l+0.05)/0.05: pick the larger.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

export interface Shift {
  /** Whole booking moved by this many minutes. */
  minutes?: number;
  days?: number;
  /** Only the end moved (a resize). */
  endMinutes?: number;
}

/** The booking shortcuts (documented in the booking panel): Alt+arrows move, Alt+Shift+Up/Down resize. */
export function shortcutShift(e: { key: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean }): Shift | null {
  if (!e.altKey || e.ctrlKey) return null;
  if (e.shiftKey) {
    if (e.key === 'ArrowUp') return { endMinutes: -15 };
    if (e.key === 'ArrowDown') return { endMinutes: 15 };
    return null;
  }
  switch (e.key) {
    case 'ArrowUp':
      return { minutes: -15 };
    case 'ArrowDown':
      return { minutes: 15 };
    case 'ArrowLeft':
      return { days: -1 };
    case 'ArrowRight':
      return { days: 1 };
    default:
      return null;
  }
}

/** 09:30 on the clinic's clock. */
export const patientName = (p: CalendarBooking['patient']): string => `${p.familyName} ${p.givenName}`;

/** Holding bookings can move; freed and completed ones are history. */
export const isMovable = (p: CalendarBooking): boolean => p.status === 'scheduled';

/**
 * A refused booking or move in words: a clash names who holds the slot, where and when; field errors (an end before
 * the start, a day outside the course) say what is wrong; anything else is the code's sentence.
 */
export function refusalText(t: TFunction, err: unknown, locale: string): string {
  if (err instanceof ApiCallError) {
    const clash = BookingClash.safeParse(err.details?.clash);
    if (clash.success) {
      const c = clash.data;
      return t('calendar:clash', {
        what: t(`calendar:clashKind.${c.kind}`),
        patient: `${patientName(c.patient)} (${c.patient.mrn})`,
        room: c.roomName,
        doctor: c.doctorName,
        from: formatInstantShort(c.startsAt, locale),
        to: formatClock(c.endsAt, locale),
      });
    }
    const fields = Object.values(fieldMessages(t, err.fields));
    if (fields.length > 0) return fields.join(' ');
  }
  return errorMessage(t, err);
}
