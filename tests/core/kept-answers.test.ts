// Report answers kept until the records change (db/services/kept-answers.ts): asked again with nothing written, the
// same answer; after any write — a command, a raw statement, a trigger's row, a commit by another connection — a new
// one; never kept from inside a transaction that could roll back. And the clinic's numbers through dispatch move
// with the inquiry a coordinator records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicNumbers } from '../../db/contract';
import { KEPT_ANSWERS, keptAnswer } from '../../db/services/kept-answers';
import type { Core } from '../../db/services/core';
import { inquiryInput, makeCore, staff } from './support';

let dir: string;
let core: Core;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-kept-'));
  core = makeCore({ path: path.join(dir, 'records.sqlite') });
  core.db.exec('CREATE TABLE t (n INTEGER); CREATE TABLE log (n INTEGER)');
  core.db.exec('CREATE TRIGGER t_log AFTER UPDATE ON t BEGIN INSERT INTO log VALUES (NEW.n); END');
  core.db.prepare('INSERT INTO t VALUES (1)').run();
});
afterEach(() => {
  core.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A "report" over table t that counts how often it was computed. */
function report() {
  let computed = 0;
  const ask = (key: unknown = 'sum') =>
    keptAnswer(core.db, ['sum', key], () => {
      computed += 1;
      return { sum: (core.db.prepare('SELECT sum(n) AS s FROM t').get() as { s: number }).s };
    });
  return { ask, computed: () => computed };
}

describe('kept report answers', () => {
  it('answer again from memory while nothing is written, per key', () => {
    const r = report();
    const first = r.ask();
    expect(r.ask()).toBe(first);
    expect(r.ask('other')).not.toBe(first);
    expect(r.computed()).toBe(2);
  });

  it('compute again after a write through this connection, and after a commit by another', () => {
    const r = report();
    expect(r.ask()).toEqual({ sum: 1 });
    core.db.prepare('INSERT INTO t VALUES (2)').run();
    expect(r.ask()).toEqual({ sum: 3 });
    // Another connection to the same file: a worker, the CLI, another process.
    const other = new Database(path.join(dir, 'records.sqlite'));
    other.prepare('UPDATE t SET n = 10 WHERE n = 2').run();
    other.close();
    expect(r.ask()).toEqual({ sum: 11 });
    expect(r.computed()).toBe(3);
  });

  it("compute again after a row written only by a trigger (total_changes counts the trigger's rows)", () => {
    let computed = 0;
    const logged = () =>
      keptAnswer(core.db, ['log'], () => {
        computed += 1;
        return (core.db.prepare('SELECT count(*) AS n FROM log').get() as { n: number }).n;
      });
    expect(logged()).toBe(0);
    // An UPDATE that changes no value still fires the trigger, whose INSERT is the only real change.
    core.db.prepare('UPDATE t SET n = n').run();
    expect(logged()).toBe(1);
    expect(computed).toBe(2);
  });

  it('never keep what a transaction that rolls back has seen', () => {
    const r = report();
    expect(() =>
      core.db.transaction(() => {
        core.db.prepare('INSERT INTO t VALUES (100)').run();
        expect(r.ask()).toEqual({ sum: 101 });
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(r.ask()).toEqual({ sum: 1 });
  });

  it(`keep at most ${KEPT_ANSWERS} answers, the oldest going first`, () => {
    const r = report();
    const first = r.ask(0);
    for (let i = 1; i <= KEPT_ANSWERS; i++) r.ask(i);
    expect(r.computed()).toBe(KEPT_ANSWERS + 1);
    expect(r.ask(KEPT_ANSWERS)).toEqual(first);
    expect(r.computed()).toBe(KEPT_ANSWERS + 1);
    r.ask(0);
    expect(r.computed()).toBe(KEPT_ANSWERS + 2);
  });

  it("the clinic's numbers move with the inquiry a coordinator records, asked the same way", async () => {
    const people = await staff(core);
    const all = { from: null, to: null };
    const received = async () =>
      (await people.coordinator.ok<ClinicNumbers>('reports.clinicNumbers', all)).funnel.total.inquiries;
    const before = await received();
    expect(await received()).toBe(before);
    await people.coordinator.ok('inquiries.create', inquiryInput());
    expect(await received()).toBe(before + 1);
  });
});
