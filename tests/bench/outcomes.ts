// `npm run bench`, outcomes part (issue #11): the outcomes report for one instrument with every stratification, read
// from the signed totals, beside the same figures computed from the raw item rows (parse item_values, re-score).
import { dispatch } from '../../db/api/dispatch';
import {
  INSTRUMENTS,
  IMPROVEMENT_V1,
  type OutcomeReport,
  type OutcomeScreen,
  type OutcomeTimePoint,
  STRATIFICATIONS,
  type ItemValues,
  type InstrumentDef,
  type Stratification,
} from '../../db/contract';
import * as repo from '../../db/repos/outcomes';
import {
  type OutcomeOptions,
  SEVERITY_BANDS,
  applyFilters,
  domainTable,
  outcomeRow,
  outcomeTables,
} from '../../db/reports/outcomes';
import { clinicToday } from '../../db/services/clinic-time';
import type { Core } from '../../db/services/core';
import { type TotalsReader, treatedPatients } from '../../db/services/outcomes';
import { clinicNumbersWith } from '../../db/services/clinic-numbers';
import * as repoNumbers from '../../db/repos/clinic-numbers';
import { baselineClinicNumbers } from './clinic-numbers-baseline';
import { commandAs } from '../../db/services/kernel';
import { keptStats } from '../../db/services/kept-answers';
import { reportRefreshSettled, startReportRefresh, stopReportRefresh } from '../../db/services/report-refresh';
import { prepareWorkers } from '../../db/services/worker-jobs';
import { type Timing, percentile, printComparison, time } from './stats';
import { record } from './summary';

const INSTRUMENT = 'barthel';
const POINT: OutcomeTimePoint = 'm3';

/** Course id → total, by parsing every signed item map and scoring it again: what a report without totals would do
 * (Barthel only, the bench's instrument). */
const rawTotals: TotalsReader = (db, _instrument, timePoint) => {
  const rows = db
    .prepare(
      `SELECT a.course_id AS courseId, a.instrument_version AS version, v.item_values AS items FROM assessments a
         JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
        WHERE a.instrument_id = ? AND a.time_point = ? AND a.course_id IS NOT NULL`,
    )
    .all(INSTRUMENT, timePoint) as { courseId: number; version: number; items: string }[];
  const out = new Map<number, number>();
  for (const r of rows) {
    const def = INSTRUMENTS.get(INSTRUMENT, r.version) ?? INSTRUMENTS.latest(INSTRUMENT);
    const total = def.score(JSON.parse(r.items) as ItemValues).total;
    if (total !== null) out.set(r.courseId, total);
  }
  return out;
};

/** The report with every stratification from one read of the treated group, its totals and the domain ratings
 * (the one-grouping computation run for each grouping, as the screen's six calls did before). */
function everyStratum(core: Core, totals: TotalsReader): Pick<OutcomeScreen, 'overall' | 'strata' | 'domains'> {
  const patients = treatedPatients(core, INSTRUMENT, POINT, totals);
  const ratings = repo.signedRatings(core.db, POINT);
  const def = INSTRUMENTS.latest(INSTRUMENT);
  const today = clinicToday(core);
  const domainCodes = IMPROVEMENT_V1.items.map((i) => i.code);
  const out: Pick<OutcomeScreen, 'overall' | 'strata' | 'domains'> = {
    overall: outcomeRow('all', [], { ...options(def, 'none', today) }),
    strata: { none: [], strokeType: [], onset: [], severity: [], age: [], comorbidity: [] },
    domains: [],
  };
  for (const stratifyBy of STRATIFICATIONS) {
    const o = options(def, stratifyBy, today);
    const tables = outcomeTables(patients, o);
    out.domains = domainTable(applyFilters(patients, o), ratings, domainCodes, today);
    out.strata[stratifyBy] = tables.strata;
    out.overall = tables.overall;
  }
  return out;
}

function options(def: InstrumentDef, stratifyBy: Stratification, today: string): OutcomeOptions {
  return {
    better: def.better,
    threshold: 10,
    goodOutcome: def.goodOutcome,
    severityBands: SEVERITY_BANDS[INSTRUMENT] ?? null,
    stratifyBy,
    today,
    from: null,
    to: null,
    transplants: 'any',
  };
}

/**
 * Medians of what `measure` times (ms per row, by name) with the triggers in place and with them dropped, alternated
 * over 20 rounds inside transactions that are rolled back (the commit is the same either way).
 */
function withAndWithout<K extends string>(
  core: Core,
  triggers: readonly string[],
  measure: () => Record<K, number>,
): Record<K, { on: number; off: number }> {
  const per = { with: [] as Record<K, number>[], without: [] as Record<K, number>[] };
  for (let round = 0; round < 20; round++) {
    for (const mode of round % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
      core.db.exec('BEGIN');
      if (mode === 'without') for (const t of triggers) core.db.exec(`DROP TRIGGER ${t}`);
      per[mode].push(measure());
      core.db.exec('ROLLBACK');
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const keys = Object.keys(per.with[0] ?? {}) as K[];
  return Object.fromEntries(
    keys.map((k) => [k, { on: median(per.with.map((r) => r[k])), off: median(per.without.map((r) => r[k])) }]),
  ) as Record<K, { on: number; off: number }>;
}

/** The first 100 scheduled procedures and the UPDATE that completes one (rolled back by the write-cost timings). */
function completions(db: Core['db']) {
  const slots = db
    .prepare("SELECT id, starts_at AS at FROM procedures WHERE status = 'scheduled' ORDER BY id LIMIT 100")
    .all() as { id: number; at: string }[];
  const complete = db.prepare(
    "UPDATE procedures SET status = 'completed', lot_number = 'BENCH', performed_start = ? WHERE id = ?",
  );
  return { slots, complete };
}

/**
 * What the treated-course triggers (migration 0180) add to a write: completing 100 scheduled procedures, with the
 * trigger and with it dropped, alternated inside transactions that are rolled back (the commit is the same either way;
 * booking inserts a scheduled row, which never fires them).
 */
function completionCost(core: Core): void {
  const { db } = core;
  const { slots, complete } = completions(db);
  if (slots.length === 0) return;
  const { complete: cost } = withAndWithout(core, ['outcome_treated_update'], () => {
    const start = performance.now();
    for (const s of slots) complete.run(s.at, s.id);
    return { complete: (performance.now() - start) / slots.length };
  });
  const [on, off] = [cost.on, cost.off];
  console.log(
    `completing a procedure (the UPDATE alone): ${on.toFixed(3)} ms with the outcome_treated trigger, ` +
      `${off.toFixed(3)} ms without (+${(on - off).toFixed(3)} ms; a bare commit is ~0.3 ms)`,
  );
}

/**
 * Between timed calls: one row written (the clinic's name, to itself), as any save in the clinic would, so that each
 * call computes its report instead of answering the one kept from the call before (db/services/kept-answers.ts).
 */
function somethingWritten(core: Core): () => void {
  const touch = core.db.prepare("UPDATE settings SET value = value WHERE key = 'clinic.name'");
  return () => {
    if (touch.run().changes !== 1) throw new Error('bench: the clinic name setting is missing');
  };
}

/**
 * A save as the clinic makes them: one row written (the clinic's name, to itself) by a command through the kernel,
 * which tells the refresher of kept reports (db/services/report-refresh.ts) that the records changed.
 */
function savedThroughKernel(core: Core): () => void {
  const spec = { action: 'bench.touch', entity: 'settings', audit: () => null };
  return () =>
    commandAs(core, null, spec, ({ w }) => {
      if (w.prepare("UPDATE settings SET value = value WHERE key = 'clinic.name'").run().changes !== 1)
        throw new Error('bench: the clinic name setting is missing');
    });
}

/**
 * The ask after a write and a quiet moment, with the app's refresher running (the host and the desktop app start it
 * with the worker pool): each run saves through the kernel, waits (untimed) for the quiet time and the worker's
 * computation, then times the ask, which memory answers when the refresh was kept. Prints how many were.
 */
async function timeRefreshed(
  core: Core,
  name: string,
  runs: number,
  ask: () => Promise<unknown>,
): Promise<{ timing: Timing; fromMemory: number }> {
  const save = savedThroughKernel(core);
  prepareWorkers();
  startReportRefresh(core);
  const samples: number[] = [];
  let before = keptStats(core.db);
  try {
    await ask(); // asked once: the refresher computes only what someone asked
    before = keptStats(core.db);
    for (let i = 0; i < runs; i++) {
      save();
      await reportRefreshSettled(core);
      const start = performance.now();
      await ask();
      samples.push(performance.now() - start);
    }
  } finally {
    stopReportRefresh(core);
  }
  const after = keptStats(core.db);
  samples.sort((a, b) => a - b);
  const timing = {
    name,
    runs,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
  record(timing, { targets: [] });
  return { timing, fromMemory: runs - (after.computed - before.computed) };
}

const refreshedLine = (r: { timing: Timing; fromMemory: number }) =>
  `asked after a write and a quiet moment (refreshed off-thread): p50 ${r.timing.p50.toFixed(2)} ` +
  `p95 ${r.timing.p95.toFixed(2)} ms (${r.fromMemory} of ${r.timing.runs} answered from memory)`;

export async function benchOutcomes(core: Core, runs: number): Promise<void> {
  const session = { token: null as string | null };
  const call = async (input: unknown): Promise<OutcomeReport> => {
    const r = await dispatch(core, session, 'reports.outcomes', input);
    if (!r.ok) throw new Error(`reports.outcomes: ${r.error.code} ${r.error.message}`);
    return r.value as OutcomeReport;
  };
  const signIn = await dispatch(core, session, 'auth.signIn', { username: 'dr.zhang', password: 'demo-doctor-2026' });
  if (!signIn.ok) throw new Error('bench: doctor sign-in failed');
  const screenInput = { instrument: INSTRUMENT, timePoint: POINT };
  const screen = async (): Promise<OutcomeScreen> => {
    const r = await dispatch(core, session, 'reports.outcomeScreen', screenInput);
    if (!r.ok) throw new Error(`reports.outcomeScreen: ${r.error.code} ${r.error.message}`);
    return r.value as OutcomeScreen;
  };
  const whole = await screen();
  const treated = whole.overall;
  const raw = everyStratum(core, rawTotals);
  const agree =
    JSON.stringify(raw) === JSON.stringify({ overall: whole.overall, strata: whole.strata, domains: whole.domains });
  console.log(
    `\noutcomes (${INSTRUMENT} at ${POINT}): ${treated.treated.toLocaleString('en')} treated, ` +
      `${treated.assessed.toLocaleString('en')} assessed, ${treated.improved.k.toLocaleString('en')} improved ` +
      `(every grouping and domain from the raw item rows agrees: ${agree ? 'yes' : 'NO'})`,
  );
  const few = Math.max(5, Math.round(runs / 20));
  // The screen (features/outcomes) asks once for every grouping and switches between them without asking again; the
  // raw baseline computes the same six groupings and the domain table from the item rows, read and scored once.
  const all = await time('all 6 groupings: reports.outcomeScreen, one call', few, screen, somethingWritten(core));
  const fromRaw: Timing = await time('  raw item rows, parsed and re-scored', few, () => everyStratum(core, rawTotals));
  // The one-grouping API call (kept for other callers) computes the same pass and returns one grouping.
  const one = await time(
    'one view: reports.outcomes, one grouping',
    few,
    (i) => call({ instrument: INSTRUMENT, timePoint: POINT, stratifyBy: STRATIFICATIONS[i % STRATIFICATIONS.length] }),
    somethingWritten(core),
  );
  // Asked again with nothing written since: the answer kept (db/services/kept-answers.ts).
  await screen();
  const again = await time('  again, nothing written since (kept)', few, screen);
  // Asked after a save and a quiet moment: the refresher computed it off this thread meanwhile.
  const refreshed = await timeRefreshed(core, '  after a write and a quiet moment (refreshed off-thread)', few, screen);
  printComparison(
    [
      { fts: all, like: fromRaw },
      { fts: one, like: fromRaw },
    ],
    'raw ÷ ours (p50, p99)',
  );
  const ratio = fromRaw.p50 / all.p50;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `outcomes report, all strata (one call): p50 ${all.p50.toFixed(1)} p95 ${all.p95.toFixed(1)} ms ` +
      `(target ≤ 400 ms) ${met(all.p95 <= 400)}; raw rows p50 ${fromRaw.p50.toFixed(1)} p95 ${fromRaw.p95.toFixed(1)} ` +
      `ms: ${ratio.toFixed(1)}× faster (target ≥ 5×) ${met(ratio >= 5)}`,
  );
  console.log(`  one grouping alone: p50 ${one.p50.toFixed(1)} p95 ${one.p95.toFixed(1)} ms`);
  console.log(
    `  asked again with nothing written since: p50 ${again.p50.toFixed(2)} p95 ${again.p95.toFixed(2)} ms (kept)`,
  );
  console.log(`  ${refreshedLine(refreshed)}`);
  completionCost(core);
  await benchClinicNumbers(core, session, few);
}

/**
 * The clinic's numbers screen (reports.clinicNumbers) for all time and for one year (the screen's period filter),
 * beside the same report computed with the by-row queries the kept tables of migration 0270 replaced (same service,
 * same shaping, fewer runs: one all-time call of those takes seconds), then what the 0270/0310 triggers add to a
 * booking and to a completion, and what the 0310 funnel triggers add to an inquiry received and answered.
 */
async function benchClinicNumbers(core: Core, session: { token: string | null }, few: number): Promise<void> {
  const year = Number(clinicToday(core).slice(0, 4)) - 1;
  const periods = [
    { label: 'all time', input: { from: null, to: null } },
    { label: 'one year', input: { from: `${year}-01-01`, to: `${year}-12-31` } },
  ];
  for (const { label, input } of periods) {
    const same =
      JSON.stringify(clinicNumbersWith(core, input, repoNumbers)) ===
      JSON.stringify(baselineClinicNumbers(core, input));
    const ask = async () => {
      const r = await dispatch(core, session, 'reports.clinicNumbers', input);
      if (!r.ok) throw new Error(`reports.clinicNumbers: ${r.error.code}`);
    };
    const ours = await time(`clinic numbers, ${label}`, few, ask, somethingWritten(core));
    const kept = await time(`  again, nothing written since (kept)`, few, ask);
    const refreshed = await timeRefreshed(core, `  after a write and a quiet moment (refreshed off-thread)`, few, ask);
    const base = await time(`  by-row queries, ${label}`, 3, () => baselineClinicNumbers(core, input));
    record(ours, { baseline: base });
    record(base, { targets: [] });
    console.log(
      `clinic numbers, ${label}: p50 ${ours.p50.toFixed(1)} p95 ${ours.p95.toFixed(1)} ms (target p95 ≤ 400 ms) ` +
        `${ours.p95 <= 400 ? 'met' : 'MISSED'}; by-row queries p50 ${base.p50.toFixed(0)} ms: ` +
        `${(base.p50 / ours.p50).toFixed(1)}× faster; same figures: ${same ? 'yes' : 'NO'}; asked again with ` +
        `nothing written since: p50 ${kept.p50.toFixed(2)} ms (kept); ${refreshedLine(refreshed)}`,
    );
  }
  numbersWriteCost(core);
  funnelWriteCost(core);
}

/**
 * What the 0310 funnel triggers add to an inquiry write: 100 inquiries received (INSERT of a copy: its funnel row and
 * its month's counts) and 100 answered (UPDATE of the first contact and status: the row and two month cells again),
 * with the triggers and with them dropped, alternated inside transactions that are rolled back.
 */
function funnelWriteCost(core: Core): void {
  const { db } = core;
  const ids = db.prepare('SELECT id FROM inquiries ORDER BY id DESC LIMIT 100').pluck().all() as number[];
  if (ids.length === 0) return;
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('inquiries') as string[])
    .filter((c) => c !== 'id')
    .join(', ');
  const copy = db.prepare(`INSERT INTO inquiries (${columns}) SELECT ${columns} FROM inquiries WHERE id = ?`);
  const answer = db.prepare(
    "UPDATE inquiries SET status = 'contacted', first_contact_at = strftime('%Y-%m-%dT%H:%M:%fZ', received_at, '+2 hours') WHERE id = ?",
  );
  const triggers = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'inquiry_funnel_%'")
    .pluck()
    .all() as string[];
  const per = withAndWithout(core, triggers, () => {
    const warm = Number(copy.run(ids[0] ?? 0).lastInsertRowid);
    answer.run(warm);
    let start = performance.now();
    for (const id of ids) copy.run(id);
    const receive = (performance.now() - start) / ids.length;
    start = performance.now();
    for (const id of ids) answer.run(id);
    return { receive, answer: (performance.now() - start) / ids.length };
  });
  for (const kind of ['receive', 'answer'] as const) {
    const { on, off } = per[kind];
    console.log(
      `${kind === 'receive' ? 'an inquiry received (the INSERT alone)' : 'an inquiry answered (the UPDATE alone)'}: ` +
        `${on.toFixed(3)} ms with the funnel triggers, ${off.toFixed(3)} ms without (+${(on - off).toFixed(3)} ms, ` +
        `${((on / off - 1) * 100).toFixed(0)}%)`,
    );
  }
}

/**
 * What the 0270 triggers on procedures add to a write: booking 100 slots (INSERT of a scheduled row: one tally) and
 * completing 100 (UPDATE: two tallies and the patient's span), with the triggers and with them dropped, alternated
 * inside transactions that are rolled back (the commit is the same either way).
 */
function numbersWriteCost(core: Core): void {
  const { db } = core;
  const { slots, complete } = completions(db);
  if (slots.length === 0) return;
  const copy = db.prepare(
    `INSERT INTO procedures (course_id, patient_id, type_id, starts_at, ends_at, room_id, doctor_id, status,
                             created_at, updated_at)
     SELECT course_id, patient_id, type_id, starts_at, ends_at, room_id, doctor_id, 'scheduled', created_at, updated_at
       FROM procedures WHERE id = ?`,
  );
  const triggers = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'procedures'
          AND (name LIKE 'procedure_tallies_%' OR name LIKE 'treated_spans_%')`,
    )
    .pluck()
    .all() as string[];
  const per = withAndWithout(core, triggers, () => {
    // Each schema change (the DROP, the ROLLBACK) makes both statements compile again on their next run: warm them
    // on a throwaway row first, so the timing holds the writes and not a compile of every trigger program.
    const warm = Number(copy.run(slots[0]?.id ?? 0).lastInsertRowid);
    complete.run(slots[0]?.at ?? '', warm);
    let start = performance.now();
    for (const s of slots) copy.run(s.id);
    const book = (performance.now() - start) / slots.length;
    start = performance.now();
    for (const s of slots) complete.run(s.at, s.id);
    return { book, complete: (performance.now() - start) / slots.length };
  });
  for (const kind of ['book', 'complete'] as const) {
    const { on, off } = per[kind];
    console.log(
      `${kind === 'book' ? 'booking (the INSERT alone)' : 'completing (the UPDATE alone)'}: ${on.toFixed(3)} ms with ` +
        `the clinic-numbers triggers, ${off.toFixed(3)} ms without (+${(on - off).toFixed(3)} ms, ` +
        `${((on / off - 1) * 100).toFixed(0)}%; a bare commit is ~0.3 ms)`,
    );
  }
}
