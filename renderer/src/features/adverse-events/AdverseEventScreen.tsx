// One adverse event: every fact as recorded, its status, and for a doctor the ways to close it — resolved (with the
// day and the outcome) or fatal (with the day of death, which makes it grade 5).
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AdverseEvent } from '../../../../db/contract';
import { useAdverseEvent, useInvalidateAdverseEvents } from '../../api/adverse-event-queries';
import { call } from '../../api/client';
import { useCurrentUser } from '../../api/session';
import { hrefFor } from '../../app/router';
import { GradeBadge } from '../../ui/adverse-events/EventList';
import {
  categoryName,
  eventName,
  gradeMeaning,
  gradeName,
  outcomeName,
  procedureLabel,
  relatednessName,
  resolvedOutcomeOptions,
  statusName,
} from '../../ui/adverse-events/labels';
import { Ltr, Name } from '../../ui/bidi';
import { FormDialog, useDialogForm } from '../../ui/courses/FormDialog';
import { Loaded, PageHeader } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { dayOf, formatDay, formatInstant } from '../../ui/format';
import '../../ui/records.css';
import '../../ui/adverse-events/adverse-events.css';

export function AdverseEventScreen({ id }: { id: number }) {
  const event = useAdverseEvent(id);
  return <Loaded query={event}>{(e) => <EventRecord e={e} />}</Loaded>;
}

type Dialog = 'resolve' | 'fatal' | null;

function EventRecord({ e }: { e: AdverseEvent }) {
  const { t, i18n } = useTranslation('adverseEvents');
  const locale = i18n.language;
  const doctor = useCurrentUser().role === 'doctor';
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const none = <span className="muted">{t('detail.none')}</span>;
  const fact = (label: string, value: ReactNode) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  const name = `${e.patient.familyName} ${e.patient.givenName}`;

  return (
    <>
      <PageHeader
        title={eventName(t, e)}
        subtitle={
          <>
            <a href={hrefFor({ name: 'patient', id: e.patient.id })}>
              <Name>{name}</Name>
            </a>{' '}
            <Ltr className="mrn">{e.patient.mrn}</Ltr> · {statusName(t, e.status)}
          </>
        }
      >
        {doctor && e.status === 'open' ? (
          <>
            <Button variant="primary" onPress={() => setDialog('resolve')}>
              {t('detail.resolve')}
            </Button>
            <Button variant="danger" onPress={() => setDialog('fatal')}>
              {t('detail.markFatal')}
            </Button>
          </>
        ) : null}
      </PageHeader>
      <section className="panel" aria-labelledby="ae-facts-title">
        <div className="panel-header">
          <h2 className="panel-title" id="ae-facts-title">
            {t('detail.facts')}
          </h2>
          <span className="ae-badges">
            <GradeBadge grade={e.grade} />
            {e.serious ? <span className="badge badge-overdue">{t('serious')}</span> : null}
          </span>
        </div>
        <dl className="facts ae-facts">
          {fact(t('form.category'), categoryName(t, e.category))}
          {e.categoryOther ? fact(t('form.categoryOther'), e.categoryOther) : null}
          {fact(t('form.description'), e.description)}
          {fact(t('form.procedure'), e.procedure ? procedureLabel(t, locale, e.procedure) : none)}
          {fact(t('form.onset'), formatDay(e.onsetOn, locale))}
          {fact(t('form.grade'), `${gradeName(t, e.grade)} ${gradeMeaning(t, e.grade)}`)}
          {fact(t('form.serious'), e.serious ? t('detail.yes') : t('detail.no'))}
          {fact(t('form.relatedness'), relatednessName(t, e.relatedness))}
          {fact(t('form.action'), e.actionTaken ?? none)}
          {fact(t('form.outcome'), outcomeName(t, e.outcome))}
          {fact(t('form.followUp'), e.followUpOn ? formatDay(e.followUpOn, locale) : none)}
          {e.resolvedOn
            ? fact(e.status === 'fatal' ? t('detail.diedOn') : t('detail.resolvedOn'), formatDay(e.resolvedOn, locale))
            : null}
          {fact(t('detail.reported'), `${e.reportedByName} · ${formatInstant(e.reportedAt, locale)}`)}
        </dl>
      </section>
      {dialog === 'resolve' ? <ResolveDialog e={e} onClose={close} /> : null}
      {dialog === 'fatal' ? <FatalDialog e={e} onClose={close} /> : null}
    </>
  );
}

const ResolveSchema = z.object({
  resolvedOn: z.string(),
  outcome: z.enum(['recovered', 'recovered_with_sequelae'], 'Choose one'),
});

function ResolveDialog({ e, onClose }: { e: AdverseEvent; onClose: () => void }) {
  const { t } = useTranslation('adverseEvents');
  const invalidate = useInvalidateAdverseEvents();
  const { form, submit, frame } = useDialogForm<{
    resolvedOn: string;
    outcome: 'recovered' | 'recovered_with_sequelae' | null;
  }>({ resolvedOn: dayOf(new Date()), outcome: 'recovered' }, onClose);
  const save = () =>
    submit(ResolveSchema, async (v) => {
      await call('adverseEvents.resolve', { id: e.id, version: e.version, ...v });
      await invalidate();
    });
  return (
    <FormDialog title={t('resolve.title')} submitLabel={t('resolve.submit')} {...frame} onSubmit={() => void save()}>
      <TextField type="date" label={t('resolve.on')} {...form.bind('resolvedOn')} isRequired autoFocus />
      <SelectField label={t('form.outcome')} {...form.bind('outcome')} options={resolvedOutcomeOptions(t)} isRequired />
    </FormDialog>
  );
}

function FatalDialog({ e, onClose }: { e: AdverseEvent; onClose: () => void }) {
  const { t } = useTranslation('adverseEvents');
  const invalidate = useInvalidateAdverseEvents();
  const { form, submit, frame } = useDialogForm<{ diedOn: string }>({ diedOn: dayOf(new Date()) }, onClose);
  const save = () =>
    submit(z.object({ diedOn: z.string() }), async (v) => {
      await call('adverseEvents.markFatal', { id: e.id, version: e.version, ...v });
      await invalidate();
    });
  return (
    <FormDialog title={t('fatal.title')} submitLabel={t('fatal.submit')} {...frame} onSubmit={() => void save()}>
      <p className="small">{t('fatal.explain')}</p>
      <TextField type="date" label={t('fatal.on')} {...form.bind('diedOn')} isRequired autoFocus />
    </FormDialog>
  );
}
