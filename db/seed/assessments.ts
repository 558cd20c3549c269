// The synthetic assessments: NIHSS, mRS, Barthel and sometimes Fugl-Meyer at each course's real time points (the
// schedule the core derives), scored by the instrument definitions, with missed points, late visits, drafts and
// amendments. Deterministic from the seed; the same writer fills a benchmark-size table.
import type { Statement } from 'better-sqlite3';
import {
  INSTRUMENTS,
  type AssessmentMode,
  type InstrumentDef,
  type InstrumentId,
  type ItemValue,
  type TimePoint,
  UNTESTABLE,
  validateValues,
} from '../contract';
import type { WritableDB } from '../sqlite/handles';
import { type PlannedPoint, courseSchedule, insideWindow } from '../services/assessment-schedule';
import { dayInZone } from '../services/clinic-time';
import { isoDate, isoInstant } from './iso';
import { Random } from './random';
import { clockFor } from './treatment';

const DAY = 86_400_000;

export interface AssessmentSeedResult {
  assessments: number;
  versions: number;
  /** Item values over all versions written. */
  itemScores: number;
  drafts: number;
  amendments: number;
  /** Time points past their window with no assessment. */
  missed: number;
  outsideWindow: number;
}

export interface AssessmentSeedSetup {
  w: WritableDB;
  timeZone: string;
  /** The clinic's today (YYYY-MM-DD). */
  today: string;
  doctorIds: readonly number[];
  seed: number;
  /** Benchmark: every version signed (no drafts left open). */
  allSigned?: boolean;
}

/** How often a point passes unassessed: follow-ups far from the clinic are missed more often. */
const MISSED: Readonly<Record<TimePoint, number>> = {
  baseline: 0.02,
  after_procedure: 0.1,
  discharge: 0.05,
  m1: 0.1,
  m3: 0.15,
  m6: 0.2,
  m12: 0.25,
};
/** How far along the recovery a point is (0 at baseline, 1 at twelve months). */
const PROGRESS: Readonly<Record<TimePoint, number>> = {
  baseline: 0,
  after_procedure: 0.08,
  discharge: 0.2,
  m1: 0.35,
  m3: 0.6,
  m6: 0.85,
  m12: 1,
};
const REMOTE = new Set<TimePoint>(['m1', 'm3', 'm6', 'm12']);
const AMEND_REASONS = [
  'Transcription error: item entered on the wrong row',
  'Re-scored after reviewing the visit video',
  'Value corrected after checking the paper form',
];
const UNTESTABLE_NOTE = 'Above-knee amputation (before the stroke)';

/** What the demo clinic scores: the first four of DOMAIN.md's table. */
type SeededInstrument = Extract<InstrumentId, 'nihss' | 'mrs' | 'barthel' | 'fm-ue' | 'fm-le'>;

interface PatientState {
  /** 0 = worst, 1 = normal function, at the first baseline. */
  level: number;
  /** Change in `level` by twelve months: mostly a small gain, sometimes a loss. */
  gain: number;
  weakSide: 'left' | 'right';
  fuglMeyer: boolean;
  /** An NIHSS motor item scored untestable (amputation), with its reason. */
  untestable: string | null;
}

interface Written {
  values: Record<string, ItemValue>;
  notes: Record<string, string>;
}

/** Item values for a patient at a level of function: each item near that level, with noise, on the weak side worse. */
function itemValues(rng: Random, def: InstrumentDef, p: PatientState, level: number): Written {
  const values: Record<string, ItemValue> = {};
  const notes: Record<string, string> = {};
  for (const item of def.items) {
    if (item.code === p.untestable && def.id === 'nihss') {
      values[item.code] = UNTESTABLE;
      notes[item.code] = UNTESTABLE_NOTE;
      continue;
    }
    // mRS 6 is death: the demo clinic records none.
    const scored = item.anchors.filter((a) => a.points !== null && !(def.id === 'mrs' && a.points === 6));
    const ranked = [...scored].sort((a, b) => (a.points ?? 0) - (b.points ?? 0));
    let impairment = 1 - level;
    // Consciousness and gaze are rarely affected months after a stroke; the weak side's limbs are.
    if (def.id === 'nihss') impairment *= /^(1[abc]|2|3)$/.test(item.code) ? 0.3 : 0.75;
    if (item.side) impairment *= item.side === p.weakSide ? 1.3 : 0.25;
    const noisy = Math.min(1, Math.max(0, impairment + (rng.next() - 0.5) * 0.35));
    const rank = Math.round((ranked.length - 1) * (def.better === 'higher' ? 1 - noisy : noisy));
    const anchor = ranked[rank] ?? ranked[0];
    if (anchor) values[item.code] = anchor.value;
  }
  // Cross-item rules (Fugl-Meyer's normal reflexes only after a full part IV): the item the rule names takes 0.
  for (const issue of validateValues(def, values)) values[issue.item] = 0;
  return { values, notes };
}

interface Statements {
  head: Statement;
  version: Statement;
}

function prepare(w: WritableDB): Statements {
  return {
    head: w.prepare(
      `INSERT INTO assessments (patient_id, course_id, time_point, procedure_id, instrument_id, instrument_version,
         mode, assessor_id, assessed_on, current_n, signed_n, created_by, created_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    version: w.prepare(
      `INSERT INTO assessment_versions (assessment_id, n, status, item_values, item_notes, sum, total, complete,
         subscores, amend_reason, created_by, created_at, updated_at, signed_by, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

interface CourseRow {
  id: number;
  patient_id: number;
  admission: string;
  discharge: string;
}

/** Writes assessments course by course; one instance keeps each patient's trajectory across their courses. */
export class AssessmentWriter {
  readonly result: AssessmentSeedResult = {
    assessments: 0,
    versions: 0,
    itemScores: 0,
    drafts: 0,
    amendments: 0,
    missed: 0,
    outsideWindow: 0,
  };
  private readonly rng: Random;
  private readonly st: Statements;
  private readonly patients = new Map<number, PatientState>();
  private readonly procedures: Statement;
  private readonly clock: ReturnType<typeof clockFor>;
  private readonly defs: Record<SeededInstrument, InstrumentDef>;

  constructor(private readonly s: AssessmentSeedSetup) {
    this.rng = new Random(s.seed * 15_485_863 + 11);
    this.st = prepare(s.w);
    this.clock = clockFor(s.timeZone);
    this.procedures = s.w.prepare(
      `SELECT id, course_id, starts_at, status FROM procedures
        WHERE course_id BETWEEN ? AND ? AND status IN ('scheduled', 'completed') ORDER BY course_id, id`,
    );
    const latest = (id: InstrumentId) => INSTRUMENTS.latest(id);
    this.defs = {
      nihss: latest('nihss'),
      mrs: latest('mrs'),
      barthel: latest('barthel'),
      'fm-ue': latest('fm-ue'),
      'fm-le': latest('fm-le'),
    };
  }

  /** Courses not cancelled, with an id above `after`, in id order (the actual dates where known, as the core does). */
  static courses(w: WritableDB, after: number, limit: number): CourseRow[] {
    return w
      .prepare(
        `SELECT id, patient_id, coalesce(admitted_on, planned_admission) AS admission,
                coalesce(discharged_on, planned_discharge) AS discharge
           FROM courses WHERE status <> 'cancelled' AND id > ? ORDER BY id LIMIT ?`,
      )
      .all(after, limit) as CourseRow[];
  }

  /** Every course of the batch: its schedule from the same function the core uses, then the visits. */
  writeCourses(courses: readonly CourseRow[]): void {
    const first = courses[0]?.id;
    const last = courses.at(-1)?.id;
    if (first === undefined || last === undefined) return;
    const procs = this.procedures.all(first, last) as {
      id: number;
      course_id: number;
      starts_at: string;
      status: string;
    }[];
    const byCourse = new Map<number, { id: number; day: string; done: boolean }[]>();
    for (const p of procs) {
      const list = byCourse.get(p.course_id) ?? [];
      list.push({ id: p.id, day: dayInZone(new Date(p.starts_at), this.s.timeZone), done: p.status === 'completed' });
      byCourse.set(p.course_id, list);
    }
    for (const c of courses) {
      const held = byCourse.get(c.id) ?? [];
      const done = new Set(held.filter((p) => p.done).map((p) => p.id));
      const points = courseSchedule({ id: c.id, admission: c.admission, discharge: c.discharge, procedures: held });
      const patient = this.patient(c.patient_id);
      for (const point of points) {
        if (point.procedureId !== null && !done.has(point.procedureId)) continue;
        this.visit(c.patient_id, patient, point);
      }
    }
  }

  private patient(id: number): PatientState {
    let p = this.patients.get(id);
    if (!p) {
      const rng = this.rng;
      p = {
        level: 0.35 + rng.next() * 0.5,
        // About one in six gets worse; most gain a little.
        gain: rng.chance(0.17) ? -rng.next() * 0.1 : 0.05 + rng.next() * 0.25,
        weakSide: rng.chance(0.5) ? 'left' : 'right',
        fuglMeyer: rng.chance(0.45),
        untestable: rng.chance(0.02) ? rng.pick(['6a', '6b']) : null,
      };
      this.patients.set(id, p);
    }
    return p;
  }

  /** One time point: missed, not yet, or assessed on a day in (or now and then outside) its window. */
  private visit(patientId: number, p: PatientState, point: PlannedPoint): void {
    const { rng, s } = this;
    const tp = point.timePoint;
    if (point.from > s.today) return;
    if (rng.chance(MISSED[tp])) {
      if (point.to < s.today) this.result.missed += 1;
      return;
    }
    const span = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
    const shift = (day: string, days: number) => isoDate(Date.parse(day) + days * DAY);
    let day: string;
    if (rng.chance(0.06)) {
      // Late: the patient could not be reached in time (a baseline is never late: it comes before the transplant).
      day = tp === 'baseline' ? shift(point.from, -rng.int(1, 10)) : shift(point.to, rng.int(1, 12));
    } else if (tp === 'baseline') {
      day = shift(point.target, -rng.int(0, Math.min(3, span(point.from, point.target))));
    } else if (tp === 'after_procedure') {
      day = shift(point.target, rng.int(0, 2));
    } else {
      day = shift(point.from, rng.int(0, span(point.from, point.to)));
    }
    if (day > s.today) return;
    if (!insideWindow(day, point)) this.result.outsideWindow += 1;
    const remote = REMOTE.has(tp);
    const mode: AssessmentMode = remote
      ? rng.weighted([
          ['video', 45],
          ['phone', 30],
          ['in_person', 15],
          ['proxy', 10],
        ] as const)
      : 'in_person';
    const ids: SeededInstrument[] = [];
    if (tp !== 'after_procedure' || rng.chance(0.8)) ids.push('nihss');
    if (mode === 'phone' || mode === 'proxy') ids.pop();
    ids.push('mrs');
    if (tp !== 'after_procedure') ids.push('barthel');
    const fm =
      p.fuglMeyer && mode === 'in_person' && (tp === 'baseline' || tp === 'discharge' || (remote && rng.chance(0.3)));
    if (fm) ids.push('fm-ue', 'fm-le');
    const level = Math.min(0.98, Math.max(0.02, p.level + p.gain * PROGRESS[tp] + (rng.next() - 0.5) * 0.06));
    const assessor = rng.pick(s.doctorIds);
    const recent = span(day, s.today) <= 3;
    for (const id of ids) this.write(patientId, point, id, day, mode, assessor, level, recent, p);
  }

  private write(
    patientId: number,
    point: PlannedPoint,
    id: SeededInstrument,
    day: string,
    mode: AssessmentMode,
    assessor: number,
    level: number,
    recent: boolean,
    p: PatientState,
  ): void {
    const { rng, s, st } = this;
    const def = this.defs[id];
    const first = itemValues(rng, def, p, level);
    const dayNumber = Math.round(Date.parse(day) / DAY);
    const created = this.clock.instant(dayNumber, 9 * 60 + rng.int(0, 420));
    const iso = isoInstant;
    const draft = !s.allSigned && (recent ? rng.chance(0.5) : rng.chance(0.02));
    const amended = !draft && rng.chance(0.03);
    const versions: { w: Written; signed: boolean; reason: string | null; at: number }[] = [];
    if (draft) {
      // An unsigned draft: the doctor stopped part-way (or has not signed yet).
      const keep = def.items.length === 1 ? 1 : rng.int(Math.ceil(def.items.length / 2), def.items.length);
      const values = Object.fromEntries(Object.entries(first.values).slice(0, keep));
      const notes = Object.fromEntries(Object.entries(first.notes).filter(([k]) => k in values));
      versions.push({ w: { values, notes }, signed: false, reason: null, at: created });
    } else {
      versions.push({ w: first, signed: true, reason: null, at: created });
    }
    if (amended) {
      const values = { ...first.values };
      const item = rng.pick(def.items.filter((i) => values[i.code] !== UNTESTABLE));
      const others = item.anchors.filter((a) => a.value !== values[item.code] && a.points !== null);
      const next = others.length > 0 ? rng.pick(others) : undefined;
      if (next && !(def.id === 'mrs' && next.value === 6)) values[item.code] = next.value;
      for (const issue of validateValues(def, values)) values[issue.item] = 0;
      const at = created + rng.int(1, 20) * DAY;
      const signed = s.allSigned || at > Date.parse(s.today) ? true : rng.chance(0.8);
      versions.push({ w: { values, notes: first.notes }, signed, reason: rng.pick(AMEND_REASONS), at });
    }
    const currentN = versions.length;
    const signedN = versions.reduce((n, v, i) => (v.signed ? i + 1 : n), 0);
    const assessmentId = Number(
      st.head.run(
        patientId,
        point.courseId,
        point.timePoint,
        point.procedureId,
        def.id,
        def.version,
        mode,
        assessor,
        day,
        currentN,
        signedN === 0 ? null : signedN,
        assessor,
        iso(created),
        1 + currentN * 2,
      ).lastInsertRowid,
    );
    versions.forEach((v, i) => {
      const n = i + 1;
      const signedAt = v.at + rng.int(5, 90) * 60_000;
      const score = v.signed ? def.score(v.w.values) : null;
      st.version.run(
        assessmentId,
        n,
        v.signed ? 'signed' : 'draft',
        JSON.stringify(v.w.values),
        JSON.stringify(v.w.notes),
        score ? score.sum : null,
        score ? score.total : null,
        score ? (score.complete ? 1 : 0) : null,
        score ? JSON.stringify(score.subscores) : null,
        v.reason,
        assessor,
        iso(v.at),
        iso(v.signed ? signedAt : v.at + 60_000),
        v.signed ? assessor : null,
        v.signed ? iso(signedAt) : null,
      );
      this.result.versions += 1;
      this.result.itemScores += Object.keys(v.w.values).length;
      if (!v.signed) this.result.drafts += 1;
    });
    this.result.assessments += 1;
    if (amended) this.result.amendments += 1;
  }
}

/** The demo clinic's assessments over every course it has (run once, after the ward). */
export function seedDemoAssessments(s: AssessmentSeedSetup): AssessmentSeedResult {
  const writer = new AssessmentWriter(s);
  writer.writeCourses(AssessmentWriter.courses(s.w, 0, 1_000_000));
  return writer.result;
}

/**
 * Benchmark size: signed assessments on the courses in id order (after any already assessed) until `itemScores` item values are stored, in
 * batches of courses; `commit` is called between batches so the write-ahead log stays small.
 */
export function seedBenchAssessments(
  s: AssessmentSeedSetup,
  itemScores: number,
  commit: () => void,
): AssessmentSeedResult {
  const writer = new AssessmentWriter({ ...s, allSigned: true });
  // Courses that have assessments already (a demo ward under the bench ward) keep theirs.
  let after = (s.w.prepare('SELECT ifnull(max(course_id), 0) AS id FROM assessments').get() as { id: number }).id;
  while (writer.result.itemScores < itemScores) {
    const batch = AssessmentWriter.courses(s.w, after, 200);
    const lastId = batch.at(-1)?.id;
    if (lastId === undefined) break;
    writer.writeCourses(batch);
    after = lastId;
    commit();
  }
  return writer.result;
}
