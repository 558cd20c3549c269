// The clinic's name and time zone (every date, calendar and "today" in the app is counted in it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ClinicSettings } from '../../../../db/contract';
import { call } from '../../api/client';
import { clinicKeys, useClinicSettings, useInvalidateClinic } from '../../api/course-queries';
import { sessionKey } from '../../api/session';
import { ErrorBanner, Loading, SavedNote } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { setClinicTimeZone } from '../../ui/time-zone';
import { useForm } from '../../ui/use-form';
import { formBanner } from '../../ui/courses/form-banner';

export function ClinicSection() {
  const settings = useClinicSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBanner error={settings.error} />;
  return <ClinicForm key={JSON.stringify(settings.data)} initial={settings.data} />;
}

function ClinicForm({ initial }: { initial: ClinicSettings }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const invalidate = useInvalidateClinic();
  const form = useForm<ClinicSettings>(initial);
  const [saved, setSaved] = useState(false);
  const save = useMutation({ mutationFn: (input: ClinicSettings) => call('clinic.saveSettings', input) });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await form.submit(ClinicSettings, async (input) => {
      const result = await save.mutateAsync(input);
      client.setQueryData(clinicKeys.settings, result);
      // Every screen shows times in the clinic's zone: switch at once, and let the session re-read it.
      setClinicTimeZone(result.timeZone);
      await Promise.all([invalidate(), client.invalidateQueries({ queryKey: sessionKey })]);
    });
    if (ok) setSaved(true);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="clinic-title">
      <div className="panel-header">
        <h2 className="panel-title" id="clinic-title">
          {t('clinic.title')}
        </h2>
      </div>
      <div className="panel-body settings-body">
        <p className="muted small">{t('clinic.intro')}</p>
        <ErrorBanner error={formBanner(form)} />
        <div className="form-grid">
          <TextField
            className="span-6"
            label={t('clinic.name')}
            value={form.values.name}
            onChange={(v) => {
              setSaved(false);
              form.set('name', v);
            }}
            error={form.errors.name}
            isRequired
          />
          <TimeZoneField
            className="span-6"
            label={t('clinic.timeZone')}
            description={t('clinic.timeZoneHint')}
            value={form.values.timeZone}
            onChange={(v) => {
              setSaved(false);
              form.set('timeZone', v ?? '');
            }}
            error={form.errors.timeZone}
          />
        </div>
        <div className="settings-actions">
          <SavedNote className="muted small" message={saved ? t('clinic.saved') : null} />
          <Button type="submit" variant="primary" isPending={form.submitting}>
            {t('common:actions.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}

interface ZoneOption {
  id: string;
  label: string;
}

/**
 * Every IANA zone this runtime knows, with its name in the reader's language and its offset now
 * ("Asia/Shanghai · 中国标准时间 (GMT+08:00)"), so it is found by typing a city or the zone's own name.
 */
function zoneOptions(locale: string): ZoneOption[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const now = new Date();
  const part = (id: string, style: 'long' | 'longOffset') =>
    new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: style })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  return zones.map((id) => {
    const name = part(id, 'long');
    const offset = part(id, 'longOffset');
    // A zone without a name of its own is named by its offset: say that once.
    const named = name && name !== offset ? `${id} · ${name}` : id;
    return { id, label: offset ? `${named} (${offset})` : named };
  });
}

function TimeZoneField(p: {
  label: string;
  description: string;
  value: string;
  onChange: (value: string | null) => void;
  error: string | undefined;
  className?: string;
}) {
  const { i18n } = useTranslation();
  const options = useMemo(() => zoneOptions(i18n.language), [i18n.language]);
  const contains = (text: string, input: string) =>
    text.toLowerCase().replace(/_/g, ' ').includes(input.toLowerCase().replace(/_/g, ' ').trim());
  return (
    <ComboBox
      className={`field ${p.className ?? ''}`}
      defaultItems={options}
      selectedKey={p.value || null}
      onSelectionChange={(key) => p.onChange(key === null ? null : String(key))}
      defaultFilter={contains}
      menuTrigger="input"
      isRequired
      isInvalid={Boolean(p.error)}
      validationBehavior="aria"
    >
      <Label className="field-label">
        {p.label}
        <span className="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      </Label>
      <div className="combo">
        <Input className="input combo-input" />
        <AriaButton className="combo-button" aria-label={p.label}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      {p.error ? null : (
        <Text slot="description" className="field-description">
          {p.description}
        </Text>
      )}
      <FieldError className="field-error">{p.error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {(o: ZoneOption) => (
            <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
