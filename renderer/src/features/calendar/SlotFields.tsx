// The slot of a booking (start, end, room, doctor) as both the booking dialog and the move panel ask for it, and the
// refusal in words shown right beside those fields, focused so a keyboard or screen-reader user meets it at once.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDoctors, useRooms } from '../../api/procedure-queries';
import { SelectField, TextField } from '../../ui/fields';

export interface SlotValues {
  /** Wall-clock `YYYY-MM-DDTHH:mm` on the clinic's clock, as a datetime-local input holds it. */
  start: string;
  end: string;
  roomId: string | null;
  doctorId: string | null;
}

interface Props {
  value: SlotValues;
  onChange: (next: SlotValues) => void;
  errors: Record<string, string | undefined>;
  /** A retired room still listed when the booking already holds it (moving keeps it readable). */
  keepRoomId?: number;
  /** Placeholder of the pickers when nothing is chosen yet (booking); a move always has a choice. */
  placeholder?: string;
  autoFocusStart?: boolean;
}

export function SlotFields({ value, onChange, errors, keepRoomId, placeholder, autoFocusStart }: Props) {
  const { t } = useTranslation('calendar');
  const rooms = useRooms();
  const doctors = useDoctors();
  const set = (patch: Partial<SlotValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField
        label={t('booking.start')}
        type="datetime-local"
        value={value.start}
        onChange={(start) => set({ start })}
        error={errors.startsAt}
        autoFocus={autoFocusStart}
        isRequired
      />
      <TextField
        label={t('booking.end')}
        type="datetime-local"
        value={value.end}
        onChange={(end) => set({ end })}
        error={errors.endsAt}
        isRequired
      />
      <SelectField
        label={t('room')}
        value={value.roomId}
        onChange={(roomId) => set({ roomId })}
        options={(rooms.data ?? [])
          .filter((r) => r.active || r.id === keepRoomId)
          .map((r) => ({ value: String(r.id), label: r.name }))}
        placeholder={placeholder}
        error={errors.roomId}
        isRequired
      />
      <SelectField
        label={t('doctor')}
        value={value.doctorId}
        onChange={(doctorId) => set({ doctorId })}
        options={(doctors.data ?? []).map((d) => ({ value: String(d.id), label: d.displayName }))}
        placeholder={placeholder}
        error={errors.doctorId}
        isRequired
      />
    </>
  );
}

/** A refused booking or move, beside the fields that caused it; takes focus whenever its words change. */
export function SlotRefusal({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message !== null) ref.current?.focus();
  }, [message]);
  if (message === null) return null;
  return (
    <div ref={ref} className="banner banner-error slot-refusal" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}
