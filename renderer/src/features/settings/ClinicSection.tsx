// The clinic's name, time zone (every date, calendar and "today" is counted in it) and the desks' idle lock.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ClinicSettings, IdleLockMinutes } from '../../../../db/contract';
import { call } from '../../api/client';
import { clinicKeys, useClinicSettings, useInvalidateClinic } from '../../api/course-queries';
import { sessionKey } from '../../api/session';
import { ErrorBanner, Loading } from '../../ui/feedback';
import { ComboField, type ComboOption } from '../../ui/ComboField';
import { TextField } from '../../ui/fields';
import { setClinicTimeZone } from '../../ui/time-zone';
import { formBanner } from '../../ui/courses/form-banner';
import { SettingsForm, useSettingsForm } from './SettingsForm';

export function ClinicSection() {
  const settings = useClinicSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorBanner error={settings.error} />;
  return <ClinicForm key={JSON.stringify(settings.data)} initial={settings.data} />;
}

/** The form holds the minutes as typed; the contract's own rule (1–240, whole) phrases what is wrong with them. */
type ClinicValues = Omit<ClinicSettings, 'idleLockMinutes'> & { idleLockMinutes: string };
const ClinicFormSchema = z
  .object({ idleLockMinutes: z.string() })
  .passthrough()
  .transform((v) => ({ ...v, idleLockMinutes: v.idleLockMinutes.trim() === '' ? NaN : Number(v.idleLockMinutes) }))
  .pipe(ClinicSettings.extend({ idleLockMinutes: IdleLockMinutes }));

function ClinicForm({ initial }: { initial: ClinicSettings }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const invalidate = useInvalidateClinic();
  const settings = useSettingsForm<ClinicValues>({ ...initial, idleLockMinutes: String(initial.idleLockMinutes) });
  const { form, set } = settings;
  const save = useMutation({ mutationFn: (input: ClinicSettings) => call('clinic.saveSettings', input) });
  const onSubmit = () =>
    void settings.submit(ClinicFormSchema, async (input) => {
      const result = await save.mutateAsync(input);
      client.setQueryData(clinicKeys.settings, result);
      // Every screen shows times in the clinic's zone: switch at once, and let the session re-read it.
      setClinicTimeZone(result.timeZone);
      await Promise.all([invalidate(), client.invalidateQueries({ queryKey: sessionKey })]);
    });
  return (
    <SettingsForm
      id="clinic"
      title={t('clinic.title')}
      intro={t('clinic.intro')}
      error={formBanner(form)}
      state={settings}
      savedMessage={t('clinic.saved')}
      onSubmit={onSubmit}
    >
      <TextField className="span-6" label={t('clinic.name')} {...settings.bind('name')} isRequired />
      <TimeZoneField
        className="span-6"
        label={t('clinic.timeZone')}
        description={t('clinic.timeZoneHint')}
        value={form.values.timeZone}
        onChange={(v) => set('timeZone', v ?? '')}
        error={form.errors.timeZone}
      />
      <TextField
        className="span-3"
        label={t('clinic.idleLock')}
        description={t('clinic.idleLockHint')}
        inputMode="numeric"
        {...settings.bind('idleLockMinutes')}
        isRequired
      />
    </SettingsForm>
  );
}

/**
 * Every IANA zone this runtime knows, with its name in the reader's language and its offset now
 * ("Asia/Shanghai · 中国标准时间 (GMT+08:00)"), so it is found by typing a city or the zone's own name.
 */
function zoneOptions(locale: string): ComboOption[] {
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
    return { value: id, label: offset ? `${named} (${offset})` : named };
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
    <ComboField
      label={p.label}
      options={options}
      selected={p.value || null}
      onSelect={p.onChange}
      filter={contains}
      error={p.error}
      description={p.description}
      isRequired
      className={p.className}
    />
  );
}
