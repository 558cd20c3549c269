// The admin's clinic settings, one tab each: the clinic (name, time zone), rooms, procedure types, and the format new
// clinic numbers (MRN) are given in, with a preview of the next one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MrnSettings } from '../../../../db/contract';
import { call } from '../../api/client';
import { ErrorBanner, Loading, PageHeader, SavedNote } from '../../ui/feedback';
import { Button, TextField } from '../../ui/fields';
import { useForm } from '../../ui/use-form';
import { ClinicSection } from './ClinicSection';
import { ProcedureTypesSection } from './ProcedureTypesSection';
import { RoomsSection } from './RoomsSection';
import './settings.css';

const mrnKey = ['settings', 'mrn'] as const;
const FormatSchema = MrnSettings.pick({ format: true });

const TABS = ['clinic', 'rooms', 'types', 'mrn'] as const;

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs className="settings-tabs">
        <TabList className="tab-list" aria-label={t('title')}>
          {TABS.map((tab) => (
            <Tab key={tab} id={tab} className="tab">
              {t(`tabs.${tab}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="clinic" className="tab-panel">
          <ClinicSection />
        </TabPanel>
        <TabPanel id="rooms" className="tab-panel">
          <RoomsSection />
        </TabPanel>
        <TabPanel id="types" className="tab-panel">
          <ProcedureTypesSection />
        </TabPanel>
        <TabPanel id="mrn" className="tab-panel">
          <MrnSection />
        </TabPanel>
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
  const form = useForm({ format });
  const [saved, setSaved] = useState(false);
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
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await form.submit(FormatSchema, async (input) => {
      const result = await save.mutateAsync(input);
      client.setQueryData(mrnKey, result);
    });
    if (ok) setSaved(true);
  };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="mrn-title">
      <div className="panel-header">
        <h2 className="panel-title" id="mrn-title">
          {t('mrn.title')}
        </h2>
      </div>
      <div className="panel-body settings-body">
        <p className="muted small">{t('mrn.intro')}</p>
        <ErrorBanner error={form.formError && form.formError.code !== 'VALIDATION' ? form.formError : null} />
        <div className="form-grid">
          <TextField
            className="span-6"
            label={t('mrn.format')}
            value={form.values.format}
            onChange={(x) => {
              setSaved(false);
              form.set('format', x);
            }}
            error={form.errors.format}
            description={t('mrn.hint')}
            isRequired
          />
          <div className="span-6 settings-preview">
            <span className="field-label">{t('mrn.preview')}</span>
            <span className="mrn" aria-live="polite">
              {shownPreview ?? '—'}
            </span>
          </div>
        </div>
        <div className="settings-actions">
          <SavedNote className="muted small" message={saved ? t('mrn.saved') : null} />
          <Button type="submit" variant="primary" isPending={form.submitting}>
            {t('common:actions.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
