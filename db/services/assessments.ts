// Rules for assessments: start at a time point, autosave drafts, sign (doctors only, complete or reasoned), amend as a
// new version with a reason; reads with every version, the signed history for charts, and the follow-up schedule.
import {
  ASSESSMENT_LIFECYCLE,
  type Assessment,
  type AssessmentVersion,
  type DraftSaved,
  type FieldIssue,
  type HistoryPoint,
  INSTRUMENTS,
  type InstrumentDef,
  type ItemValue,
  type PatientChart,
  type ScheduledPoint,
  type TimePoint,
  UNTESTABLE,
  validateValues,
  VALIDATION_MESSAGES,
  anchorFor,
} from '../contract';
import * as repo from '../repos/assessments';
import { lastChangeOf } from '../repos/audit';
import { findCourse } from '../repos/courses';
import { findProcedure, isActiveDoctor } from '../repos/procedures';
import { DomainError, fieldError } from '../sqlite/domain-error';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type PlannedPoint, courseSchedule, findPoint, insideWindow, windowState } from './assessment-schedule';
import { clinicTimeZone, clinicToday, dayInZone } from './clinic-time';
import type { CallContext } from './context';
import { checkVersion, command, mustLoad, view } from './kernel';
import { checkTransition } from './lifecycle';
import { loadLive, refuseMerged } from './patients';

const ENTITY = 'assessment';
const LABEL = 'Assessment';
const CONFLICT =
  'Someone else changed this assessment after you opened it. Reload to see their change; what you typed is kept.';

/** A versioned command on one assessment; `load` defaults to the whole record (an amendment copies the last one). */
const target = <E extends { version: number }>(
  id: number,
  version: number,
  load: (db: ReadableDB, id: number) => E | null,
) => ({
  id,
  version,
  load,
  label: LABEL,
  conflictMessage: CONFLICT,
});

/** The definition an assessment was scored with: a stored (id, version) always has one (definitions are added only). */
function definitionOf(a: { instrumentId: repo.AssessmentHead['instrumentId']; instrumentVersion: number }) {
  const def = INSTRUMENTS.get(a.instrumentId, a.instrumentVersion);
  if (!def) throw new Error(`No definition for ${a.instrumentId}@${a.instrumentVersion}`);
  return def;
}

/** A procedure's clinic day by its instant: the same bookings are placed on every schedule read (Intl is slow). */
const procedureDays = new Map<string, string>();
function procedureDay(startsAt: string, zone: string): string {
  const key = `${zone}|${startsAt}`;
  let day = procedureDays.get(key);
  if (day === undefined) {
    if (procedureDays.size >= 20_000) procedureDays.clear();
    day = dayInZone(new Date(startsAt), zone);
    procedureDays.set(key, day);
  }
  return day;
}

/** The schedule of a patient's courses, or of one course, from their current dates (two lean indexed reads). */
function scheduleOf(db: ReadableDB, zone: string, of: { patientId: number } | { courseId: number }): PlannedPoint[] {
  // Grouped by course once: a patient treated for years has dozens of courses and hundreds of procedures.
  const byCourse = new Map<number, { id: number; day: string }[]>();
  for (const p of repo.scheduleProcedures(db, of)) {
    const list = byCourse.get(p.courseId) ?? [];
    if (list.length === 0) byCourse.set(p.courseId, list);
    list.push({ id: p.id, day: procedureDay(p.startsAt, zone) });
  }
  return repo.scheduleCourses(db, of).flatMap((c) => courseSchedule({ ...c, procedures: byCourse.get(c.id) ?? [] }));
}

type Placed = Pick<repo.AssessmentHead, 'courseId' | 'timePoint' | 'procedureId' | 'assessedOn'>;

/** The window from the course's current dates, and whether the assessment's day is outside it (derived, not stored). */
/** A time point's key: course, point and procedure (one per course and point, one per procedure after it). */
const pointKey = (p: { courseId: number | null; timePoint: TimePoint; procedureId: number | null }) =>
  `${p.courseId ?? 0}|${p.timePoint}|${p.procedureId ?? 0}`;

/** A long history (dozens of courses, hundreds of assessments) looks its points up by key, not by scanning. */
const pointIndex = (schedule: readonly PlannedPoint[]) => {
  const byKey = new Map(schedule.map((p) => [pointKey(p), p]));
  return (a: Placed) => byKey.get(pointKey(a)) ?? null;
};

const windowFacts = (schedule: readonly PlannedPoint[], a: Placed, find = (x: Placed) => findPoint(schedule, x)) => {
  const point = find(a);
  if (!point) return { window: null, outsideWindow: null };
  const window = { target: point.target, from: point.from, to: point.to };
  return { window, outsideWindow: !insideWindow(a.assessedOn, point) };
};

function toVersion(def: InstrumentDef, v: repo.VersionRow): AssessmentVersion {
  const score = def.score(v.values);
  // A signed version reports what was stored at signing; a draft shows the running score of what is entered.
  const s = v.stored ?? { sum: score.sum, total: score.total, complete: score.complete, subscores: score.subscores };
  return {
    n: v.n,
    status: v.status,
    values: v.values,
    notes: v.notes,
    sum: s.sum,
    total: s.total,
    complete: s.complete,
    subscores: { ...s.subscores },
    missing: [...score.missing],
    amendReason: v.amendReason,
    createdById: v.createdById,
    createdByName: v.createdByName,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    signedById: v.signedById,
    signedByName: v.signedByName,
    signedAt: v.signedAt,
  };
}

function toAssessment(db: ReadableDB, zone: string, a: repo.LoadedAssessment): Assessment {
  const def = definitionOf(a);
  const schedule = a.courseId === null ? [] : scheduleOf(db, zone, { courseId: a.courseId });
  return {
    id: a.id,
    patientId: a.patientId,
    courseId: a.courseId,
    timePoint: a.timePoint,
    procedureId: a.procedureId,
    instrument: { id: a.instrumentId, version: a.instrumentVersion },
    mode: a.mode,
    assessorId: a.assessorId,
    assessorName: a.assessorName,
    assessedOn: a.assessedOn,
    ...windowFacts(schedule, a),
    versions: a.versions.map((v) => toVersion(def, v)),
    latestSigned: a.signedN,
    version: a.version,
  };
}

const loadAssessment = (db: ReadableDB, id: number) => mustLoad(db, id, repo.findAssessment, LABEL);

/** The version being worked on: the last one. */
function lastVersion(a: repo.LoadedAssessment): repo.VersionRow {
  const last = a.versions[a.versions.length - 1];
  if (!last) throw new Error(`Assessment ${a.id} has no version`);
  return last;
}

function refuseSigned(v: Pick<repo.VersionRow, 'n' | 'status'>): void {
  if (v.status === 'signed') {
    throw new DomainError(
      'CONFLICT',
      `Version ${v.n} is signed and read-only; amend it (a new version, with a reason) to correct it.`,
      { reason: 'signed_readonly', entity: 'assessments', n: v.n },
    );
  }
}

const validation = (fields: FieldIssue[]): DomainError =>
  new DomainError('VALIDATION', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });

export interface StartInput {
  patientId: number;
  courseId: number | null;
  timePoint: TimePoint;
  procedureId: number | null;
  instrument: { id: InstrumentDef['id']; version: number | null };
  mode: Assessment['mode'];
  assessorId: number | null;
  assessedOn: string | null;
}

/** Where a new assessment attaches: the course (from the procedure when not given) and the procedure, checked. */
function placeOf(db: ReadableDB, input: StartInput): { courseId: number | null; procedureId: number | null } {
  let courseId = input.courseId;
  if (input.timePoint !== 'after_procedure' && input.procedureId !== null) {
    throw fieldError('procedureId', 'Only the after-procedure time point names a procedure');
  }
  if (input.timePoint === 'after_procedure') {
    if (input.procedureId === null) throw fieldError('procedureId', 'Required');
    const p = findProcedure(db, input.procedureId);
    const ok = p && p.patient.id === input.patientId && (courseId === null || p.courseId === courseId);
    if (!p || !ok) throw fieldError('procedureId', "Pick one of this patient's procedures");
    courseId = p.courseId;
  }
  if (courseId !== null) {
    const c = findCourse(db, courseId);
    if (!c || c.patientId !== input.patientId) throw fieldError('courseId', "Pick one of this patient's courses");
  }
  return { courseId, procedureId: input.procedureId };
}

export function start(ctx: CallContext, input: StartInput): Assessment {
  return command(ctx, { action: 'assessments.start', entity: ENTITY }, ({ w, actor, at }) => {
    loadLive(w, input.patientId);
    const place = placeOf(w, input);
    const def =
      input.instrument.version === null
        ? INSTRUMENTS.latest(input.instrument.id)
        : INSTRUMENTS.get(input.instrument.id, input.instrument.version);
    if (!def) throw fieldError('instrument.version', 'Choose one');
    const assessorId = input.assessorId ?? actor.id;
    if (!isActiveDoctor(w, assessorId)) throw fieldError('assessorId', 'Pick an active doctor');
    const assessedOn = input.assessedOn ?? clinicToday(ctx.core);
    if (assessedOn > clinicToday(ctx.core)) {
      throw fieldError('assessedOn', 'An assessment cannot be dated in the future');
    }
    const key = { patientId: input.patientId, ...place, timePoint: input.timePoint, instrumentId: def.id };
    const existing = repo.findAtPoint(w, key);
    if (existing !== null) {
      throw new DomainError('CONFLICT', 'This time point already has an assessment with this instrument; open it.', {
        reason: 'constraint',
        assessmentId: existing,
      });
    }
    const id = repo.insertAssessment(
      w,
      { ...key, instrumentVersion: def.version, mode: input.mode, assessorId, assessedOn },
      { at, by: actor.id },
    );
    return toAssessment(w, clinicTimeZone(ctx.core), loadAssessment(w, id));
  });
}

/** Each definition's items by code: a save looks up every item it carries (50 at a sitting), a scan each was O(n²). */
const itemMaps = new WeakMap<InstrumentDef, ReadonlyMap<string, InstrumentDef['items'][number]>>();
function itemsOf(def: InstrumentDef): ReadonlyMap<string, InstrumentDef['items'][number]> {
  let map = itemMaps.get(def);
  if (!map) {
    map = new Map(def.items.map((i) => [i.code, i]));
    itemMaps.set(def, map);
  }
  return map;
}

/** Applies a partial save: a value sets an item, null clears it. Only the changed items are checked (autosave). */
function merged<T>(
  def: InstrumentDef,
  current: Readonly<Record<string, T>>,
  patch: Readonly<Record<string, T | null>>,
  path: string,
  allowed: (item: InstrumentDef['items'][number], value: T) => boolean,
): Record<string, T> {
  const next: Record<string, T> = { ...current };
  const fields: FieldIssue[] = [];
  const items = itemsOf(def);
  for (const code in patch) {
    const value = patch[code];
    const item = items.get(code);
    if (!item) fields.push({ path: `${path}.${code}`, message: 'Unknown item' });
    else if (value === null) delete next[code];
    else if (value === undefined || !allowed(item, value)) {
      fields.push({ path: `${path}.${code}`, message: 'Value not allowed' });
    } else next[code] = value;
  }
  if (fields.length > 0) throw validation(fields);
  return next;
}

/** One draft's save: only what changed, a value sets an item and null clears it. */
export interface DraftInput {
  id: number;
  version: number;
  values: Record<string, ItemValue | null>;
  notes: Record<string, string | null>;
}

/** The items a save touched, never their values: the scores stay in the version row. */
const draftAudit = (n: number, input: DraftInput) => ({
  n,
  items: Object.keys(input.values),
  notes: Object.keys(input.notes),
});

/** Writes one loaded draft's merged item map (refused on a signed version) and answers its running score. */
function writeDraft(w: WritableDB, before: repo.DraftState, input: DraftInput, at: string): DraftSaved {
  const draft = before.current;
  refuseSigned(draft);
  const def = definitionOf(before);
  const values = merged(def, draft.values, input.values, 'values', (item, v) => anchorFor(item, v) !== undefined);
  const notes = merged(def, draft.notes, input.notes, 'notes', () => true);
  repo.saveDraft(w, input.id, draft.n, { values, notes }, at);
  const score = def.score(values);
  return {
    id: input.id,
    version: before.version + 1,
    n: draft.n,
    sum: score.sum,
    total: score.total,
    complete: score.complete,
    missing: [...score.missing],
    updatedAt: at,
  };
}

export function saveDraft(ctx: CallContext, input: DraftInput): DraftSaved {
  let n = 0;
  const spec = {
    action: 'assessments.saveDraft',
    entity: ENTITY,
    // The draft alone (one indexed join): the whole record with every version is not read on each keystroke pause.
    ...target(input.id, input.version, repo.findDraftState),
    audit: () => ({ entityId: input.id, before: null, after: draftAudit(n, input) }),
  };
  return command(ctx, spec, ({ w, before, at }) => {
    n = before.current.n;
    return writeDraft(w, before, input, at);
  });
}

/**
 * Several drafts of one sitting saved as one command: the visit's instruments (Fugl-Meyer upper and lower extremity
 * are two records) reach the disk in one durable commit, all or none. Each draft is version-checked and refused as
 * `saveDraft` refuses it, and each gets its own audit entry (the log records changes per record), in the same
 * transaction.
 */
export function saveDrafts(ctx: CallContext, input: { drafts: readonly DraftInput[] }): DraftSaved[] {
  const ids = new Set(input.drafts.map((d) => d.id));
  if (ids.size !== input.drafts.length) throw fieldError('drafts', VALIDATION_MESSAGES.draftOncePerSave);
  return command(ctx, { action: 'assessments.saveDrafts', entity: ENTITY, audit: () => null }, ({ w, at, audit }) =>
    input.drafts.map((d) => {
      const before = mustLoad(w, d.id, repo.findDraftState, LABEL);
      checkVersion(before, d.version, CONFLICT, () => lastChangeOf(w, ENTITY, d.id));
      const saved = writeDraft(w, before, d, at);
      audit('assessments.saveDrafts', ENTITY, d.id, null, draftAudit(saved.n, d));
      return saved;
    }),
  );
}

/**
 * What keeps a version from being signed: items without a value (an instrument read item by item needs at least
 * one), values the publication's cross-item rules refuse, and untestable items the scale asks a reason for.
 */
function signingIssues(
  def: InstrumentDef,
  v: Pick<repo.VersionRow, 'values' | 'notes'>,
  score: ReturnType<InstrumentDef['score']>,
): FieldIssue[] {
  const fields: FieldIssue[] = validateValues(def, v.values).map((i) => ({
    path: `values.${i.item}`,
    message: i.message,
  }));
  if (def.range !== null) {
    fields.push(...score.missing.map((code) => ({ path: `values.${code}`, message: 'Required' })));
  } else if (score.missing.length === def.items.length) {
    fields.push({ path: 'values', message: 'Enter at least one item' });
  }
  for (const item of def.items) {
    const note = v.notes[item.code]?.trim() ?? '';
    if (item.untestableNeedsNote && v.values[item.code] === UNTESTABLE && note === '') {
      fields.push({ path: `notes.${item.code}`, message: 'Say why this item is untestable' });
    }
  }
  return fields;
}

export function sign(ctx: CallContext, input: { id: number; version: number }): Assessment {
  let signed: repo.StoredScore & { n: number } = { n: 0, sum: 0, total: null, complete: false, subscores: {} };
  const spec = {
    action: 'assessments.sign',
    entity: ENTITY,
    // The draft alone: the record is read whole once, after signing, for the answer.
    ...target(input.id, input.version, repo.findDraftState),
    audit: () => ({ entityId: input.id, before: { status: 'draft' }, after: { status: 'signed', ...signed } }),
  };
  return command(ctx, spec, ({ w, actor, before, at }) => {
    const draft = before.current;
    refuseSigned(draft);
    const request = { from: draft.status, to: 'signed' as const, role: actor.role, reason: null };
    checkTransition(ASSESSMENT_LIFECYCLE, { ...request, command: 'assessments.sign' });
    // The lifecycle's system-only step skips its doctor-only check, so the rule is stated here as well.
    if (actor.role !== 'doctor') {
      throw new DomainError('FORBIDDEN', 'Only a doctor signs an assessment.', {
        entity: 'assessments',
        from: 'draft',
        to: 'signed',
        allowed: [],
      });
    }
    const def = definitionOf(before);
    const score = def.score(draft.values);
    const issues = signingIssues(def, draft, score);
    if (issues.length > 0) throw validation(issues);
    signed = { n: draft.n, sum: score.sum, total: score.total, complete: score.complete, subscores: score.subscores };
    repo.signVersion(w, input.id, draft.n, signed, { at, by: actor.id });
    return toAssessment(w, clinicTimeZone(ctx.core), loadAssessment(w, input.id));
  });
}

/** Opens the next version as a draft (a copy of the latest signed one) with the reason; the old one stays readable. */
export function amend(ctx: CallContext, input: { id: number; version: number; reason: string }): Assessment {
  let n = 0;
  const spec = {
    action: 'assessments.amend',
    entity: ENTITY,
    ...target(input.id, input.version, repo.findAssessment),
    audit: () => ({ entityId: input.id, before: null, after: { n, reason: input.reason } }),
  };
  return command(ctx, spec, ({ w, actor, before, at }) => {
    const last = lastVersion(before);
    if (last.status !== 'signed') {
      throw new DomainError('CONFLICT', `Version ${last.n} is still a draft: sign it before amending.`, {
        entity: 'assessments',
        status: last.status,
        n: last.n,
      });
    }
    n = last.n + 1;
    const copy = { values: last.values, notes: last.notes, amendReason: input.reason };
    repo.insertVersion(w, input.id, n, copy, { at, by: actor.id });
    return toAssessment(w, clinicTimeZone(ctx.core), loadAssessment(w, input.id));
  });
}

/** Opening an assessment is a read of clinical data: recorded like opening a patient, by the assessment's id only. */
export function get(ctx: CallContext, input: { id: number }): Assessment {
  const spec = { action: 'assessments.view', entity: ENTITY, id: input.id, load: repo.findAssessment, label: LABEL };
  return view(ctx, spec, ({ w, core, before }) => toAssessment(w, clinicTimeZone(core), before));
}

/** Each signed row as a chart point, with whether its day is outside its time point's window. */
function historyPoints(rows: readonly repo.HistoryRow[], schedule: readonly PlannedPoint[]): HistoryPoint[] {
  const find = pointIndex(schedule);
  return rows.map((r) => ({
    assessmentId: r.assessmentId,
    instrument: { id: r.instrumentId, version: r.instrumentVersion },
    courseId: r.courseId,
    timePoint: r.timePoint,
    procedureId: r.procedureId,
    assessedOn: r.assessedOn,
    n: r.n,
    total: r.stored.total,
    complete: r.stored.complete,
    subscores: { ...r.stored.subscores },
    signedAt: r.signedAt,
    outsideWindow: windowFacts(schedule, r, find).outsideWindow,
  }));
}

/** Each planned point with where it stands today and the assessments (in id order) attached to it. */
function scheduledPoints(
  schedule: readonly PlannedPoint[],
  placed: readonly repo.PointAssessed[],
  today: string,
): ScheduledPoint[] {
  const byPoint = new Map<string, number[]>();
  for (const a of placed) {
    const key = pointKey(a);
    const ids = byPoint.get(key);
    if (ids) ids.push(a.id);
    else byPoint.set(key, [a.id]);
  }
  return schedule.map((p) => {
    const ids = byPoint.get(pointKey(p)) ?? [];
    return { ...p, state: windowState(p, today, ids.length > 0), assessmentIds: ids };
  });
}

/** Found and not merged, from two columns: reading the whole patient record cost as much as the schedule itself. */
const checkPatient = (db: ReadableDB, patientId: number) =>
  mustLoad(db, patientId, (d, id) => refuseMerged(repo.patientLink(d, id)), 'Patient');

/** The chart data: each assessment's latest signed version with its stored totals, oldest first per instrument. */
export function forPatient(ctx: CallContext, input: { patientId: number }): HistoryPoint[] {
  const db = ctx.core.db;
  const rows = repo.signedHistory(db, input.patientId);
  if (rows.length === 0) return [];
  return historyPoints(rows, scheduleOf(db, clinicTimeZone(ctx.core), input));
}

/** The patient's time points over all their (not cancelled) courses, where each stands today. */
export function schedule(ctx: CallContext, input: { patientId: number }): ScheduledPoint[] {
  const db = ctx.core.db;
  checkPatient(db, input.patientId);
  const planned = scheduleOf(db, clinicTimeZone(ctx.core), { patientId: input.patientId });
  return scheduledPoints(planned, repo.pointsAssessed(db, input.patientId), clinicToday(ctx.core));
}

/** A planned point with the assessments (in id order) attached to it, filled while the rows are read. */
interface PointSlot {
  point: PlannedPoint;
  ids: number[];
}

/**
 * The patient page's panel: `schedule` and `forPatient` as they would answer, from one read of the patient's
 * assessments (rows as arrays) and one schedule, each point's key built once and every answer object built once
 * with its final shape: the page is opened all day, and copies per row were most of its time and its GC pauses.
 */
export function patientChart(ctx: CallContext, input: { patientId: number }): PatientChart {
  const db = ctx.core.db;
  checkPatient(db, input.patientId);
  const rows = repo.patientChartRows(db, input.patientId);
  const planned = scheduleOf(db, clinicTimeZone(ctx.core), { patientId: input.patientId });
  const slots = new Map<string, PointSlot>();
  for (const point of planned) slots.set(pointKey(point), { point, ids: [] });
  const points: HistoryPoint[] = [];
  for (const [id, instrumentId, instrumentVersion, courseId, timePoint, procedureId, assessedOn, n, ...s] of rows) {
    const slot = slots.get(pointKey({ courseId, timePoint, procedureId }));
    if (slot) slot.ids.push(id);
    const [total, complete, subscores, signedAt] = s;
    if (n === null || signedAt === null) continue;
    points.push({
      assessmentId: id,
      instrument: { id: instrumentId, version: instrumentVersion },
      courseId,
      timePoint,
      procedureId,
      assessedOn,
      n,
      total,
      complete: complete === 1,
      subscores: JSON.parse(subscores ?? '{}') as Record<string, number | null>,
      signedAt,
      outsideWindow: slot ? !insideWindow(assessedOn, slot.point) : null,
    });
  }
  const today = clinicToday(ctx.core);
  const schedule: ScheduledPoint[] = [];
  for (const { point: p, ids } of slots.values()) {
    // In id order, as `schedule` answers: a time point lists its assessments in the order they were started.
    if (ids.length > 1) ids.sort((x, y) => x - y);
    schedule.push({
      courseId: p.courseId,
      timePoint: p.timePoint,
      procedureId: p.procedureId,
      target: p.target,
      from: p.from,
      to: p.to,
      state: windowState(p, today, ids.length > 0),
      assessmentIds: ids,
    });
  }
  return { schedule, points };
}
