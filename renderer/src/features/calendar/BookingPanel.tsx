// A booking opened from the grid (Enter or a click): what it is, "Move…" by typed date, time, room and doctor, and
// the keyboard shortcuts that move it in place. A move refused in the grid opens it here, the refusal beside the fields.
import { type FormEvent, useState } from 'react';
import { Heading } from 'react-aria-components';
import { ModalDialog } from '../../ui/ModalDialog';
import { useTranslation } from 'react-i18next';
import type { CalendarBooking } from '../../../../db/contract';
import { Ltr, Name } from '../../ui/bidi';
import { procedureStatusName } from '../../ui/procedure-labels';
import { Button } from '../../ui/fields';
import { formatTimeRange, instantToZonedInput } from '../../ui/format';
import { clinicTimeZone } from '../../ui/time-zone';
import { fromWall } from './calendar-time';
import { isMovable, patientName } from './calendar-logic';
import { SlotFields, SlotRefusal, type SlotValues } from './SlotFields';

interface Props {
  procedure: CalendarBooking;
  /** The booking in one sentence, as the grid announces it. */
  label: string;
  typeLabel: string;
  /** Resolves to the refusal in words, or null when moved. */
  onMove: (next: { startsAt: string; endsAt: string; roomId: number; doctorId: number }) => Promise<string | null>;
  /** Why the last move of this booking (in the grid or here) was refused, if it was. */
  refusal: string | null;
  onClose: () => void;
}

const KEYS = ['up', 'down', 'left', 'right', 'shorter', 'longer', 'enter'] as const;
const KEY_CAPS: Record<(typeof KEYS)[number], string> = {
  up: 'Alt+↑',
  down: 'Alt+↓',
  left: 'Alt+←',
  right: 'Alt+→',
  shorter: 'Alt+Shift+↑',
  longer: 'Alt+Shift+↓',
  enter: 'Enter',
};

export function BookingPanel({ procedure: p, label, typeLabel, onMove, refusal, onClose }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const zone = clinicTimeZone();
  // Refused in the grid: the move fields are open already, to try another time.
  const [moving, setMoving] = useState(refusal !== null && isMovable(p));
  const [when, setWhen] = useState<SlotValues>({
    start: instantToZonedInput(p.startsAt, zone),
    end: instantToZonedInput(p.endsAt, zone),
    roomId: String(p.roomId),
    doctorId: String(p.doctorId),
  });
  const [saving, setSaving] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const refused = await onMove({
      startsAt: fromWall(new Date(`${when.start}:00Z`), zone),
      endsAt: fromWall(new Date(`${when.end}:00Z`), zone),
      roomId: Number(when.roomId ?? p.roomId),
      doctorId: Number(when.doctorId ?? p.doctorId),
    });
    setSaving(false);
    if (refused === null) onClose();
  };

  return (
    <ModalDialog onClose={onClose} wide label={label}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="dialog-form">
        <Heading slot="title" className="dialog-title">
          {p.sequence ? t('transplantNo', { n: p.sequence }) : typeLabel}
          {' · '}
          <Name>{patientName(p.patient)}</Name> <Ltr>{p.patient.mrn}</Ltr>
        </Heading>
        <dl className="booking-facts">
          <dt>{t('booking.type')}</dt>
          <dd>{typeLabel}</dd>
          <dt>{t('booking.when')}</dt>
          <dd>{formatTimeRange(p.startsAt, p.endsAt, i18n.language, zone)}</dd>
          <dt>{t('room')}</dt>
          <dd>
            <Name>{p.roomName}</Name>
          </dd>
          <dt>{t('doctor')}</dt>
          <dd>
            <Name>{p.doctorName}</Name>
          </dd>
          <dt>{t('booking.status')}</dt>
          <dd>
            {procedureStatusName(t, p.status)}
            {p.reason ? (
              <>
                {' · '}
                <Name>{p.reason}</Name>
              </>
            ) : null}
          </dd>
        </dl>
        {moving ? (
          <fieldset className="booking-move">
            <legend>{t('move.title')}</legend>
            <div className="form-grid-2">
              <SlotFields
                value={when}
                onChange={setWhen}
                errors={{}}
                keepRoomId={p.roomId}
                autoFocusStart={refusal === null}
              />
            </div>
            <SlotRefusal message={refusal} />
          </fieldset>
        ) : (
          <SlotRefusal message={refusal} />
        )}
        <section className="booking-keys" aria-labelledby="booking-keys-title">
          <h3 id="booking-keys-title" className="booking-keys-title">
            {t('keys.title')}
          </h3>
          <dl className="booking-keys-list">
            {KEYS.map((k) => (
              <div key={k}>
                <dt>
                  <kbd>{KEY_CAPS[k]}</kbd>
                </dt>
                <dd>{t(`keys.${k}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="dialog-actions">
          <Button onPress={onClose}>{t('common:actions.close')}</Button>
          {isMovable(p) && !moving ? (
            <Button variant="primary" onPress={() => setMoving(true)}>
              {t('move.open')}
            </Button>
          ) : null}
          {moving ? (
            <Button type="submit" variant="primary" isPending={saving}>
              {t('move.save')}
            </Button>
          ) : null}
        </div>
      </form>
    </ModalDialog>
  );
}
