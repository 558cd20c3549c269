// `npm run bench`, assessments part: saving 50 item scores and a draft autosave beside raw writes of the same rows,
// and one patient's history and chart data as the patient page loads it, at 5,000,000 item scores (issue #10).
import { dispatch } from '../../db/api/dispatch';
import { INSTRUMENTS, type InstrumentDef, type ItemValue } from '../../db/contract';
import type { AssessmentSeedResult } from '../../db/seed/assessments';
import type { Core } from '../../db/services/core';
import { type Timing, appCheckpoint, percentile, printComparison, time } from './stats';

type Values = Record<string, ItemValue>;

/** Every item at its best-scoring value but one in three at the worst: a valid, complete visit. */
export function fullValues(def: InstrumentDef, salt: number): Values {
  const values: Values = {};
  def.items.forEach((item, i) => {
    const scored = item.anchors.filter((a) => a.points !== null);
    const anchor = (i + salt) % 3 === 0 ? scored[0] : scored.at(-1);
    if (anchor) values[item.code] = anchor.value;
  });
  // Fugl-Meyer's "normal reflexes" item needs a full part IV: 0 is always allowed.
  for (const code of ['a-normal-reflexes', 'e-normal-reflexes']) if (code in values) values[code] = 0;
  return values;
}

/** Calls through dispatch as one session (sign in first), a refusal thrown with its code. */
export function benchCaller(core: Core) {
  const session = { token: null as string | null };
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
}

const target = (t: Timing, key: 'p95' | 'p99', ms: number) =>
  `${t.name}: ${key} ${t[key].toFixed(2)} ms (target ≤ ${ms} ms) ${t[key] <= ms ? 'met' : 'MISSED'}`;

/** On the assessments run.ts seeded with the rest of the clinic (seedBenchClinic); `seeded` is what that seed reported. */
export async function benchAssessments(core: Core, runs: number, seeded: AssessmentSeedResult): Promise<void> {
  const { db } = core;
  console.log(
    `\nassessments: ${seeded.itemScores.toLocaleString('en')} item scores in ${seeded.assessments.toLocaleString('en')} ` +
      `assessments (${seeded.versions.toLocaleString('en')} versions)`,
  );

  const call = benchCaller(core);
  await call('auth.signIn', { username: 'dr.zhang', password: 'demo-doctor-2026' });
  const doctorId = (db.prepare("SELECT id FROM accounts WHERE username = 'dr.zhang'").get() as { id: number }).id;
  const patients = (db.prepare('SELECT id FROM patients ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const ue = INSTRUMENTS.latest('fm-ue');
  const le = INSTRUMENTS.latest('fm-le');
  const points = ['baseline', 'discharge', 'm1', 'm3', 'm6', 'm12'] as const;
  // Each save needs a free (patient, time point) without a course: a counter, since `time` repeats its warm-up indexes.
  let slot = 0;
  const nextPlace = () => {
    const n = slot++;
    const patientId = patients[n % patients.length] ?? 1;
    const timePoint = points[Math.floor(n / patients.length) % points.length] ?? 'baseline';
    return { patientId, timePoint };
  };

  /*
   * (a) "Saving one 50-item assessment". No instrument has 50 items (the largest, Fugl-Meyer upper extremity, has 33),
   * so the 50 are the Fugl-Meyer motor examination a neurologist scores at one sitting: upper (33) + lower (17)
   * extremity, which the app keeps as two records. The doctor's one action "save this visit's scores" is one command,
   * `assessments.saveDrafts`: both records' complete item maps, each version-checked with its own audit entry, in ONE
   * durable commit (all or none: a visit is never half saved). That is the target line, beside the same two UPDATE
   * pairs raw in the same one commit. For information: the same 50 saved as two saveDraft commands (two commits, as
   * the per-form autosave sends them) beside the raw pairs in two commits; the doctor's Sign (two commands); and the
   * whole visit (start + save + sign per instrument, 6 commands) beside the same rows raw in 6 commits and in 1.
   */
  type Started = { id: number; version: number };
  const startDraft = (def: InstrumentDef, place: { patientId: number; timePoint: string }) =>
    call<Started>('assessments.start', {
      ...place,
      instrument: { id: def.id, version: def.version },
      mode: 'in_person',
    });
  // Drafts made ahead (not timed): `time` repeats its warm-up indexes, so each timed call takes the next pair.
  const draftPairs = async () => {
    const made: { ue: Started; le: Started; salt: number }[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const place = nextPlace();
      made.push({ ue: await startDraft(ue, place), le: await startDraft(le, place), salt: i });
    }
    return made;
  };
  const growingPairs = await draftPairs();
  const pairs = await draftPairs();
  const saveVisit = (made: Awaited<ReturnType<typeof draftPairs>>) => {
    let saved = 0;
    return async () => {
      const p = made[saved++ % made.length];
      if (!p) return;
      const [u, l] = await call<Started[]>('assessments.saveDrafts', {
        drafts: [
          { ...p.ue, values: fullValues(ue, p.salt) },
          { ...p.le, values: fullValues(le, p.salt) },
        ],
      });
      if (u) p.ue = { id: u.id, version: u.version };
      if (l) p.le = { id: l.id, version: l.version };
    };
  };
  /*
   * Every write loop below, raw baselines included, keeps the log as the app does between calls (`appCheckpoint`,
   * outside the timing). Before it, the same saves on a log just emptied (TRUNCATE: the app's first minutes after
   * opening, when each commit also grows the file) — measured on the 10-year clinic: p99 3.25 growing, 1.20 reused.
   */
  const between = appCheckpoint(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const saveGrowing = await time('  the same, the log growing (after opening)', runs, saveVisit(growingPairs));
  db.pragma('wal_checkpoint(PASSIVE)');
  const save = await time('save 50 item scores (FM-UE+LE: 1 saveDrafts)', runs, saveVisit(pairs), between);
  // The same 50 as two autosaves, one per form: on the next drafts, so each save fills an empty draft as above.
  const twoPairs = await draftPairs();
  let savedTwice = 0;
  const saveTwo = await time(
    '  the same 50 as 2 saveDraft (2 commits)',
    runs,
    async () => {
      const p = twoPairs[savedTwice++ % twoPairs.length];
      if (!p) return;
      for (const [def, key] of [
        [ue, 'ue'],
        [le, 'le'],
      ] as const) {
        const r = await call<Started>('assessments.saveDraft', {
          id: p[key].id,
          version: p[key].version,
          values: fullValues(def, p.salt),
        });
        p[key] = { id: p[key].id, version: r.version };
      }
    },
    between,
  );
  let signedPairs = 0;
  const signPair = await time(
    '  sign the filled FM-UE+LE (2 commands)',
    runs,
    async () => {
      const p = pairs[signedPairs++ % pairs.length];
      if (!p) return;
      await call('assessments.sign', p.ue);
      await call('assessments.sign', p.le);
    },
    between,
  );

  // The whole visit, per instrument: start, one save of all values, sign.
  const saveOne = async (def: InstrumentDef, place: { patientId: number; timePoint: string }, salt: number) => {
    const a = await startDraft(def, place);
    const s = await call<Started>('assessments.saveDraft', {
      id: a.id,
      version: a.version,
      values: fullValues(def, salt),
    });
    await call('assessments.sign', { id: a.id, version: s.version });
  };
  const visit = await time(
    'a whole 50-item visit (start+save+sign ×2)',
    runs,
    async (i) => {
      const place = nextPlace();
      await saveOne(ue, place, i);
      await saveOne(le, place, i);
    },
    between,
  );

  // The same rows written raw: the head, the version with its item map, then the signature.
  const head = db.prepare(
    `INSERT INTO assessments (patient_id, course_id, time_point, procedure_id, instrument_id, instrument_version,
       mode, assessor_id, assessed_on, created_by, created_at) VALUES (?, NULL, ?, NULL, ?, ?, 'in_person', ?, ?, ?, ?)`,
  );
  const version = db.prepare(
    `INSERT INTO assessment_versions (assessment_id, n, status, item_values, created_by, created_at, updated_at)
     VALUES (?, 1, 'draft', '{}', ?, ?, ?)`,
  );
  const values = db.prepare(
    'UPDATE assessment_versions SET item_values = ?, updated_at = ? WHERE assessment_id = ? AND n = 1',
  );
  const bump = db.prepare('UPDATE assessments SET version = version + 1 WHERE id = ?');
  const sign = db.prepare(
    `UPDATE assessment_versions SET status = 'signed', sum = ?, total = ?, complete = ?, subscores = ?, signed_by = ?,
       signed_at = ?, updated_at = ? WHERE assessment_id = ? AND n = 1`,
  );
  const signHead = db.prepare('UPDATE assessments SET signed_n = 1, version = version + 2 WHERE id = ?');
  const insertHead = (def: InstrumentDef, place: { patientId: number; timePoint: string }, at: string) => {
    const row = [place.patientId, place.timePoint, def.id, def.version, doctorId, at.slice(0, 10), doctorId, at];
    const id = Number(head.run(...row).lastInsertRowid);
    version.run(id, doctorId, at, at);
    return id;
  };
  const rawOne = (
    def: InstrumentDef,
    place: { patientId: number; timePoint: string },
    salt: number,
    commits: 1 | 3,
  ) => {
    const at = new Date().toISOString();
    const v = fullValues(def, salt);
    const s = def.score(v);
    const steps = [
      () => insertHead(def, place, at),
      (id: number) => values.run(JSON.stringify(v), at, id),
      (id: number) => {
        sign.run(s.sum, s.total, s.complete ? 1 : 0, JSON.stringify(s.subscores), doctorId, at, at, id);
        signHead.run(id);
      },
    ] as const;
    if (commits === 1) {
      db.transaction(() => {
        const id = steps[0]();
        steps[1](id);
        steps[2](id);
      }).immediate();
      return;
    }
    const id = db.transaction(steps[0]).immediate();
    db.transaction(() => steps[1](id)).immediate();
    db.transaction(() => steps[2](id)).immediate();
  };
  // Raw drafts made ahead, like the ones the save fills.
  const rawPairs: { ue: number; le: number }[] = [];
  db.transaction(() => {
    const at = new Date().toISOString();
    for (let i = 0; i < runs + 5; i++) {
      const place = nextPlace();
      rawPairs.push({ ue: insertHead(ue, place, at), le: insertHead(le, place, at) });
    }
  }).immediate();
  const rawPairSave = (p: { ue: number; le: number } | undefined, salt: number, commits: 1 | 2) => {
    if (!p) return;
    const write = (def: InstrumentDef, id: number) => {
      values.run(JSON.stringify(fullValues(def, salt)), new Date().toISOString(), id);
      bump.run(id);
    };
    if (commits === 1) {
      db.transaction(() => {
        write(ue, p.ue);
        write(le, p.le);
      }).immediate();
      return;
    }
    db.transaction(() => write(ue, p.ue)).immediate();
    db.transaction(() => write(le, p.le)).immediate();
  };
  let rawSaved = 0;
  // Beside the target line: the log kept as the app keeps it there too.
  const rawSaveOne = await time(
    '  raw: the same 2 UPDATE pairs, 1 commit',
    runs,
    () => {
      const salt = rawSaved++;
      rawPairSave(rawPairs[salt % rawPairs.length], salt, 1);
    },
    between,
  );
  const rawSave = await time(
    '  raw: the same 2 UPDATE pairs, 2 commits',
    runs,
    () => {
      const salt = rawSaved++;
      rawPairSave(rawPairs[salt % rawPairs.length], salt, 2);
    },
    between,
  );
  const raw = await time(
    "  raw: the visit's rows, same 6 commits",
    runs,
    (i) => {
      const place = nextPlace();
      rawOne(ue, place, i, 3);
      rawOne(le, place, i, 3);
    },
    between,
  );
  const rawOneCommit = await time(
    "  raw: the visit's rows, 1 commit",
    runs,
    (i) => {
      const place = nextPlace();
      db.transaction(() => {
        rawOne(ue, place, i, 1);
        rawOne(le, place, i, 1);
      }).immediate();
    },
    between,
  );
  // One small row changed in its own transaction: the price of one durable commit (synchronous=FULL) on this disk.
  const touch = db.prepare("UPDATE settings SET value = ? WHERE key = 'clinic.name'");
  const commitFloor = await time(
    '  one one-row commit (fsync floor)',
    runs,
    (i) => db.transaction(() => touch.run(`Bench clinic ${i}`)).immediate(),
    between,
  );

  // (b) Autosave: one changed item on an open 33-item draft.
  const place = nextPlace();
  let draft = await call<Started>('assessments.start', {
    ...place,
    instrument: { id: ue.id, version: ue.version },
    mode: 'in_person',
  });
  const items = ue.items.filter((item) => !item.code.includes('normal-reflexes'));
  const autosave = await time(
    'autosave: saveDraft of one changed item',
    runs,
    async (i) => {
      const item = items[i % items.length];
      const value = item?.anchors[i % item.anchors.length]?.value ?? 0;
      const saved = await call<Started>('assessments.saveDraft', {
        id: draft.id,
        version: draft.version,
        values: { [item?.code ?? '']: value },
      });
      draft = { id: draft.id, version: saved.version };
    },
    between,
  );
  const rawAutosave = await time(
    '  raw: the same UPDATE, own commit',
    runs,
    (i) => db.transaction(() => values.run(JSON.stringify({ x: i }), new Date().toISOString(), draft.id)).immediate(),
    between,
  );

  /*
   * The autosave as the app sends it: after a pause in typing, in which the deferred WAL copy-back may run (the loops
   * above never yield, so it never runs inside them). Before: a copy-back after every burst, so every save followed a
   * complete checkpoint and started the WAL afresh, which under synchronous=FULL syncs the WAL's header as well as its
   * frames (two syncs in the save). Now (db/sqlite/checkpoint.ts) a small WAL is left until the app is quiet. The two
   * alternate in one loop; the pause's checkpoint runs outside the timed call.
   */
  const afterPause: Record<'before' | 'now', number[]> = { before: [], now: [] };
  for (let i = 0; i < runs * 2 + 10; i++) {
    const old = i % 2 === 0;
    if (old) db.pragma('wal_checkpoint(PASSIVE)');
    const item = items[i % items.length];
    const start = performance.now();
    const saved = await call<Started>('assessments.saveDraft', {
      id: draft.id,
      version: draft.version,
      values: { [item?.code ?? '']: item?.anchors[(i + 1) % item.anchors.length]?.value ?? 0 },
    });
    if (i >= 10) afterPause[old ? 'before' : 'now'].push(performance.now() - start);
    draft = { id: draft.id, version: saved.version };
  }
  const pauseTiming = (name: string, xs: number[]): Timing => {
    const sorted = [...xs].sort((a, b) => a - b);
    const at = (q: number) => percentile(sorted, q);
    return { name, runs: xs.length, p50: at(50), p95: at(95), p99: at(99) };
  };
  const pauseNow = pauseTiming('after a typing pause: saveDraft, WAL left', afterPause.now);
  const pauseBefore = pauseTiming('  before: WAL copied back in each pause', afterPause.before);

  // (c) One patient's history and chart data: signed history, schedule, courses with procedures (the time axis).
  const withHistory = (
    db
      .prepare(
        `SELECT patient_id AS id, count(*) AS n FROM assessments WHERE course_id IS NOT NULL GROUP BY patient_id
          ORDER BY (patient_id * 7919) % 1009 LIMIT 100`,
      )
      .all() as { id: number; n: number }[]
  ).filter((r) => r.n > 0);
  const sizes = withHistory.map((r) => r.n).sort((a, b) => a - b);
  console.log(
    `history sample: ${withHistory.length} patients, ${sizes[Math.floor(sizes.length / 2)] ?? 0} assessments each ` +
      `(median), ${sizes.at(-1) ?? 0} (largest)`,
  );
  const pid = (i: number) => withHistory[i % withHistory.length]?.id ?? 1;
  // What the patient page calls: its assessments panel (one patientChart) and the courses it shares with the courses
  // panel (one courses.forPatient, fetched once for both). Beside it, the three calls the panel made before.
  const history = await time('history + chart (patientChart, courses)', runs, async (i) => {
    const patientId = pid(i);
    await call('assessments.patientChart', { patientId });
    await call('courses.forPatient', { patientId });
  });
  const before = await time('  before: forPatient, schedule, courses', runs, async (i) => {
    const patientId = pid(i);
    await call('assessments.forPatient', { patientId });
    await call('assessments.schedule', { patientId });
    await call('courses.forPatient', { patientId });
  });
  const parts = [
    await time('  assessments.patientChart', runs, (i) => call('assessments.patientChart', { patientId: pid(i) })),
    await time('  courses.forPatient', runs, (i) => call('courses.forPatient', { patientId: pid(i) })),
    await time('  assessments.forPatient', runs, (i) => call('assessments.forPatient', { patientId: pid(i) })),
    await time('  assessments.schedule', runs, (i) => call('assessments.schedule', { patientId: pid(i) })),
  ];
  const scanHistory = db.prepare(
    `SELECT a.id, v.total, v.subscores FROM assessments a NOT INDEXED
       JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n WHERE a.patient_id = ?`,
  );
  const scan = await time('  full scan: the signed history', Math.max(10, runs / 20), (i) => scanHistory.all(pid(i)));

  printComparison(
    [
      { fts: save, like: rawSaveOne },
      { fts: saveGrowing, like: rawSaveOne },
      { fts: saveTwo, like: rawSave },
      { fts: signPair, like: rawSave },
      { fts: visit, like: raw },
      { fts: visit, like: rawOneCommit },
      { fts: autosave, like: rawAutosave },
      { fts: pauseNow, like: pauseBefore },
      { fts: history, like: scan },
      { fts: before, like: scan },
      ...parts.map((p) => ({ fts: p, like: scan })),
    ],
    'baseline ÷ ours (p50, p99)',
  );
  console.log(`  one commit alone: p50 ${commitFloor.p50.toFixed(2)}, p99 ${commitFloor.p99.toFixed(2)} ms`);
  console.log(target(save, 'p99', 2));
  console.log(target(autosave, 'p99', 1));
  console.log(target(history, 'p95', 5));
  const ratio = (k: 'p50' | 'p95' | 'p99') => (before[k] / history[k]).toFixed(2);
  console.log(`  the page before ÷ now, same run: p50 ×${ratio('p50')}, p95 ×${ratio('p95')}, p99 ×${ratio('p99')}`);
}
