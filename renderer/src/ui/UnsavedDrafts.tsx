// "Unsaved drafts" on Today: the forms this person started and has not saved, each a link back into its form.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../db/contract';
import { call } from '../api/client';
import { type Route, hrefFor } from '../app/router';
import { formatInstantShort } from './format';

/** How the list names each form (`drafts.form.<name>` in common.json). */
export const DRAFT_FORM_NAMES = ['inquiryNew', 'inquiry', 'patientNew', 'patient', 'convert', 'courseNew'] as const;
type DraftFormName = (typeof DRAFT_FORM_NAMES)[number];

export const draftsKey = ['drafts', 'mine'] as const;

/** Where a form key's form lives, and how the list names it. */
function formOf(key: string): { route: Route; kind: DraftFormName; id: number | null } | null {
  const m = /^(inquiry|patient|convert|courseNew):(new|\d+)$/.exec(key);
  if (!m) return null;
  const id = m[2] === 'new' ? null : Number(m[2]);
  switch (m[1]) {
    case 'inquiry':
      return id === null
        ? { route: { name: 'inquiryNew' }, kind: 'inquiryNew', id }
        : { route: { name: 'inquiryEdit', id }, kind: 'inquiry', id };
    case 'patient':
      return id === null
        ? { route: { name: 'patientNew' }, kind: 'patientNew', id }
        : { route: { name: 'patientEdit', id }, kind: 'patient', id };
    case 'convert':
      return id === null ? null : { route: { name: 'inquiryConvert', id }, kind: 'convert', id };
    // A new course's draft is keyed by its patient. An edited course's (`course:<id>`) is not listed: its form's
    // address needs the patient too; the draft still comes back when that course's form is opened again.
    case 'courseNew':
      return id === null ? null : { route: { name: 'courseNew', id }, kind: 'courseNew', id };
    default:
      return null;
  }
}

export function UnsavedDrafts() {
  const { t, i18n } = useTranslation();
  // Always asked afresh: a draft is kept or dropped by other screens a moment before this one opens.
  const mine = useQuery({ queryKey: draftsKey, queryFn: () => call('drafts.mine', {}), staleTime: 0 });
  const rows = (mine.data ?? []).flatMap((d: DraftSummary) => {
    const form = formOf(d.formKey);
    return form ? [{ ...form, draft: d }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <section className="panel unsaved-drafts" aria-labelledby="panel-drafts">
      <div className="panel-header">
        <h2 className="panel-title" id="panel-drafts">
          {t('drafts.unsavedTitle')} <span className="count">{rows.length}</span>
        </h2>
        <span className="muted small">{t('drafts.unsavedHint')}</span>
      </div>
      <ul className="worklist">
        {rows.map((r) => (
          <li key={r.draft.formKey} className="worklist-row">
            <a className="worklist-link" href={hrefFor(r.route)}>
              <span className="worklist-name">{t(`drafts.form.${r.kind}`, { id: r.id })}</span>
            </a>
            <span className="muted small">
              {t('drafts.keptOn', { time: formatInstantShort(r.draft.updatedAt, i18n.language) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
