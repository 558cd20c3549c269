// A booking opened from the grid (Enter or a click): what it is, "Move…" by typed date, time, room and doctor, and
// the keyboard shortcuts that move it in place.
import { type FormEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../../db/contract';
import { useDoctors, useRooms } from '../../api/procedure-queries';
import { Ltr, Name } from '../../ui/bidi';
import { procedureStatusName } from '../../ui/procedure-labels';
import { Button, SelectField, TextField } from '../../ui/fields';
import { formatInstant, instantToZonedInput } from '../../ui/format';
import { clinicTimeZone } from '../../ui/time-zone';
import { fromWall } from './calendar-time';
import { formatTime, isMovable, patientName } from './calendar-logic';

interface Props {
  procedure: Procedure;
  /** The booking in one sentence, as the grid announces it. */
  label: string;
  typeLabel: string;
  /** Resolves to the refusal in words, or null when moved. */
  onMove: (next: { startsAt: string; endsAt: string; roomId: number; doctorId: number }) => Promise<string | null>;
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

export function BookingPanel({ procedure: p, label, typeLabel, onMove, onClose }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const zone = clinicTimeZone();
  const rooms = useRooms();
  const doctors = useDoctors();
  const [moving, setMoving] = useState(false);
  const [start, setStart] = useState(instantToZonedInput(p.startsAt, zone));
  const [end, setEnd] = useState(instantToZonedInput(p.endsAt, zone));
  const [roomId, setRoomId] = useState<string | null>(String(p.roomId));
  const [doctorId, setDoctorId] = useState<string | null>(String(p.doctorId));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const refused = await onMove({
      startsAt: fromWall(new Date(`${start}:00Z`), zone),
      endsAt: fromWall(new Date(`${end}:00Z`), zone),
      roomId: Number(roomId ?? p.roomId),
      doctorId: Number(doctorId ?? p.doctorId),
    });
    setSaving(false);
    setRefusal(refused);
    if (refused === null) onClose();
  };

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? null : onClose())}>
      <Modal className="modal modal-wide">
        <Dialog className="dialog" aria-label={label}>
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
              <dd>
                {formatInstant(p.startsAt, i18n.language, zone)}–{formatTime(p.endsAt, i18n.language, zone)}
              </dd>
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
            {refusal ? (
              <div className="banner banner-error" role="alert">
                {refusal}
              </div>
            ) : null}
            {moving ? (
              <fieldset className="booking-move">
                <legend>{t('move.title')}</legend>
                <div className="form-grid-2">
                  <TextField
                    label={t('booking.start')}
                    type="datetime-local"
                    value={start}
                    onChange={setStart}
                    autoFocus
                    isRequired
                  />
                  <TextField label={t('booking.end')} type="datetime-local" value={end} onChange={setEnd} isRequired />
                  <SelectField
                    label={t('room')}
                    value={roomId}
                    onChange={setRoomId}
                    options={(rooms.data ?? [])
                      .filter((r) => r.active || r.id === p.roomId)
                      .map((r) => ({ value: String(r.id), label: r.name }))}
                  />
                  <SelectField
                    label={t('doctor')}
                    value={doctorId}
                    onChange={setDoctorId}
                    options={(doctors.data ?? []).map((d) => ({ value: String(d.id), label: d.displayName }))}
                  />
                </div>
              </fieldset>
            ) : null}
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
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
