// One patient's record: identity and aliases, contacts, stroke history, health, the inquiries behind it, attachments,
// treatment courses and assessments.
// Opening it is written to the audit log by the core.
import { useTranslation } from 'react-i18next';
import type { Patient, PatientDetail } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { Loaded, PageHeader } from '../../ui/feedback';
import { Panel } from '../../ui/Panel';
import { AttachmentsPanel } from '../../ui/attachments/AttachmentsPanel';
import { CoursesPanel } from '../../ui/courses/CoursesPanel';
import { AdverseEventsPanel } from '../../ui/adverse-events/AdverseEventsPanel';
import { useAdverseEventMarkers } from '../../ui/adverse-events/use-adverse-event-markers';
import { PatientAssessmentsPanel } from '../../ui/assessments/PatientAssessmentsPanel';
import { StatusBadge } from '../../ui/Badges';
import { ageOn, formatInstant, formatList, formatPartialDate, formatSpan, partialStart } from '../../ui/format';
import { countryName, languageName } from '../../ui/options';
import { usePatient } from '../../api/patient-queries';
import '../../ui/records.css';
import './patients.css';
import { Ltr, Name } from '../../ui/bidi';
import { CONVERTED_MARK } from './paths';

export function PatientDetailScreen({ id }: { id: number }) {
  const detail = usePatient(id);
  return <Loaded query={detail}>{(d) => <PatientRecord detail={d} />}</Loaded>;
}

export const fullName = (p: Pick<Patient, 'familyName' | 'givenName'>) => `${p.familyName} ${p.givenName}`;

function PatientRecord({ detail }: { detail: PatientDetail }) {
  const { t, i18n } = useTranslation('patients');
  const locale = i18n.language;
  const { patient: p, inquiries, today } = detail;
  const none = <span className="muted">{t('detail.notRecorded')}</span>;
  const text = (v: string | null) => (v === null || v === '' ? none : v);
  const age = p.birthDate ? ageOn(p.birthDate, today) : null;
  const estimated = p.birthDateApprox ? `${t('common:dates.estimated')}, ` : '';
  const aeMarkers = useAdverseEventMarkers(p.id);

  return (
    <>
      <PageHeader
        title={`${fullName(p)}${p.nativeName ? ` · ${p.nativeName}` : ''}`}
        subtitle={
          <>
            <Ltr className="mrn">{p.mrn}</Ltr> · {t(`inquiries:sex.${p.sex}`)}
            {age !== null ? ` · ${t('age', { count: age })}` : ''} ·{' '}
            {t('detail.registered', { date: formatInstant(p.createdAt, locale) })}
          </>
        }
      >
        <a className="button button-secondary" href={hrefFor({ name: 'patientSummary', id: p.id })}>
          {t('printouts:summary.link')}
        </a>
        {p.mergedIntoId === null ? (
          <a className="button button-secondary" href={hrefFor({ name: 'patientEdit', id: p.id })}>
            {t('detail.edit')}
          </a>
        ) : null}
      </PageHeader>
      {p.mergedIntoId !== null ? (
        <div className="banner banner-info" role="status">
          {t('detail.mergedInto')}{' '}
          <a href={hrefFor({ name: 'patient', id: p.mergedIntoId })}>{t('detail.openSurvivor')}</a>
        </div>
      ) : null}
      {p.mergedIntoId === null && window.location.hash.endsWith(CONVERTED_MARK) ? (
        <div className="banner banner-ok converted-offer" role="status">
          <span>{t('detail.converted')}</span>
          <a className="button button-primary" href={hrefFor({ name: 'courseNew', id: p.id })}>
            {t('detail.openFirstCourse')}
          </a>
        </div>
      ) : null}
      <CoursesPanel patientId={p.id} canPlan={p.mergedIntoId === null} />
      <AdverseEventsPanel patientId={p.id} canRecord={p.mergedIntoId === null} />
      {/* A merge moves the assessments to the surviving record, whose page shows them. */}
      {p.mergedIntoId === null ? <PatientAssessmentsPanel patientId={p.id} canEnter markers={aeMarkers} /> : null}

      <div className="detail-grid">
        <div className="detail-column">
          <Panel id="identity" title={t('detail.demographics')}>
            <dl className="facts">
              <dt>{t('detail.mrn')}</dt>
              <dd className="mrn">
                <Ltr>{p.mrn}</Ltr>
              </dd>
              <dt>{t('detail.passport')}</dt>
              <dd className="mrn">{p.passportNumber ? <Ltr>{p.passportNumber}</Ltr> : none}</dd>
              {p.aliases.length > 0 ? (
                <>
                  <dt>{t('detail.aliases')}</dt>
                  <dd>
                    <ul className="alias-list">
                      {p.aliases.map((a) => (
                        <li key={`${a.kind}:${a.value}`} className="mrn">
                          {t(a.fromPatientId ? 'detail.aliasFrom' : 'detail.aliasOld', {
                            kind: a.kind === 'mrn' ? t('detail.mrn') : t('detail.passport'),
                            value: a.value,
                          })}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
              <dt>{t('detail.nativeName')}</dt>
              <dd>{p.nativeName ? <Name>{p.nativeName}</Name> : none}</dd>
              <dt>{t('detail.sex')}</dt>
              <dd>{t(`inquiries:sex.${p.sex}`)}</dd>
              <dt>{t('detail.birthDate')}</dt>
              <dd>
                {p.birthDate
                  ? `${formatPartialDate(p.birthDate, p.birthDateApprox, locale)} (${estimated}${t('age', { count: age ?? 0 })})`
                  : none}
              </dd>
              <dt>{t('detail.nationality')}</dt>
              <dd>{countryName(p.nationality, locale) || none}</dd>
              <dt>{t('detail.languages')}</dt>
              <dd>
                {p.languages.length > 0
                  ? formatList(
                      p.languages.map((l) => languageName(l, locale)),
                      locale,
                    )
                  : none}
              </dd>
            </dl>
          </Panel>
          <Panel id="contacts" title={t('detail.contacts')}>
            <dl className="facts">
              <dt>{t('detail.phone')}</dt>
              <dd className="mono">{p.phone ? <Ltr>{p.phone}</Ltr> : none}</dd>
              <dt>{t('detail.email')}</dt>
              <dd>
                {p.email ? (
                  <a href={`mailto:${p.email}`}>
                    <Ltr>{p.email}</Ltr>
                  </a>
                ) : (
                  none
                )}
              </dd>
              <dt>{t('detail.messaging')}</dt>
              <dd>{p.messagingHandle ? <Ltr>{p.messagingHandle}</Ltr> : none}</dd>
              <dt>{t('detail.address')}</dt>
              <dd>{text(p.address)}</dd>
              <dt>{t('detail.emergency')}</dt>
              <dd>
                {p.emergencyName
                  ? [p.emergencyName, p.emergencyRelation, p.emergencyPhone].filter(Boolean).join(' · ')
                  : none}
              </dd>
            </dl>
          </Panel>
          <Panel id="stroke" title={t('detail.stroke')}>
            <dl className="facts">
              <dt>{t('detail.strokeType')}</dt>
              <dd>{t(`inquiries:diagnosis.${p.strokeType}`)}</dd>
              <dt>{t('detail.onset')}</dt>
              <dd>
                {p.strokeOnsetDate
                  ? `${formatPartialDate(p.strokeOnsetDate, p.strokeOnsetDateApprox, locale)}` +
                    ` (${sinceOnset(partialStart(p.strokeOnsetDate), today, t)})`
                  : none}
              </dd>
              <dt>{t('detail.weaknessSide')}</dt>
              <dd>{p.weaknessSide ? t(`inquiries:weaknessSide.${p.weaknessSide}`) : none}</dd>
              <dt>{t('detail.lesionSide')}</dt>
              <dd>{p.lesionSide ? t(`lesionSide.${p.lesionSide}`) : none}</dd>
              <dt>{t('detail.lesionSite')}</dt>
              <dd>{text(p.lesionSite)}</dd>
              <dt>{t('detail.priorTreatments')}</dt>
              <dd className="message-text">{text(p.priorTreatments)}</dd>
            </dl>
          </Panel>
          <Panel id="health" title={t('detail.health')}>
            <dl className="facts">
              <dt>{t('detail.comorbidities')}</dt>
              <dd>
                {p.comorbidities.length > 0
                  ? formatList(
                      [
                        ...p.comorbidities.filter((c) => c !== 'other').map((c) => t(`inquiries:condition.${c}`)),
                        ...(p.comorbiditiesOther ? [p.comorbiditiesOther] : []),
                      ],
                      locale,
                    )
                  : none}
              </dd>
              <dt>{t('detail.ecog')}</dt>
              <dd>{p.ecog !== null ? t(`ecogLevel.${p.ecog}`) : none}</dd>
              <dt>{t('detail.asa')}</dt>
              <dd>{p.asa !== null ? t(`asaLevel.${p.asa}`) : none}</dd>
              <dt>{t('detail.healthNotes')}</dt>
              <dd className="message-text">{text(p.healthNotes)}</dd>
            </dl>
          </Panel>
        </div>
        <div className="detail-column">
          <Panel id="inquiries" title={t('detail.inquiries')} count={inquiries.length}>
            {inquiries.length === 0 ? (
              <p className="muted small">{t('detail.noInquiries')}</p>
            ) : (
              <ul className="plain-list">
                {inquiries.map((i) => (
                  <li key={i.id} className="plain-list-item">
                    <a href={hrefFor({ name: 'inquiry', id: i.id })}>{t('detail.inquiryNumber', { id: i.id })}</a>{' '}
                    <StatusBadge status={i.status} />
                    <div className="muted small">
                      {formatInstant(i.receivedAt, locale)} · {t(`inquiries:channel.${i.channel}`)} ·{' '}
                      <Name>{i.contactName}</Name>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          {p.mergedIntoId === null ? <AttachmentsPanel owner={{ kind: 'patient', id: p.id }} /> : null}
        </div>
      </div>
    </>
  );
}

function sinceOnset(onset: string, today: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  const { years, months } = formatSpan(onset, today);
  const span =
    years > 0
      ? t('inquiries:detail.spanYears', { years, months })
      : months > 0
        ? t('inquiries:detail.spanMonths', { months })
        : t('inquiries:detail.spanDays', { count: differenceInDays(today, onset) });
  return t('detail.sinceOnset', { time: span });
}

const differenceInDays = (later: string, earlier: string) =>
  Math.round((Date.parse(later) - Date.parse(earlier)) / 86_400_000);
