// Procedure types the ward books: name, default duration, route and calendar colour; retired ones stay on old bookings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type ProcedureType, ProcedureTypeFields, type Route } from '../../../../db/contract';
import { call } from '../../api/client';
import { useInvalidateClinic, useProcedureTypes } from '../../api/course-queries';
import { ErrorBanner } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { FormDialog, useDialogForm } from '../../ui/courses/FormDialog';
import { routeLabel, routeOptions, typeName } from '../../ui/courses/labels';
import { ActiveBadge, RetireButton, useRowAction } from './ActiveBadge';
import { SettingsList } from './SettingsList';
import '../../ui/courses/courses.css';
import { DataTable } from '../../ui/DataTable';

type Editing = { type: ProcedureType | null } | null;

const fieldsOf = (p: ProcedureType) => ({
  name: p.name,
  defaultMinutes: p.defaultMinutes,
  route: p.route,
  colour: p.colour,
  active: p.active,
});

export function ProcedureTypesSection() {
  const { t } = useTranslation('settings');
  const types = useProcedureTypes(true);
  const invalidate = useInvalidateClinic();
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState<string | null>(null);
  const row = useRowAction();

  const toggle = (type: ProcedureType) =>
    row.run(async () => {
      await call('procedureTypes.update', {
        id: type.id,
        version: type.version,
        fields: { ...fieldsOf(type), active: !type.active },
      });
      await invalidate();
      setNote(t(type.active ? 'types.retired' : 'types.reactivated', { name: typeName(t, toNamed(type)) }));
    });

  return (
    <SettingsList
      id="types"
      title={t('types.title')}
      intro={t('types.intro')}
      note={note}
      action={<Button onPress={() => setEditing({ type: null })}>{t('types.add')}</Button>}
      top={<ErrorBanner error={row.error} />}
      query={types}
      empty={t('types.empty')}
      dialog={
        editing ? (
          <TypeDialog
            type={editing.type}
            onClose={() => setEditing(null)}
            onDone={async (saved) => {
              await invalidate();
              setNote(t(editing.type ? 'types.saved' : 'types.added', { name: typeName(t, toNamed(saved)) }));
            }}
          />
        ) : null
      }
    >
      {(rows) => (
        <DataTable
          columns={[
            t('types.name'),
            { label: t('types.minutes'), className: 'num' },
            t('types.route'),
            t('types.colour'),
            t('status'),
          ]}
          actions={t('actions')}
          className="settings-table"
          labelledBy="types-title"
        >
          {rows.map((type) => {
            const name = typeName(t, toNamed(type));
            return (
              <tr key={type.id} className={type.active ? undefined : 'row-retired'}>
                <td>
                  {name}
                  {name !== type.name ? <span className="cell-sub">{type.name}</span> : null}
                </td>
                <td className="num">{t('types.minutesValue', { count: type.defaultMinutes })}</td>
                <td>{routeLabel(t, type.route)}</td>
                <td>
                  <span className="type-swatch" style={{ background: type.colour }} aria-hidden="true" />
                  <span className="mono">{type.colour}</span>
                </td>
                <td>
                  <ActiveBadge active={type.active} />
                </td>
                <td className="row-actions">
                  <Button
                    variant="ghost"
                    onPress={() => setEditing({ type })}
                    aria-label={t('types.editLabel', { name })}
                  >
                    {t('types.edit')}
                  </Button>
                  <RetireButton active={type.active} name={name} onPress={() => void toggle(type)} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </SettingsList>
  );
}

const toNamed = (p: ProcedureType) => ({ typeCode: p.code, typeName: p.name });

interface Values {
  name: string;
  defaultMinutes: string;
  route: Route | null;
  colour: string;
  active: boolean;
}

const FormSchema = z
  .object({ defaultMinutes: z.string() })
  .passthrough()
  .transform((v) => ({ ...v, defaultMinutes: v.defaultMinutes.trim() === '' ? Number.NaN : Number(v.defaultMinutes) }))
  .pipe(ProcedureTypeFields);

function TypeDialog(p: {
  type: ProcedureType | null;
  onClose: () => void;
  onDone: (saved: ProcedureType) => Promise<void>;
}) {
  const { t } = useTranslation('settings');
  const { form, submit, frame } = useDialogForm<Values>(
    () =>
      p.type
        ? { ...fieldsOf(p.type), defaultMinutes: String(p.type.defaultMinutes) }
        : { name: '', defaultMinutes: '60', route: null, colour: '#3366cc', active: true },
    p.onClose,
  );
  const save = async () => {
    await submit(FormSchema, async (fields) => {
      const saved = p.type
        ? await call('procedureTypes.update', { id: p.type.id, version: p.type.version, fields })
        : await call('procedureTypes.create', fields);
      await p.onDone(saved);
    });
  };
  const colourOk = /^#[0-9a-f]{6}$/i.test(form.values.colour);
  return (
    <FormDialog
      title={p.type ? t('types.editTitle', { name: p.type.name }) : t('types.addTitle')}
      submitLabel={t('common:actions.save')}
      {...frame}
      onSubmit={() => void save()}
    >
      <div className="form-grid">
        <TextField
          className="span-12"
          label={t('types.name')}
          value={form.values.name}
          onChange={(v) => form.set('name', v)}
          error={form.errors.name}
          description={p.type?.code ? t('types.codeHint') : undefined}
          isRequired
          autoFocus
        />
        <TextField
          className="span-6"
          label={t('types.minutes')}
          value={form.values.defaultMinutes}
          onChange={(v) => form.set('defaultMinutes', v)}
          error={form.errors.defaultMinutes}
          inputMode="numeric"
          description={t('types.minutesHint')}
          isRequired
        />
        <SelectField
          className="span-6"
          label={t('types.route')}
          value={form.values.route}
          onChange={(v) => form.set('route', v)}
          options={routeOptions(t)}
          placeholder={t('types.choose')}
          error={form.errors.route}
          isRequired
        />
        <div className="span-6 colour-field">
          <TextField
            label={t('types.colour')}
            value={form.values.colour}
            onChange={(v) => form.set('colour', v.trim())}
            error={form.errors.colour}
            description={t('types.colourHint')}
            isRequired
          />
          <span
            className="type-swatch type-swatch-large"
            style={{ background: colourOk ? form.values.colour : 'transparent' }}
            aria-hidden="true"
          />
        </div>
      </div>
    </FormDialog>
  );
}
