// The admin's reading of the audit log (filtered pages, CSV export, full verification) and recorded prints.
import { toCsv } from '../contract/csv';
import type { AuditChainStatus, AuditListEntry, AuditPage, AuditQuery, PrintedDocument } from '../contract/audit';
import { type AuditFilter, type AuditListRow, auditActions, listAudit } from '../repos/audit';
import { wardRows } from '../repos/procedures';
import { clinicTimeZone, nowIso } from './clinic-time';
import type { CallContext } from './context';
import { command, recordEvent, view } from './kernel';
import { findPatient } from '../repos/patients';
import { requireActor } from './context';
import { dayStart, nextDay } from './treatment-views';
import { DomainError } from '../sqlite/domain-error';

/** A CSV bigger than this is refused: narrow the filter (a whole year of a busy clinic is far below it). */
export const EXPORT_LIMIT = 200_000;

function toFilter(ctx: CallContext, q: AuditQuery): AuditFilter {
  const zone = clinicTimeZone(ctx.core);
  return {
    actorId: q.actorId,
    patientId: q.patientId,
    action: q.action,
    fromAt: q.from === null ? null : dayStart(q.from, zone),
    toAt: q.to === null ? null : dayStart(nextDay(q.to), zone),
  };
}

/** The names of the fields an entry changed or recorded: what the admin may see (values can be patient data). */
function changedFields(afterJson: string | null): string[] {
  if (afterJson === null) return [];
  const after = JSON.parse(afterJson) as unknown;
  return typeof after === 'object' && after !== null && !Array.isArray(after) ? Object.keys(after) : [];
}

const toEntry = (r: AuditListRow): AuditListEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actorId,
  actorName: r.actorName,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  changed: changedFields(r.afterJson),
});

export function list(ctx: CallContext, q: AuditQuery & { beforeId: number | null; limit: number }): AuditPage {
  const rows = listAudit(ctx.core.db, toFilter(ctx, q), q.beforeId, q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { entries: page.map(toEntry), nextBeforeId: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}

export const actions = (ctx: CallContext): string[] => auditActions(ctx.core.db);

export const status = (ctx: CallContext): AuditChainStatus => ctx.core.auditChain.status;

/** Full verification; its outcome is itself an entry (after the check, so it never checks its own entry). */
export async function verify(ctx: CallContext): Promise<AuditChainStatus> {
  const actor = requireActor(ctx);
  // In worker threads: a million entries take seconds, and every other call must keep answering meanwhile.
  const result = await ctx.core.auditChain.verifyInWorkers(ctx.core.db, 'full', nowIso(ctx.core));
  recordEvent(ctx.core, actor, 'audit.verify', 'audit_log', result.brokenAtId);
  return result;
}

/** The export is recorded with its filter and row count, in the same transaction that read the rows. */
export function exportCsv(ctx: CallContext, q: AuditQuery): { fileName: string; csv: string; rows: number } {
  const spec = {
    action: 'audit.exportCsv',
    entity: 'audit_log',
    audit: (_: null, r: { rows: number }) => ({ entityId: null, before: null, after: { ...q, rows: r.rows } }),
  };
  return command(ctx, spec, ({ w, at }) => {
    const rows = listAudit(w, toFilter(ctx, q), null, EXPORT_LIMIT + 1);
    if (rows.length > EXPORT_LIMIT) {
      throw new DomainError('VALIDATION', `More than ${EXPORT_LIMIT} entries match: narrow the filter.`);
    }
    const csv = toCsv(
      ['id', 'at', 'user_id', 'user', 'action', 'entity', 'entity_id', 'fields', 'hash'],
      rows.map((r) => [
        r.id,
        r.at,
        r.actorId ?? '',
        r.actorName ?? '',
        r.action,
        r.entity,
        r.entityId ?? '',
        changedFields(r.afterJson).join(' '),
        r.hash,
      ]),
    );
    return { fileName: `audit-log-${at.slice(0, 10)}.csv`, csv, rows: rows.length };
  });
}

/** A printed (or saved as PDF) document, recorded before it prints: a print the log cannot record does not happen. */
export function recordPrint(ctx: CallContext, input: PrintedDocument): { ok: true } {
  if (input.document === 'wardList') return recordWardListPrint(ctx, input.day);
  if (input.document === 'patientSummary') {
    const spec = { action: 'patients.summary.print', entity: 'patient', id: input.patientId, load: findPatient };
    view(ctx, { ...spec, label: 'Patient' }, () => undefined);
  } else {
    const audit = () => ({ entityId: null, before: null, after: null });
    command(ctx, { action: 'reports.outcomes.print', entity: 'report', audit }, () => undefined);
  }
  return { ok: true };
}

/** A ward list: recorded with the day and the patients on it, by id only. */
function recordWardListPrint(ctx: CallContext, day: string): { ok: true } {
  const input = { day };
  const zone = clinicTimeZone(ctx.core);
  const spec = {
    action: 'procedures.wardList.print',
    entity: 'ward_list',
    audit: (_: null, r: { patientIds: number[] }) => ({
      entityId: null,
      before: null,
      after: { day: input.day, patientIds: r.patientIds },
    }),
  };
  command(ctx, spec, ({ w }) => ({
    patientIds: [
      ...new Set(
        wardRows(w, dayStart(input.day, zone), dayStart(nextDay(input.day), zone)).map((r) => r.procedure.patient.id),
      ),
    ],
  }));
  return { ok: true };
}
