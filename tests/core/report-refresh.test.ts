// Kept reports computed again off the calling thread after a write (db/services/report-refresh.ts), on a seeded
// clinic in a real SQLite file: once the records are quiet the next ask is answered from memory with the answer a
// computation here gives; a write by anyone during the refresh drops its answer; nothing is computed for reports
// nobody asked (or asked long ago); other calls keep answering meanwhile; closing the records stops it all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicNumbers, OutcomeScreen } from '../../db/contract';
import { closeCore } from '../../db/app/bootstrap';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { clinicTimeZone, clinicToday } from '../../db/services/clinic-time';
import { zoneOffsetMinutes } from '../../db/services/clinic-numbers';
import type { Core } from '../../db/services/core';
import { keptStats } from '../../db/services/kept-answers';
import {
  REFRESH_QUIET_MS,
  REFRESH_VIEWS,
  type RefreshOptions,
  reportRefreshSettled,
  reportRefreshStats,
  startReportRefresh,
  stopReportRefresh,
} from '../../db/services/report-refresh';
import { type ReportRecipe, computeReport } from '../../db/services/report-recipes';
import { closeWorkers, prepareWorkers } from '../../db/services/worker-jobs';
import { describeLatencies, expectResponsive, whileSampling } from './latency-support';
import { type Caller, PASSWORD, caller, fixedClock, inquiryInput, makeCore, staff } from './support';

const NOW = '2026-11-25T03:00:00.000Z';
let dir: string;
let seeded: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-report-refresh-'));
  seeded = path.join(dir, 'seeded.sqlite');
  const core = makeCore({ path: seeded, clock: fixedClock(NOW) });
  await staff(core);
  await seedClinic(core, { inquiries: 1500, patients: 500, seed: 3 });
  seedTreatmentBenchmark(core, { procedures: 5000, years: 3 });
  seedAssessmentBenchmark(core, { itemScores: 60_000 });
  closeCore(core);
  prepareWorkers(); // a source run bundles the worker's entry on first use; the desktop app ships it built
}, 180_000);
afterAll(async () => {
  await closeWorkers();
  fs.rmSync(dir, { recursive: true, force: true });
});

let core: Core;
let people: { coordinator: Caller; doctor: Caller };
let files = 0;
beforeEach(async () => {
  const file = path.join(dir, `records-${(files += 1)}.sqlite`);
  fs.copyFileSync(seeded, file);
  core = makeCore({ path: file, clock: fixedClock(NOW) });
  people = await signIn(core);
});
afterEach(() => {
  stopReportRefresh(core);
  if (core.db.open) closeCore(core);
});

/** The staff accounts of the seeded copy, signed in again on this core. */
async function signIn(c: Core): Promise<{ coordinator: Caller; doctor: Caller }> {
  const coordinator = caller(c);
  await coordinator.ok('auth.signIn', { username: 'coord', password: PASSWORD });
  const doctor = caller(c);
  await doctor.ok('auth.signIn', { username: 'doctor', password: PASSWORD });
  return { coordinator, doctor };
}

const SCREEN = { instrument: 'barthel', timePoint: 'm3' } as const;
const ALL_TIME = { from: null, to: null };
const screen = (who: Caller, q: object = SCREEN) => who.ok<OutcomeScreen>('reports.outcomeScreen', q);
const numbers = (who: Caller, input: object = ALL_TIME) => who.ok<ClinicNumbers>('reports.clinicNumbers', input);
const received = () => people.coordinator.ok('inquiries.create', inquiryInput());

/** What a computation on the calling thread gives now, for the recipes the two calls above make. */
function computedHere(c: Core): { screen: unknown; numbers: unknown } {
  const today = clinicToday(c);
  const offset = zoneOffsetMinutes(c.clock.now(), clinicTimeZone(c));
  const q = { ...SCREEN, from: null, to: null, transplants: 'any' } as const;
  const s: ReportRecipe = { report: 'reports.outcomeScreen', q, today, offsetMinutes: offset };
  const n: ReportRecipe = { report: 'reports.clinicNumbers', input: ALL_TIME, today, offset };
  return { screen: computeReport(c.db, s), numbers: computeReport(c.db, n) };
}

const start = (o: RefreshOptions = {}) => startReportRefresh(core, o);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kept reports refreshed off-thread', () => {
  it('after a write and a quiet moment, the next asks are answered from memory, as a computation here answers', async () => {
    start();
    const before = await numbers(people.coordinator);
    await screen(people.doctor);
    await received();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core)).toEqual({ sent: 2, kept: 2, dropped: 0, failed: 0 });
    const asked = keptStats(core.db);
    const after = await numbers(people.coordinator);
    const screenAfter = await screen(people.doctor);
    // Neither was computed on this thread: both came from memory, put there by the worker.
    expect(keptStats(core.db).computed).toBe(asked.computed);
    expect(keptStats(core.db).fromMemory).toBe(asked.fromMemory + 2);
    expect(after.funnel.total.inquiries).toBe(before.funnel.total.inquiries + 1);
    expect({ screen: screenAfter, numbers: after }).toEqual(computedHere(core));
    expect(screenAfter.overall.treated).toBeGreaterThan(20);
  }, 60_000);

  it('waits for the records to be quiet: a burst of writes is refreshed once, after the last', async () => {
    start();
    await numbers(people.coordinator);
    const first = performance.now();
    for (let i = 0; i < 4; i++) {
      await received();
      await sleep(REFRESH_QUIET_MS / 4);
    }
    expect(reportRefreshStats(core).sent).toBe(0);
    await reportRefreshSettled(core);
    expect(performance.now() - first).toBeGreaterThanOrEqual(REFRESH_QUIET_MS * 1.75);
    expect(reportRefreshStats(core)).toMatchObject({ sent: 1, kept: 1 });
  }, 60_000);

  it("drops a refresh's answer when a command writes during it: the next ask computes, with that write", async () => {
    let written = false;
    start({
      onSent: () => {
        // Synchronously, right after the job went out: dispatch runs the command before its first await.
        if (!written) void received();
        written = true;
      },
    });
    const before = await numbers(people.coordinator);
    await received();
    await until(() => reportRefreshStats(core).dropped === 1);
    const asked = keptStats(core.db);
    const after = await numbers(people.coordinator);
    expect(keptStats(core.db).computed).toBe(asked.computed + 1);
    expect(after.funnel.total.inquiries).toBe(before.funnel.total.inquiries + 2);
    // Computed at that ask, the answer is kept: the refresh that follows the quiet time has nothing left to do.
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core)).toEqual({ sent: 1, kept: 0, dropped: 1, failed: 0 });
    expect(await numbers(people.coordinator)).toBe(after);
  }, 60_000);

  it('drops it too when another connection commits during it, and refreshes again after', async () => {
    let written = false;
    start({
      onSent: () => {
        if (written) return;
        written = true;
        const other = new Database(core.db.name);
        other.prepare("UPDATE settings SET value = 'Other clinic' WHERE key = 'clinic.name'").run();
        other.close();
      },
    });
    await numbers(people.coordinator);
    await received();
    await until(() => reportRefreshStats(core).dropped === 1);
    // No write through the kernel came after it: the quiet time runs from the drop, then the refresh is kept.
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core)).toEqual({ sent: 2, kept: 1, dropped: 1, failed: 0 });
    const asked = keptStats(core.db).computed;
    expect(await numbers(people.coordinator)).toEqual(computedHere(core).numbers);
    expect(keptStats(core.db).computed).toBe(asked);
  }, 60_000);

  it('computes nothing for reports nobody asked, or asked longer ago than the window', async () => {
    // A short quiet time here, so that an ask just before a write is well within the window when the refresh looks.
    start({ quietMs: 50, askedWithinMs: 300 });
    await received();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core).sent).toBe(0);
    await numbers(people.coordinator);
    await sleep(400);
    await received();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core).sent).toBe(0);
    // Asked again: within the window once more.
    await numbers(people.coordinator);
    await received();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core)).toMatchObject({ sent: 1, kept: 1 });
  }, 60_000);

  it('does not compute a view again for the day it was asked once the clinic day has turned', async () => {
    stopReportRefresh(core);
    closeCore(core);
    const file = path.join(dir, `records-${(files += 1)}.sqlite`);
    fs.copyFileSync(seeded, file);
    const clock = fixedClock('2026-11-25T15:30:00.000Z'); // 23:30 in the clinic's zone (Asia/Shanghai)
    core = makeCore({ path: file, clock });
    people = await signIn(core);
    start();
    await numbers(people.coordinator);
    clock.set('2026-11-25T16:30:00.000Z'); // 00:30 on the 26th there
    await received();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core).sent).toBe(0);
    // Asked on the new day, it is kept fresh again.
    await numbers(people.coordinator);
    await received();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core)).toMatchObject({ sent: 1, kept: 1 });
  }, 60_000);

  it('without a refresher (a bare core), an ask after a write computes, as before', async () => {
    await numbers(people.coordinator);
    await received();
    await sleep(REFRESH_QUIET_MS + 200);
    const asked = keptStats(core.db).computed;
    await numbers(people.coordinator);
    expect(keptStats(core.db).computed).toBe(asked + 1);
    expect(reportRefreshStats(core).sent).toBe(0);
  }, 60_000);

  it(`keeps other calls answering within 100 ms while it computes the ${REFRESH_VIEWS} views asked last`, async () => {
    start();
    // Every view a clinic might have open: each instrument at two time points, and the numbers for several periods.
    const views: (() => Promise<unknown>)[] = [];
    for (const instrument of ['nihss', 'mrs', 'barthel', 'fm-ue', 'fm-le', 'berg'])
      for (const timePoint of ['discharge', 'm3']) views.push(() => screen(people.doctor, { instrument, timePoint }));
    for (const year of ['2024', '2025', '2026'])
      views.push(() => numbers(people.coordinator, { from: `${year}-01-01`, to: `${year}-12-31` }));
    views.push(() => numbers(people.coordinator));
    for (const view of views) await view();
    // The views a refresh computes, computed on this thread for comparison: nothing else would answer for this long.
    const last = views.slice(-REFRESH_VIEWS);
    await received();
    const inline = performance.now();
    for (const view of last) await view();
    const inlineMs = performance.now() - inline;

    const run = await whileSampling(people.doctor, async () => {
      await received();
      await reportRefreshSettled(core);
    });
    console.log(
      `${last.length} reports refreshed in a worker in ${Math.round(run.ms)} ms (${Math.round(inlineMs)} ms here); ` +
        describeLatencies(run.latencies),
    );
    expect(reportRefreshStats(core)).toEqual({ sent: REFRESH_VIEWS, kept: REFRESH_VIEWS, dropped: 0, failed: 0 });
    // Those are answered from memory; a view asked before them is computed when asked.
    const asked = keptStats(core.db).computed;
    for (const view of last) await view();
    expect(keptStats(core.db).computed).toBe(asked);
    await views[0]?.();
    expect(keptStats(core.db).computed).toBe(asked + 1);
    expectResponsive(run.latencies, inlineMs);
  }, 120_000);

  it('stops when the records close: before the quiet time ends, and with a job in flight', async () => {
    start();
    await numbers(people.coordinator);
    await received();
    core.db.close();
    await reportRefreshSettled(core);
    expect(reportRefreshStats(core).sent).toBe(0);

    // Closed by the app's close while a worker computes: that worker is stopped, nothing is kept or sent after.
    const file = path.join(dir, `records-${(files += 1)}.sqlite`);
    fs.copyFileSync(seeded, file);
    core = makeCore({ path: file, clock: fixedClock(NOW) });
    const { coordinator } = await signIn(core);
    let closed = false;
    startReportRefresh(core, {
      onSent: () => {
        if (!closed) closeCore(core);
        closed = true;
      },
    });
    await numbers(coordinator);
    await coordinator.ok('inquiries.create', inquiryInput());
    await until(() => closed);
    await reportRefreshSettled(core);
    await sleep(REFRESH_QUIET_MS + 100);
    // The job was stopped with its worker: neither kept, dropped nor failed, and nothing sent after.
    expect(reportRefreshStats(core)).toEqual({ sent: 1, kept: 0, dropped: 0, failed: 0 });
    expect(core.db.open).toBe(false);
  }, 60_000);
});

async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = performance.now() + ms;
  while (!done()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await sleep(5);
  }
}
