// The admin's clinic settings, one tab each: the clinic (name, time zone), rooms, procedure types, and the format new
// clinic numbers (MRN) are given in, with a preview of the next one, and the outcome report's thresholds.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MrnSettings } from '../../../../db/contract';
import { call } from '../../api/client';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { ClinicSection } from './ClinicSection';
import { ProcedureTypesSection } from './ProcedureTypesSection';
import { RoomsSection } from './RoomsSection';
import { SettingsForm, useSettingsForm } from './SettingsForm';
import { ThresholdsSection } from './ThresholdsSection';
import './settings.css';

const mrnKey = ['settings', 'mrn'] as const;
const FormatSchema = MrnSettings.pick({ format: true });

/** Each tab and what it shows, in order. */
const TABS = [
  ['clinic', ClinicSection],
  ['rooms', RoomsSection],
  ['types', ProcedureTypesSection],
  ['mrn', MrnSection],
  ['thresholds', ThresholdsSection],
] as const;

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs className="settings-tabs">
        <TabList className="tab-list" aria-label={t('title')}>
          {TABS.map(([tab]) => (
            <Tab key={tab} id={tab} className="tab">
              {t(`tabs.${tab}`)}
            </Tab>
          ))}
        </TabList>
        {TABS.map(([tab, Section]) => (
          <TabPanel key={tab} id={tab} className="tab-panel">
            <Section />
          </TabPanel>
        ))}
      </Tabs>
    </>
  );
}

function MrnSection() {
  const mrn = useQuery({ queryKey: mrnKey, queryFn: () => call('settings.mrn', {}) });
  if (mrn.isPending) return <Loading />;
  if (mrn.isError) return <ErrorBanner error={mrn.error} />;
  return <MrnForm format={mrn.data.format} preview={mrn.data.preview} />;
}

function MrnForm({ format, preview }: { format: string; preview: string }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const settings = useSettingsForm({ format });
  const { form } = settings;
  // The next real number in the format as typed (the core's counter, nothing used up); a format the contract refuses
  // is not previewed: its field error says why.
  const typed = FormatSchema.safeParse(form.values);
  const typedFormat = typed.success ? typed.data.format : null;
  const typedPreview = useQuery({
    queryKey: [...mrnKey, 'preview', typedFormat],
    queryFn: ({ signal }) => call('settings.previewMrn', { format: typedFormat ?? '' }, { signal }),
    enabled: typedFormat !== null,
    placeholderData: keepPreviousData,
  });
  const shownPreview = typedFormat === null ? null : (typedPreview.data?.preview ?? preview);
  const save = useMutation({ mutationFn: (input: { format: string }) => call('settings.setMrnFormat', input) });
  const onSubmit = () =>
    void settings.submit(FormatSchema, async (input) => {
      const result = await save.mutateAsync(input);
      client.setQueryData(mrnKey, result);
    });
  return (
    <SettingsForm
      id="mrn"
      title={t('mrn.title')}
      intro={t('mrn.intro')}
      error={form.formError && form.formError.code !== 'VALIDATION' ? form.formError : null}
      state={settings}
      savedMessage={t('mrn.saved')}
      onSubmit={onSubmit}
    >
      <TextField
        className="span-6"
        label={t('mrn.format')}
        {...settings.bind('format')}
        description={t('mrn.hint')}
        isRequired
      />
      <div className="span-6 settings-preview">
        <span className="field-label">{t('mrn.preview')}</span>
        <span className="mrn" aria-live="polite">
          {shownPreview ?? '—'}
        </span>
      </div>
    </SettingsForm>
  );
}
