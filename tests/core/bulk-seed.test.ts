// The bulk seed (indexes and search index built after the rows) makes the same clinic as the row-by-row seed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLoad, bulkSteps, refreshOf, triggerTargets } from '../../db/seed/bulk';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { seedBenchClinic } from '../../db/seed/parallel';
import { verifyChain } from '../../db/services/audit-chain';
import { type Core } from '../../db/services/core';
import { fixedClock, makeCore } from './support';

const NOW = '2026-11-25T03:00:00.000Z';

/**
 * What may differ, and why: password hashes carry a random salt (scrypt), so `accounts.password_hash` is left out; the
 * search index's own storage (the FTS5 shadow tables `*_fts_data`, `*_fts_idx`, …) is laid out differently when it is
 * built in one go instead of row by row, so the search tables are compared by what they index (rowid and columns),
 * which must be identical. Nothing else: the clock is fixed, and the seed reads no other wall clock.
 */
const SHADOW = /_fts_(data|idx|docsize|config|content)$/;

function contents(core: Core): Record<string, unknown[]> {
  const { db } = core;
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((name) => !SHADOW.test(name));
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    // A WITHOUT ROWID table is read in its primary key's order; any other by rowid (ids included).
    const withoutRowid = db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck().get(t) === 1;
    const q = withoutRowid ? `SELECT * FROM ${t}` : `SELECT rowid AS _rowid, * FROM ${t} ORDER BY rowid`;
    const rows = db.prepare(q).all() as Record<string, unknown>[];
    out[t] = t === 'accounts' ? rows.map(({ password_hash: _, ...rest }) => rest) : rows;
  }
  return out;
}

/** The same statements' plans and the same schema: everything set aside came back. */
const schema = (core: Core) =>
  core.db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();

/** hashOf(contents()) of the clinic of 'makes the same benchmark clinic on two threads', computed on main at 763459a. */
const PINNED_BENCH_CLINIC = '0bc322096e68ca55f095c97b400fae48b686f37c3d24aa97c1eba9989aa8332c';

/** A hash of rows in primary-key order: equal hashes, equal tables. */
const hashOf = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

// The bulk side is a file, as the bench's is: the load leaves WAL for a journal in memory and must come back to it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bulk-seed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function seedBoth(seed: (core: Core, bulk: boolean) => Promise<void>) {
  const rows = makeCore({ clock: fixedClock(NOW) });
  const bulk = makeCore({ clock: fixedClock(NOW), path: path.join(dir, `bulk-${(files += 1)}.sqlite`) });
  await seed(rows, false);
  await seed(bulk, true);
  return { rows, bulk };
}

function expectSame(a: Core, b: Core): void {
  const left = contents(a);
  const right = contents(b);
  expect(Object.keys(right)).toEqual(Object.keys(left));
  // The whole content by one hash; a table that differs is compared row by row, so the failure shows where.
  for (const table of Object.keys(left)) {
    if (hashOf(right[table]) !== hashOf(left[table])) {
      expect({ table, rows: right[table] }).toEqual({ table, rows: left[table] });
    }
  }
  expect(hashOf(right)).toBe(hashOf(left));
  expect(schema(b)).toEqual(schema(a));
  expect(verifyChain(b.db).ok).toBe(true);
  expect(b.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(b.db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(b.db.pragma('synchronous', { simple: true })).toBe(a.db.pragma('synchronous', { simple: true }));
  expect(b.db.pragma('foreign_keys', { simple: true })).toBe(1);
}

describe('bulk seed', () => {
  it('makes the same demo-ward clinic as the row-by-row seed, search index and audit chain included', async () => {
    const { rows, bulk } = await seedBoth(async (core, on) => {
      await seedClinic(core, { inquiries: 300, patients: 100, seed: 7, bulk: on });
    });
    expect((rows.db.prepare('SELECT count(*) AS n FROM inquiries_fts').get() as { n: number }).n).toBe(300);
    expect((rows.db.prepare('SELECT count(*) AS n FROM courses').get() as { n: number }).n).toBeGreaterThan(0);
    expectSame(rows, bulk);
    // The search finds the same records through the rebuilt index.
    const hits = (core: Core) =>
      core.db.prepare('SELECT rowid FROM patients_fts WHERE patients_fts MATCH \'"an"\' ORDER BY rowid').all();
    expect(hits(bulk)).toEqual(hits(rows));
  });

  it('makes the same benchmark ward and assessments as the row-by-row seed', async () => {
    const { rows, bulk } = await seedBoth(async (core, on) => {
      await seedClinic(core, { inquiries: 100, patients: 1100, bulk: on });
      seedTreatmentBenchmark(core, { procedures: 1500, years: 1, bulk: on });
      seedAssessmentBenchmark(core, { itemScores: 8_000, bulk: on });
    });
    expect((rows.db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n).toBeGreaterThan(1499);
    expect((rows.db.prepare('SELECT count(*) AS n FROM outcome_treated').get() as { n: number }).n).toBeGreaterThan(0);
    const done = 'SELECT count(*) AS n FROM follow_up_points WHERE done = 1';
    expect((rows.db.prepare(done).get() as { n: number }).n).toBeGreaterThan(0);
    expectSame(rows, bulk);
    // The assessments' load only marked points done, in place: the ward's points were not written again.
    const steps = bulkSteps.map((s) => s.step);
    expect(steps.filter((s) => s === 'rebuild follow_up_points')).toHaveLength(1);
    expect(steps).toContain('refresh follow_up_points');
    // Loaded without flushes, the file is synced once before it goes back to WAL, and left as durable as any other.
    expect(steps).toContain('flush to disk');
    expect(bulk.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(bulk.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('makes the same benchmark clinic on two threads as its three parts one after the other', async () => {
    // A size past BULK_FROM, as the bench's, and over the demo ward's 1,000 patients: both sides load in bulk; the parallel side's ward and assessments are
    // generated on a worker thread into scratch files and copied in.
    const sizes = { inquiries: 5_000, patients: 1_100, procedures: 3_000, years: 1, itemScores: 10_000 };
    const file = (name: string) => path.join(dir, `${name}-${(files += 1)}.sqlite`);
    const inTurn = makeCore({ clock: fixedClock(NOW), path: file('in-turn') });
    const parallel = makeCore({ clock: fixedClock(NOW), path: file('parallel') });
    await seedClinic(inTurn, { inquiries: sizes.inquiries, patients: sizes.patients });
    const ward = seedTreatmentBenchmark(inTurn, { procedures: sizes.procedures, years: sizes.years });
    const assessments = seedAssessmentBenchmark(inTurn, { itemScores: sizes.itemScores });
    const first = bulkSteps.length;
    const both = await seedBenchClinic(parallel, sizes);
    expect(both.ward).toEqual(ward);
    expect(both.assessments).toEqual(assessments);
    // The parallel path ran: the ward and the assessments were copied in, in bulk, each with the derived tables the
    // worker built from it, which were not rebuilt here (expectSame below compares every table, these included).
    const steps = bulkSteps.slice(first).map((s) => s.step);
    expect(steps).toContain(
      'load courses, consents, procedures, procedure_tallies, treated_spans, procedure_month_tallies',
    );
    expect(steps).toContain(
      'load assessments, assessment_versions, outcome_values, follow_up_points, follow_up_point_days',
    );
    const built = [
      'procedure_tallies',
      'treated_spans',
      'procedure_month_tallies',
      'outcome_values',
      'follow_up_points',
    ];
    for (const table of [...built, 'follow_up_point_days']) {
      expect(steps.filter((s) => s.endsWith(` ${table}`) && !s.startsWith('load'))).toEqual([]);
      expect((parallel.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBeGreaterThan(0);
    }
    // The follow-up points came with their done flags, and the month points per day with their done counts.
    const done = (core: Core) => core.db.prepare('SELECT sum(done) FROM follow_up_point_days').pluck().get();
    expect(done(parallel)).toBeGreaterThan(0);
    expect(done(parallel)).toBe(done(inTurn));
    expect((inTurn.db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n).toBeGreaterThanOrEqual(
      3_000,
    );
    expectSame(inTurn, parallel);
    // The next ids too (AUTOINCREMENT tables): the copy moved the sequences as the inserts did.
    const sequences = 'SELECT name, seq FROM sqlite_sequence ORDER BY name';
    expect(parallel.db.prepare(sequences).all()).toEqual(inTurn.db.prepare(sequences).all());
    // The content main had at 763459a for these sizes and this clock (the three parts in turn, before seedBenchClinic).
    expect(hashOf(contents(parallel))).toBe(PINNED_BENCH_CLINIC);
  }, 300_000);

  it('loads a clinic that already has records row by row, keeping its indexes in place', async () => {
    const core = makeCore({ clock: fixedClock(NOW) });
    await seedClinic(core, { inquiries: 40, patients: 10, bulk: false });
    const before = schema(core);
    await seedClinic(core, { inquiries: 40, patients: 10, bulk: true });
    expect(schema(core)).toEqual(before);
    expect((core.db.prepare('SELECT count(*) AS n FROM inquiries_fts').get() as { n: number }).n).toBe(80);
  });
});

describe('bulk seed: what a trigger keeps', () => {
  it('refreshes the follow-up points in place only after a load of assessments alone', () => {
    expect(refreshOf('follow_up_points', ['assessments', 'assessment_versions'])).toMatch(/^UPDATE follow_up_points/);
    // Courses or attempts loaded with them change the points themselves: those need the whole rebuild.
    expect(refreshOf('follow_up_points', ['courses', 'consents', 'procedures'])).toBeUndefined();
    expect(refreshOf('follow_up_points', ['assessments', 'follow_up_contacts'])).toBeUndefined();
    expect(refreshOf('follow_up_point_days', ['assessments'])).toBeUndefined();
  });

  it('takes as arriving only derived tables that are loaded, before touching anything', () => {
    const core = makeCore({ clock: fixedClock(NOW) });
    const before = schema(core);
    const load = () => 'loaded';
    // Arriving without being loaded: its triggers would stay armed and its rows would never come.
    expect(() => bulkLoad(core.db, ['courses'], load, { arriving: ['follow_up_points'] })).toThrow(/arrive/);
    // A loaded table that no trigger keeps is no derived table.
    expect(() => bulkLoad(core.db, ['courses'], load, { arriving: ['courses'] })).toThrow(/arrive/);
    expect(schema(core)).toEqual(before);
    expect(bulkLoad(core.db, ['courses', 'follow_up_points'], load, { arriving: ['follow_up_points'] })).toBe('loaded');
    expect(schema(core)).toEqual(before);
  });

  it('reads the tables a trigger writes from its body, not from its header', () => {
    const sql = `CREATE TRIGGER t AFTER UPDATE OF a ON procedures WHEN NEW.a = 1 BEGIN
        DELETE FROM outcome_treated WHERE patient_id = NEW.patient_id;
        INSERT OR REPLACE INTO "kept_counts" (n) SELECT count(*) FROM procedures;
        UPDATE other SET n = 1; SELECT RAISE(ABORT, 'no');
      END`;
    expect(triggerTargets(sql)).toEqual(['outcome_treated', 'kept_counts', 'other']);
    // An upsert's DO UPDATE writes to the INSERT's own table (0270's tallies), not to a table named SET.
    const upsert = `CREATE TRIGGER u AFTER INSERT ON procedures BEGIN
        INSERT INTO procedure_tallies (slot, n) VALUES (NEW.starts_at, 1) ON CONFLICT DO UPDATE SET n = n + 1;
      END`;
    expect(triggerTargets(upsert)).toEqual(['procedure_tallies']);
  });

  it('refuses to load a table whose trigger keeps a table it cannot rebuild, before dropping anything', async () => {
    const core = makeCore({ clock: fixedClock(NOW) });
    core.db.exec(`CREATE TABLE kept_counts (n INTEGER);
      CREATE TRIGGER kept_counts_insert AFTER INSERT ON inquiries BEGIN INSERT INTO kept_counts VALUES (1); END`);
    const before = schema(core);
    await expect(seedClinic(core, { inquiries: 20, patients: 5, bulk: true })).rejects.toThrow(/DERIVED_REBUILDS/);
    expect(schema(core)).toEqual(before);
  });
});
