// One treatment course on the patient's page: its dates and regimen, its consents and its procedures, with the
// actions its lifecycle allows this person now.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COURSE_LIFECYCLE,
  type Consent,
  type Course,
  type CourseDetail,
  PROCEDURE_LIFECYCLE,
  type Procedure,
  type ProcedureType,
  type SessionUser,
  allowedTargets,
  forward,
} from '../../../../db/contract';
import { call } from '../../api/client';
import { useInvalidateCourses } from '../../api/course-queries';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../bidi';
import { Button } from '../fields';
import { dayOf, formatClock, formatDay, formatInstantShort } from '../format';
import { FileLink } from '../attachments/AttachmentsPanel';
import { CompleteDialog } from './CompleteDialog';
import { RecordConsentDialog, WithdrawConsentDialog } from './ConsentDialogs';
import { LifecycleDialog } from './LifecycleDialog';
import { consentLabel, routeLabel, typeName } from './labels';
import { DataTable } from '../DataTable';

type Open =
  | { kind: 'course'; initial: CourseDetail['course']['status'] | null }
  | { kind: 'consent' }
  | { kind: 'withdraw'; consent: Consent }
  | { kind: 'procedure'; procedure: Procedure }
  | { kind: 'complete'; procedure: Procedure }
  | null;

/**
 * The calendar (its own feature) opens its booking dialog with this patient and course filled in, on the course's
 * first day or today, whichever is later (a day outside the stay would only be refused).
 */
export function bookingHref(c: Pick<Course, 'id' | 'patientId' | 'admittedOn' | 'plannedAdmission'>): string {
  const today = dayOf(new Date());
  const first = c.admittedOn ?? c.plannedAdmission;
  return `#/calendar?patient=${c.patientId}&course=${c.id}&day=${first > today ? first : today}`;
}

export function CourseCard(p: { detail: CourseDetail; types: readonly ProcedureType[]; user: SessionUser }) {
  const { t, i18n } = useTranslation('courses');
  const locale = i18n.language;
  const { course: c, consents, procedures, hasTreatmentConsent } = p.detail;
  const invalidate = useInvalidateCourses();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const targets = allowedTargets(COURSE_LIFECYCLE, c.status, p.user.role);
  const next = forward(COURSE_LIFECYCLE, c.status);
  const isOpen = COURSE_LIFECYCLE.open.includes(c.status);
  const titleId = `course-${c.id}-title`;
  const none = <span className="muted">—</span>;

  return (
    <article className="course" aria-labelledby={titleId}>
      <header className="course-header">
        <h3 className="course-title" id={titleId}>
          {t('card.title', { number: c.number })} <CourseBadge status={c.status} />
        </h3>
        <div className="course-actions">
          {next ? (
            <Button variant="primary" onPress={() => setOpen({ kind: 'course', initial: next })}>
              {t(`courses:forward.${next}`)}
            </Button>
          ) : null}
          {targets.length > 0 ? (
            <Button onPress={() => setOpen({ kind: 'course', initial: null })}>{t('card.changeStatus')}</Button>
          ) : null}
          {isOpen ? (
            <>
              <a
                className="button button-secondary"
                href={hrefFor({ name: 'courseEdit', id: c.patientId, course: c.id })}
                aria-label={t('card.editLabel', { number: c.number })}
              >
                {t('card.edit')}
              </a>
              <a className="button button-secondary" href={bookingHref(c)}>
                {t('card.book')}
              </a>
            </>
          ) : null}
        </div>
      </header>
      <dl className="course-facts">
        <div>
          <dt>{t('card.plannedStay')}</dt>
          <dd>
            {t('card.range', {
              from: formatDay(c.plannedAdmission, locale),
              to: formatDay(c.plannedDischarge, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('card.admittedOn')}</dt>
          <dd>{c.admittedOn ? formatDay(c.admittedOn, locale) : none}</dd>
        </div>
        <div>
          <dt>{t('card.dischargedOn')}</dt>
          <dd>{c.dischargedOn ? formatDay(c.dischargedOn, locale) : none}</dd>
        </div>
        <div>
          <dt>{t('card.regimen')}</dt>
          <dd>
            {t('card.transplants', { count: c.plannedTransplants })} ·{' '}
            {c.plannedRoutes.map((r) => routeLabel(t, r)).join(', ')}
          </dd>
        </div>
        <div className="course-fact-wide">
          <dt>{t('card.severity')}</dt>
          <dd className="message-text">{c.baselineSeverity ? <Name>{c.baselineSeverity}</Name> : none}</dd>
        </div>
        <div className="course-fact-wide">
          <dt>{t('card.allergies')}</dt>
          <dd className={c.allergies ? 'course-allergies' : undefined}>
            {c.allergies ? <Name>{c.allergies}</Name> : none}
          </dd>
        </div>
        {c.cancelReason ? (
          <div className="course-fact-wide">
            <dt>{t('card.cancelReason')}</dt>
            <dd>
              <Name>{c.cancelReason}</Name>
            </dd>
          </div>
        ) : null}
      </dl>

      <section className="course-part" aria-labelledby={`${titleId}-consents`}>
        <div className="course-part-header">
          <h4 className="course-part-title" id={`${titleId}-consents`}>
            {t('consent.title')}
          </h4>
          {!hasTreatmentConsent && c.status !== 'cancelled' ? (
            <span className="course-warning">{t('consent.missingTreatment')}</span>
          ) : null}
          {c.status !== 'cancelled' ? (
            <Button className="course-part-action" onPress={() => setOpen({ kind: 'consent' })}>
              {t('consent.recordAction')}
            </Button>
          ) : null}
        </div>
        {consents.length === 0 ? (
          <p className="muted small course-empty">{t('consent.empty')}</p>
        ) : (
          <ConsentTable consents={consents} onWithdraw={(consent) => setOpen({ kind: 'withdraw', consent })} />
        )}
      </section>

      <section className="course-part" aria-labelledby={`${titleId}-procedures`}>
        <div className="course-part-header">
          <h4 className="course-part-title" id={`${titleId}-procedures`}>
            {t('procedures:list.title')}
          </h4>
        </div>
        {procedures.length === 0 ? (
          <p className="muted small course-empty">
            {t('procedures:list.empty')} {isOpen ? <a href={bookingHref(c)}>{t('card.bookFirst')}</a> : null}
          </p>
        ) : (
          <ProcedureTable
            procedures={procedures}
            user={p.user}
            onStatus={(procedure) => setOpen({ kind: 'procedure', procedure })}
            onComplete={(procedure) => setOpen({ kind: 'complete', procedure })}
          />
        )}
      </section>

      {open?.kind === 'course' ? (
        <LifecycleDialog
          lifecycle={COURSE_LIFECYCLE}
          title={t('statusDialog.courseTitle', { number: c.number })}
          targets={targets}
          initial={open.initial}
          dayFor={['admitted', 'discharged']}
          onSave={async (change) => {
            await call('courses.transition', { id: c.id, version: c.version, ...change });
            await invalidate();
          }}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'consent' ? (
        <RecordConsentDialog
          courseId={c.id}
          patientId={c.patientId}
          user={p.user}
          onDone={invalidate}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'withdraw' ? (
        <WithdrawConsentDialog consent={open.consent} onDone={invalidate} onClose={close} />
      ) : null}
      {open?.kind === 'procedure' ? (
        <LifecycleDialog
          lifecycle={PROCEDURE_LIFECYCLE}
          title={t('procedures:statusDialog.title', { number: open.procedure.sequence ?? '–' })}
          targets={allowedTargets(PROCEDURE_LIFECYCLE, open.procedure.status, p.user.role)}
          initial={null}
          onSave={async ({ to, reason }) => {
            const pr = open.procedure;
            await call('procedures.transition', { id: pr.id, version: pr.version, to, reason });
            await invalidate();
          }}
          onClose={close}
        />
      ) : null}
      {open?.kind === 'complete' ? (
        <CompleteDialog
          procedure={open.procedure}
          type={p.types.find((x) => x.id === open.procedure.typeId)}
          hasTreatmentConsent={hasTreatmentConsent}
          onDone={invalidate}
          onClose={close}
        />
      ) : null}
    </article>
  );
}

export function CourseBadge({ status }: { status: CourseDetail['course']['status'] }) {
  const { t } = useTranslation('courses');
  return <span className={`badge badge-course-${status}`}>{t(`courses:status.${status}`)}</span>;
}

export function ProcedureBadge({ status }: { status: Procedure['status'] }) {
  const { t } = useTranslation('procedures');
  return <span className={`badge badge-procedure-${status}`}>{t(`procedures:status.${status}`)}</span>;
}

function ConsentTable({ consents, onWithdraw }: { consents: readonly Consent[]; onWithdraw: (c: Consent) => void }) {
  const { t, i18n } = useTranslation('courses');
  const locale = i18n.language;
  return (
    <DataTable
      columns={[
        t('consent.type'),
        t('consent.givenOn'),
        t('consent.takenBy'),
        t('consent.withdrawnOn'),
        t('consent.form'),
      ]}
      actions={t('consent.actions')}
      className="course-table"
    >
      {consents.map((c) => (
        <tr key={c.id} className={c.withdrawnOn ? 'row-withdrawn' : undefined}>
          <td>{consentLabel(t, c.type)}</td>
          <td>{formatDay(c.givenOn, locale)}</td>
          <td>
            <Name>{c.takenByName}</Name>
          </td>
          <td>{c.withdrawnOn ? formatDay(c.withdrawnOn, locale) : <span className="muted">—</span>}</td>
          <td className="file-cell">
            {c.attachmentId !== null ? (
              <FileLink
                attachment={{ id: c.attachmentId, fileName: c.attachmentName ?? t('consent.scanName') }}
                onOpenError={() => undefined}
              />
            ) : (
              <span className="muted">{t('consent.noScan')}</span>
            )}
          </td>
          <td className="row-actions">
            {c.withdrawnOn === null ? (
              <Button
                variant="ghost"
                onPress={() => onWithdraw(c)}
                aria-label={t('consent.withdrawLabel', { type: consentLabel(t, c.type) })}
              >
                {t('consent.withdraw')}
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function ProcedureTable(p: {
  procedures: readonly Procedure[];
  user: SessionUser;
  onStatus: (pr: Procedure) => void;
  onComplete: (pr: Procedure) => void;
}) {
  const { t, i18n } = useTranslation('procedures');
  const locale = i18n.language;
  const time = (iso: string) => formatClock(iso, locale);
  return (
    <DataTable
      columns={[t('list.number'), t('list.type'), t('list.when'), t('list.room'), t('list.doctor'), t('list.status')]}
      actions={t('list.actions')}
      className="course-table"
    >
      {p.procedures.map((pr) => {
        const label = pr.sequence !== null ? t('list.transplant', { number: pr.sequence }) : typeName(t, pr);
        return (
          <tr key={pr.id}>
            <td className="num">{pr.sequence !== null ? `#${pr.sequence}` : <span className="muted">—</span>}</td>
            <td className="wrap">
              <span className="type-swatch" style={{ background: pr.colour }} aria-hidden="true" />
              {typeName(t, pr)}
            </td>
            <td>
              <Ltr>
                {formatInstantShort(pr.startsAt, locale)}–{time(pr.endsAt)}
              </Ltr>
            </td>
            <td>{pr.roomName}</td>
            <td>
              <Name>{pr.doctorName}</Name>
            </td>
            <td>
              <div className="cell-stack">
                <span>
                  <ProcedureBadge status={pr.status} />
                </span>
                {pr.completion ? (
                  <span className="cell-sub">
                    {t('list.lot')} <Ltr className="mono">{pr.completion.lotNumber}</Ltr>
                  </span>
                ) : null}
                {pr.reason ? (
                  <span className="cell-sub">
                    <Name>{pr.reason}</Name>
                  </span>
                ) : null}
              </div>
            </td>
            <td className="row-actions">
              {pr.status === 'scheduled' && p.user.role === 'doctor' ? (
                <Button
                  variant="ghost"
                  onPress={() => p.onComplete(pr)}
                  aria-label={t('list.completeLabel', { what: label })}
                >
                  {t('list.complete')}
                </Button>
              ) : null}
              {allowedTargets(PROCEDURE_LIFECYCLE, pr.status, p.user.role).length > 0 ? (
                <Button
                  variant="ghost"
                  onPress={() => p.onStatus(pr)}
                  aria-label={t('list.statusLabel', { what: label })}
                >
                  {t('list.changeStatus')}
                </Button>
              ) : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
