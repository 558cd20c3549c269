// The bulk seed (indexes and search index built after the rows) makes the same clinic as the row-by-row seed.
import { describe, expect, it } from 'vitest';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
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

async function seedBoth(seed: (core: Core, bulk: boolean) => Promise<void>) {
  const rows = makeCore({ clock: fixedClock(NOW) });
  const bulk = makeCore({ clock: fixedClock(NOW) });
  await seed(rows, false);
  await seed(bulk, true);
  return { rows, bulk };
}

function expectSame(a: Core, b: Core): void {
  const left = contents(a);
  const right = contents(b);
  expect(Object.keys(right)).toEqual(Object.keys(left));
  for (const table of Object.keys(left)) expect({ table, rows: right[table] }).toEqual({ table, rows: left[table] });
  expect(schema(b)).toEqual(schema(a));
  expect(verifyChain(b.db).ok).toBe(true);
  expect(b.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  expect(b.db.pragma('synchronous', { simple: true })).toBe(a.db.pragma('synchronous', { simple: true }));
}

describe('bulk seed', () => {
  it('makes the same demo-ward clinic as the row-by-row seed, search index and audit chain included', async () => {
    const { rows, bulk } = await seedBoth(async (core, on) => {
      await seedClinic(core, { inquiries: 600, patients: 200, seed: 7, bulk: on });
    });
    expect((rows.db.prepare('SELECT count(*) AS n FROM inquiries_fts').get() as { n: number }).n).toBe(600);
    expect((rows.db.prepare('SELECT count(*) AS n FROM courses').get() as { n: number }).n).toBeGreaterThan(0);
    expectSame(rows, bulk);
    // The search finds the same records through the rebuilt index.
    const hits = (core: Core) =>
      core.db.prepare('SELECT rowid FROM patients_fts WHERE patients_fts MATCH \'"an"\' ORDER BY rowid').all();
    expect(hits(bulk)).toEqual(hits(rows));
  });

  it('makes the same benchmark ward and assessments as the row-by-row seed', async () => {
    const { rows, bulk } = await seedBoth(async (core, on) => {
      await seedClinic(core, { inquiries: 300, patients: 1100, bulk: on });
      seedTreatmentBenchmark(core, { procedures: 3000, years: 2, bulk: on });
      seedAssessmentBenchmark(core, { itemScores: 20_000, bulk: on });
    });
    expect((rows.db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n).toBeGreaterThan(2999);
    expectSame(rows, bulk);
  });

  it('loads a clinic that already has records row by row, keeping its indexes in place', async () => {
    const core = makeCore({ clock: fixedClock(NOW) });
    await seedClinic(core, { inquiries: 40, patients: 10, bulk: false });
    const before = schema(core);
    await seedClinic(core, { inquiries: 40, patients: 10, bulk: true });
    expect(schema(core)).toEqual(before);
    expect((core.db.prepare('SELECT count(*) AS n FROM inquiries_fts').get() as { n: number }).n).toBe(80);
  });
});
