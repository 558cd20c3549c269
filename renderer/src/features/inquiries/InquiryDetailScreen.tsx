// One inquiry: its facts, the pipeline actions the core allows, owner and follow-up, and the timeline with a form to add to it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INQUIRY_LIFECYCLE,
  type Inquiry,
  type InquiryStatus,
  OPEN_STATUSES,
  forward,
  needsReason,
} from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/fields';
import { AttachmentsPanel } from '../../ui/attachments/AttachmentsPanel';
import { ActivityForm } from './ActivityForm';
import { AssignForm } from './AssignForm';
import { FollowUpBadge, StatusBadge } from '../../ui/Badges';
import {
  followUpState,
  formatDuration,
  formatInstant,
  formatList,
  formatPartialDate,
  formatSpan,
  partialStart,
  waitLevel,
  waitMinutes,
} from '../../ui/format';
import { countryName, languageName } from '../../ui/options';
import { useInquiry } from '../../api/inquiry-queries';
import { StatusDialog } from './StatusDialog';
import { Timeline } from './Timeline';
import '../../ui/records.css';
import { Ltr, Name } from '../../ui/bidi';

export function InquiryDetailScreen({ id }: { id: number }) {
  const { t, i18n } = useTranslation('inquiries');
  const detail = useInquiry(id);
  const [dialog, setDialog] = useState<{ initial: InquiryStatus | null } | null>(null);
  const [assignedVersion, setAssignedVersion] = useState<number | null>(null);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorBanner error={detail.error} />;
  const { inquiry, timeline, allowedTransitions, today } = detail.data;
  const locale = i18n.language;
  const open = allowedTransitions.length > 0;

  const move = (to: InquiryStatus) => setDialog({ initial: to });

  return (
    <>
      <PageHeader
        title={inquiry.patientName}
        subtitle={
          <>
            {t('detail.number', { id: inquiry.id })} ·{' '}
            {t('detail.received', {
              date: formatInstant(inquiry.receivedAt, locale),
              channel: t(`channel.${inquiry.channel}`),
            })}
            <span className="header-badges">
              <StatusBadge status={inquiry.status} />
              <FollowUpBadge state={open ? followUpState(inquiry.nextFollowUp, today) : 'none'} />
            </span>
          </>
        }
      >
        <a className="button button-secondary" href={hrefFor({ name: 'inquiryEdit', id: inquiry.id })}>
          {t('detail.edit')}
        </a>
      </PageHeader>

      <div className="detail-grid">
        <div className="detail-column">
          <section className="panel" aria-label={t('statusDialog.title')}>
            <div className="panel-body pipeline-body">
              {inquiry.status === 'accepted' ? (
                <a
                  className="button button-primary pipeline-convert"
                  href={hrefFor({ name: 'inquiryConvert', id: inquiry.id })}
                >
                  {t('patients:convert.action')}
                </a>
              ) : null}
              {inquiry.patientId !== null ? (
                <p className="converted-link">
                  <a href={hrefFor({ name: 'patient', id: inquiry.patientId })}>{t('patients:convert.converted')}</a>
                </p>
              ) : null}
              {open ? (
                <div className="pipeline">
                  {allowedTransitions.map((to) => (
                    <Button
                      key={to}
                      variant={
                        forward(INQUIRY_LIFECYCLE, inquiry.status) === to
                          ? 'primary'
                          : needsReason(INQUIRY_LIFECYCLE, to)
                            ? 'danger'
                            : 'secondary'
                      }
                      onPress={() => move(to)}
                    >
                      {t('detail.moveTo', { status: t(`status.${to}`) })}
                    </Button>
                  ))}
                  <Button variant="ghost" className="pipeline-more" onPress={() => setDialog({ initial: null })}>
                    {t('detail.changeStatus')}
                  </Button>
                </div>
              ) : (
                <p className="muted">
                  {t('detail.finished')} {inquiry.statusReason ? `${t('detail.reason')}: ${inquiry.statusReason}` : ''}
                </p>
              )}
              <FirstContact inquiry={inquiry} />
            </div>
          </section>
          <Panel id="contact" title={t('detail.contact')}>
            <dl className="facts">
              <dt>{t('detail.name')}</dt>
              <dd>
                <Name>{inquiry.contactName}</Name>
              </dd>
              <dt>{t('detail.relation')}</dt>
              <dd>{t(`relation.${inquiry.contactRelation}`)}</dd>
              <dt>{t('detail.email')}</dt>
              <dd>
                {inquiry.contactEmail ? (
                  <a href={`mailto:${inquiry.contactEmail}`}>
                    <Ltr>{inquiry.contactEmail}</Ltr>
                  </a>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('detail.phone')}</dt>
              <dd className={inquiry.contactPhone ? 'mono' : undefined}>
                {inquiry.contactPhone ? <Ltr>{inquiry.contactPhone}</Ltr> : '—'}
              </dd>
              <dt>{t('detail.messaging')}</dt>
              <dd>{inquiry.messagingHandle ? <Ltr>{inquiry.messagingHandle}</Ltr> : '—'}</dd>
              <dt>{t('detail.country')}</dt>
              <dd>{countryName(inquiry.country, locale) || '—'}</dd>
              <dt>{t('detail.language')}</dt>
              <dd>{languageName(inquiry.preferredLanguage, locale) || '—'}</dd>
              <dt>{t('detail.consent')}</dt>
              <dd>{consentText(inquiry, t, locale)}</dd>
            </dl>
          </Panel>
          <Panel id="patient" title={t('detail.patient')}>
            <dl className="facts">
              <dt>{t('detail.name')}</dt>
              <dd>
                <Name>{inquiry.patientName}</Name>
              </dd>
              <dt>{t('detail.sex')}</dt>
              <dd>{t(`sex.${inquiry.patientSex}`)}</dd>
              <dt>{inquiry.patientBirthDate ? t('detail.born') : t('detail.age')}</dt>
              <dd>
                {inquiry.patientBirthDate
                  ? formatPartialDate(inquiry.patientBirthDate, inquiry.patientBirthDateApprox, locale)
                  : inquiry.patientAge !== null
                    ? t('detail.ageValue', { count: inquiry.patientAge })
                    : '—'}
              </dd>
              <dt>{t('detail.diagnosis')}</dt>
              <dd>{t(`diagnosis.${inquiry.diagnosis}`)}</dd>
              <dt>{t('detail.onset')}</dt>
              <dd>
                {inquiry.strokeOnsetDate
                  ? `${formatPartialDate(inquiry.strokeOnsetDate, inquiry.strokeOnsetDateApprox, locale)} (${onsetSpan(inquiry, t)})`
                  : '—'}
              </dd>
              <dt>{t('intake.weaknessSide')}</dt>
              <dd>{inquiry.weaknessSide ? t(`weaknessSide.${inquiry.weaknessSide}`) : '—'}</dd>
              <dt>{t('detail.symptoms')}</dt>
              <dd>
                <Tags items={inquiry.symptoms.map((s) => t(`symptom.${s}`))} />
              </dd>
              <dt>{t('detail.conditions')}</dt>
              <dd>
                <Tags
                  items={[
                    ...inquiry.conditions.filter((c) => c !== 'other').map((c) => t(`condition.${c}`)),
                    ...(inquiry.conditionsOther ? [inquiry.conditionsOther] : []),
                  ]}
                />
              </dd>
            </dl>
          </Panel>
          <Panel id="message" title={t('detail.messageSection')}>
            <p className="message-text">{inquiry.message ?? '—'}</p>
            {inquiry.heardAbout ? (
              <p className="muted small">
                {t('detail.heardAbout')}: {inquiry.heardAbout}
              </p>
            ) : null}
          </Panel>
        </div>
        <div className="detail-column">
          <Panel id="assign" title={`${t('detail.owner')} · ${t('detail.nextFollowUp')}`}>
            <AssignForm
              key={inquiry.version}
              inquiry={inquiry}
              savedVersion={assignedVersion}
              onSaved={setAssignedVersion}
            />
          </Panel>
          <AttachmentsPanel owner={{ kind: 'inquiry', id: inquiry.id }} />
          <Panel id="log" title={t('detail.logActivity')}>
            <ActivityForm inquiryId={inquiry.id} />
          </Panel>
          <section className="panel" aria-labelledby="timeline-title">
            <div className="panel-header">
              <h2 className="panel-title" id="timeline-title">
                {t('detail.timeline')} <span className="count">{timeline.length}</span>
              </h2>
            </div>
            <Timeline entries={timeline} />
          </section>
        </div>
      </div>
      {dialog ? (
        <StatusDialog
          inquiry={inquiry}
          initial={dialog.initial}
          allowed={allowedTransitions}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function FirstContact({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useTranslation('inquiries');
  const minutes = waitMinutes(inquiry.receivedAt, inquiry.firstContactAt, new Date());
  const time = formatDuration(t, minutes);
  if (inquiry.firstContactAt)
    return <p className="muted small first-contact">{t('wait.firstContactAfter', { time })}</p>;
  if (!OPEN_STATUSES.includes(inquiry.status)) return null;
  return <p className={`small first-contact wait wait-${waitLevel(minutes)}`}>{t('wait.waitingLong', { time })}</p>;
}

function consentText(i: Inquiry, t: T, locale: string): string {
  const parts = [
    i.consentContact ? t('detail.consentContact') : null,
    i.consentDataProcessing ? t('detail.consentData') : null,
  ].filter((x) => x !== null);
  return parts.length > 0 ? formatList(parts, locale) : t('detail.noConsent');
}

function onsetSpan(i: Inquiry, t: T): string {
  if (!i.strokeOnsetDate) return '';
  // A partial onset counts from the start of its month or year; the date beside it says it is not a given day.
  const start = partialStart(i.strokeOnsetDate);
  const { years, months } = formatSpan(start, i.receivedAt);
  const days = Math.round((Date.parse(i.receivedAt) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  const span =
    years > 0
      ? t('detail.spanYears', { years, months })
      : months > 0
        ? t('detail.spanMonths', { months })
        : t('detail.spanDays', { count: days });
  return t('detail.sinceOnset', { time: span });
}

function Tags({ items }: { items: string[] }) {
  if (items.length === 0) return <>—</>;
  return (
    <span className="tag-list">
      {items.map((s) => (
        <span key={s} className="tag">
          {s}
        </span>
      ))}
    </span>
  );
}
