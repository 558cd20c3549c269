// Rooms the ward books: add, rename, retire (past bookings stay readable) and bring back.
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Room, RoomFields } from '../../../../db/contract';
import { call } from '../../api/client';
import { useInvalidateClinic, useRooms } from '../../api/course-queries';
import { ErrorBanner } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { focusFirstInvalid } from '../../ui/form-keys';
import { useForm } from '../../ui/use-form';
import { FormDialog, useDialogForm } from '../../ui/courses/FormDialog';
import { formBanner } from '../../ui/courses/form-banner';
import { ActiveBadge, RetireButton, useRowAction } from './ActiveBadge';
import { SettingsList } from './SettingsList';
import { DataTable } from '../../ui/DataTable';

export function RoomsSection() {
  const { t } = useTranslation('settings');
  const rooms = useRooms(true);
  const invalidate = useInvalidateClinic();
  const [renaming, setRenaming] = useState<Room | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const row = useRowAction();
  const form = useForm({ name: '' });
  const addRef = useRef<HTMLFormElement>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    const ok = await form.submit(RoomFields, async (fields) => {
      const room = await call('rooms.create', fields);
      await invalidate();
      setNote(t('rooms.added', { name: room.name }));
    });
    if (ok) form.setValues({ name: '' });
    else focusFirstInvalid(addRef.current);
  };
  const toggle = (room: Room) =>
    row.run(async () => {
      await call('rooms.update', {
        id: room.id,
        version: room.version,
        fields: { name: room.name, active: !room.active },
      });
      await invalidate();
      setNote(t(room.active ? 'rooms.retired' : 'rooms.reactivated', { name: room.name }));
    });

  return (
    <SettingsList
      id="rooms"
      title={t('rooms.title')}
      intro={t('rooms.intro')}
      note={note}
      query={rooms}
      empty={t('rooms.empty')}
      top={
        <>
          <form ref={addRef} className="settings-add" onSubmit={add} noValidate aria-label={t('rooms.add')}>
            <TextField
              label={t('rooms.newName')}
              value={form.values.name}
              onChange={(v) => form.set('name', v)}
              error={form.errors.name}
              isRequired
            />
            <Button type="submit" isPending={form.submitting}>
              {t('rooms.add')}
            </Button>
          </form>
          <ErrorBanner error={formBanner(form) ?? row.error} />
        </>
      }
      dialog={
        renaming ? (
          <RenameDialog
            room={renaming}
            onClose={() => setRenaming(null)}
            onDone={async (name) => {
              await invalidate();
              setNote(t('rooms.renamed', { name }));
            }}
          />
        ) : null
      }
    >
      {(rows) => (
        <DataTable
          columns={[t('rooms.name'), t('status')]}
          actions={t('actions')}
          className="settings-table"
          labelledBy="rooms-title"
        >
          {rows.map((room) => (
            <tr key={room.id} className={room.active ? undefined : 'row-retired'}>
              <td>{room.name}</td>
              <td>
                <ActiveBadge active={room.active} />
              </td>
              <td className="row-actions">
                <Button
                  variant="ghost"
                  onPress={() => setRenaming(room)}
                  aria-label={t('rooms.renameLabel', { name: room.name })}
                >
                  {t('rooms.rename')}
                </Button>
                <RetireButton active={room.active} name={room.name} onPress={() => void toggle(room)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </SettingsList>
  );
}

function RenameDialog(p: { room: Room; onClose: () => void; onDone: (name: string) => Promise<void> }) {
  const { t } = useTranslation('settings');
  const { form, submit, frame } = useDialogForm({ name: p.room.name, active: p.room.active }, p.onClose);
  const save = async () => {
    await submit(RoomFields, async (fields) => {
      const room = await call('rooms.update', { id: p.room.id, version: p.room.version, fields });
      await p.onDone(room.name);
    });
  };
  return (
    <FormDialog
      title={t('rooms.renameTitle', { name: p.room.name })}
      submitLabel={t('common:actions.save')}
      {...frame}
      onSubmit={() => void save()}
    >
      <TextField
        label={t('rooms.name')}
        value={form.values.name}
        onChange={(v) => form.set('name', v)}
        error={form.errors.name}
        isRequired
        autoFocus
      />
    </FormDialog>
  );
}
