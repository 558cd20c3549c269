// The outcome report's thresholds: how large a change from baseline counts as "improved", per instrument (admin).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { INSTRUMENTS, OUTCOME_INSTRUMENTS, type OutcomeInstrument, ReportThresholds } from '../../../../db/contract';
import { call } from '../../api/client';
import { instrumentName } from '../../ui/assessments/labels';
import { formBanner } from '../../ui/courses/form-banner';
import { ErrorBanner, Loading } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { SettingsForm, useSettingsForm } from './SettingsForm';

/** Shared with the outcomes report, which reads the same values. */
export const thresholdsKey = ['reports', 'thresholds'] as const;

type Values = Record<OutcomeInstrument, string>;
const toNumber = (s: string) => (s.trim() === '' ? NaN : Number(s.trim().replace(',', '.')));
const FormSchema = z
  .record(z.string(), z.string())
  .transform((v) => Object.fromEntries(OUTCOME_INSTRUMENTS.map((id) => [id, toNumber(v[id] ?? '')])))
  .pipe(ReportThresholds);

export function ThresholdsSection() {
  const q = useQuery({ queryKey: thresholdsKey, queryFn: () => call('reports.thresholds', {}) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBanner error={q.error} />;
  return <ThresholdsForm key={JSON.stringify(q.data)} initial={q.data} />;
}

function ThresholdsForm({ initial }: { initial: ReportThresholds }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const strings = Object.fromEntries(OUTCOME_INSTRUMENTS.map((id) => [id, String(initial[id])])) as Values;
  const settings = useSettingsForm<Values>(strings);
  const save = useMutation({ mutationFn: (input: ReportThresholds) => call('reports.saveThresholds', input) });
  const onSubmit = () =>
    void settings.submit(FormSchema, async (input) => {
      client.setQueryData(thresholdsKey, await save.mutateAsync(input));
      await client.invalidateQueries({ queryKey: ['reports'] });
    });
  return (
    <SettingsForm
      id="thresholds"
      title={t('thresholds.title')}
      intro={t('thresholds.intro')}
      error={formBanner(settings.form)}
      state={settings}
      savedMessage={t('thresholds.saved')}
      onSubmit={onSubmit}
    >
      {OUTCOME_INSTRUMENTS.map((id) => {
        const def = INSTRUMENTS.latest(id);
        return (
          <TextField
            key={id}
            className="span-4"
            label={instrumentName(t, def)}
            description={t(`thresholds.better.${def.better}`)}
            inputMode="numeric"
            {...settings.bind(id)}
            isRequired
          />
        );
      })}
    </SettingsForm>
  );
}
