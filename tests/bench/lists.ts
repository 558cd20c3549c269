// `npm run bench`, lists part (issue #13): every list a screen opens, first page and a later one, each beside a full
// scan of its table in the same run, against the target p95 ≤ 20 ms (BENCH_ONLY=lists runs it with what it needs).
import { dispatch } from '../../db/api/dispatch';
import type { SeedAccount } from '../../db/seed/generate';
import type { Core } from '../../db/services/core';
import { GENESIS_HASH, auditContent, chainHash } from '../../db/sqlite/audit-hash';
import { type Timing, time } from './stats';
import { record } from './summary';

const TARGET_MS = 20;
type Call = <T = unknown>(method: string, input: unknown) => Promise<T>;

function signedIn(core: Core, account: SeedAccount | undefined): Call {
  if (!account) throw new Error('the seed made no such account');
  const session = { token: null as string | null };
  let ready: Promise<unknown> | null = null;
  const raw = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return async <T>(method: string, input: unknown) => {
    ready ??= raw('auth.signIn', { username: account.username, password: account.password });
    await ready;
    return raw<T>(method, input);
  };
}

/**
 * A chained audit log up to `entries` (the 10-year size is about a million): views and changes by the seeded staff on
 * real patients, inquiries and courses, a few rare actions among them, appended after what the seed wrote.
 */
export function growAuditLog(core: Core, entries: number): number {
  const { db } = core;
  const have = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  if (have >= entries) return have;
  const head = db.prepare('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string; at: string } | undefined;
  const actors = (db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 12').all() as { id: number }[]).map(
    (r) => r.id,
  );
  const maxOf = (t: string) => (db.prepare(`SELECT max(id) AS n FROM ${t}`).get() as { n: number | null }).n ?? 1;
  const ids = { patient: maxOf('patients'), inquiry: maxOf('inquiries'), course: maxOf('courses') };
  const insert = db.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Spread back over ten years before the seed's own entries, so a date filter has history to search.
  const first = Date.parse(head?.at ?? new Date().toISOString()) - 10 * 365 * 86_400_000;
  const step = (10 * 365 * 86_400_000) / entries;
  let previous = head?.hash ?? GENESIS_HASH;
  let id = head?.id ?? 0;
  db.transaction(() => {
    for (let i = 0; have + i < entries; i += 1) {
      id += 1;
      const kind = i % 10;
      const [action, entity, max] =
        i % 50_000 === 7
          ? (['patients.merge', 'patient', ids.patient] as const)
          : kind < 6
            ? (['patients.get', 'patient', ids.patient] as const)
            : kind < 9
              ? (['inquiries.update', 'inquiry', ids.inquiry] as const)
              : (['courses.update', 'course', ids.course] as const);
      const change = !action.endsWith('.get');
      const row = {
        id,
        at: new Date(first + i * step).toISOString(),
        actor_id: actors[(i * 7) % actors.length] ?? null,
        action,
        entity,
        entity_id: 1 + ((i * 7919) % max),
        before_json: change ? '{"version":3}' : null,
        after_json: change ? '{"version":4}' : null,
      };
      previous = chainHash(previous, auditContent(row));
      insert.run(...Object.values(row), previous);
    }
  }).immediate();
  return id;
}

interface Line {
  list: Timing;
  scan: Timing;
}

const f = (n: number) => n.toFixed(2).padStart(9);

/** One line as soon as it is measured (a slow list at full size should not hide the ones before it). */
function printLine({ list, scan }: Line): void {
  const verdict = list.p95 <= TARGET_MS ? `≤ ${TARGET_MS} ok` : `> ${TARGET_MS} MISS`;
  const ratio = scan.p50 / list.p50;
  console.log(
    `${list.name.padEnd(52)}${String(list.runs).padStart(6)}${f(list.p50)}${f(list.p95)}  ${verdict.padEnd(10)}` +
      `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}× (${scan.name}: ${scan.p50.toFixed(2)} ms)`,
  );
}

function printSummary(lines: readonly Line[]): void {
  const missed = lines.filter((l) => l.list.p95 > TARGET_MS);
  const worst = Math.max(...lines.map((l) => l.list.p95));
  console.log(
    `lists: ${lines.length - missed.length}/${lines.length} at p95 ≤ ${TARGET_MS} ms (worst p95 ${worst.toFixed(2)})`,
  );
  for (const l of missed) console.log(`  missed: ${l.list.name.trim()} p95 ${l.list.p95.toFixed(2)} ms`);
}

export async function benchLists(core: Core, accounts: readonly SeedAccount[], runs: number, auditEntries: number) {
  const { db } = core;
  const started = performance.now();
  const audit = growAuditLog(core, auditEntries);
  db.exec('ANALYZE');
  const count = (t: string, where = '1') =>
    (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE ${where}`).get() as { n: number }).n;
  console.log(
    `\nlists: ${count('patients').toLocaleString('en')} patients, ${count('courses', "status = 'discharged'").toLocaleString('en')} ` +
      `discharged courses, ${count('procedures').toLocaleString('en')} procedures, ${audit.toLocaleString('en')} audit ` +
      `entries (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const coord = signedIn(
    core,
    accounts.find((a) => a.role === 'coordinator'),
  );
  const admin = signedIn(
    core,
    accounts.find((a) => a.role === 'admin'),
  );
  const few = Math.max(5, Math.round(runs / 20));
  const scanOf = (name: string, q: string) => {
    const stmt = db.prepare(q);
    return time(`scan: ${name}`, few, () => stmt.all());
  };
  const lines: Line[] = [];
  console.log(
    `${'list'.padEnd(52)}${'runs'.padStart(6)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}  target    scan ÷ list`,
  );
  let listName = '';
  const add = async (name: string, fn: (i: number) => Promise<unknown>, scan: Timing) => {
    const list = await time(name, runs, fn);
    // An indented line is a later page of the list above it: named in full in the closing table.
    if (!name.startsWith(' ')) listName = name;
    record({ ...list, name: name.startsWith(' ') ? `${listName}, ${name.trim()}` : name }, { baseline: scan });
    const line = { list, scan };
    lines.push(line);
    printLine(line);
  };

  // The registry: every sort both ways, first page and the 40th page (seek), searched text, and the old offset path.
  type PatientPage = { next: string | null; total: number };
  const patientScan = await scanOf('patients', 'SELECT id FROM patients NOT INDEXED WHERE merged_into_id IS NULL');
  for (const sort of ['createdAt', 'name', 'mrn', 'birthDate'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      const q = { sort, direction };
      await add(`patients.list ${sort} ${direction}`, () => coord('patients.list', q), patientScan);
      let after: string | null = null;
      for (let page = 0; page < 40; page += 1)
        after = (await coord<PatientPage>('patients.list', { ...q, after })).next;
      if (after !== null) await add(`  page 41 (seek)`, () => coord('patients.list', { ...q, after }), patientScan);
    }
  }
  await add('  page 41 (offset 2,000, the old way)', () => coord('patients.list', { offset: 2000 }), patientScan);
  for (const text of ['li', 'example.org', 'wang']) {
    await add(`patients.list text "${text}"`, () => coord('patients.list', { text }), patientScan);
  }

  // The follow-up worklist reads the kept points (migration 0240); its own full scan is the baseline beside it.
  const pointScan = await scanOf(
    'follow-up points',
    "SELECT 1 FROM follow_up_points NOT INDEXED WHERE time_point = 'zz'",
  );
  const followUps: [string, Record<string, unknown>][] = [
    ['followUps.worklist (open)', {}],
    ['followUps.worklist missed', { states: ['missed'] }],
    ['followUps.worklist lost', { states: ['lost'] }],
    ['followUps.worklist every state', { states: ['overdue', 'due', 'upcoming', 'missed', 'lost'] }],
    ['followUps.worklist m3', { timePoint: 'm3' }],
    ['followUps.worklist missed m12', { states: ['missed'], timePoint: 'm12' }],
  ];
  for (const [name, q] of followUps) {
    await add(name, () => coord('followUps.worklist', q), pointScan);
    await add('  page 3', () => coord('followUps.worklist', { ...q, offset: 100 }), pointScan);
  }
  await add('  page 21', () => coord('followUps.worklist', { states: ['missed'], offset: 1000 }), pointScan);

  // Reception's Today screen and the inquiry list (the inquiries part times more of its filters and pages).
  const inquiryScan = await scanOf('inquiries', "SELECT id FROM inquiries NOT INDEXED WHERE status = 'zz'");
  await add('inquiries.worklist (mine)', () => coord('inquiries.worklist', { scope: 'mine' }), inquiryScan);
  await add('inquiries.worklist (all)', () => coord('inquiries.worklist', { scope: 'all' }), inquiryScan);
  type InquiryPage = { next: string | null };
  const inquiryLists: [string, Record<string, unknown>][] = [
    ['inquiries.list first page', {}],
    ['inquiries.list open statuses', { statuses: ['new', 'contacted', 'under_review'] }],
    ['inquiries.list overdue', { followUp: 'overdue' }],
    ['inquiries.list by name', { sort: 'patientName', direction: 'asc' }],
    ['inquiries.list text "example.org"', { text: 'example.org' }],
  ];
  for (const [name, q] of inquiryLists) {
    await add(name, () => coord('inquiries.list', q), inquiryScan);
    let after: string | null = null;
    for (let page = 0; page < 10 && (page === 0 || after !== null); page += 1)
      after = (await coord<InquiryPage>('inquiries.list', { ...q, after })).next;
    if (after !== null) await add('  page 11 (seek)', () => coord('inquiries.list', { ...q, after }), inquiryScan);
  }
  await add('patients.duplicates', () => coord('patients.duplicates', {}), patientScan);

  const aeScan = await scanOf('adverse events', "SELECT id FROM adverse_events NOT INDEXED WHERE status = 'open'");
  const patientIds = (db.prepare('SELECT id FROM patients WHERE id % 997 = 5 LIMIT 40').all() as { id: number }[]).map(
    (r) => r.id,
  );
  const patient = (i: number) => patientIds[i % patientIds.length] ?? 1;
  await add('adverseEvents.open', () => coord('adverseEvents.open', {}), aeScan);
  await add('adverseEvents.forPatient', (i) => coord('adverseEvents.forPatient', { patientId: patient(i) }), aeScan);

  const auditScan = await scanOf('audit log', "SELECT id FROM audit_log NOT INDEXED WHERE action = 'zz'");
  type AuditPage = { nextBeforeId: number | null };
  const actors = (db.prepare('SELECT id FROM accounts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const quiet = actors.at(-1) ?? 1;
  const day = (
    db.prepare('SELECT substr(at, 1, 10) AS d FROM audit_log WHERE id = ?').get(Math.floor(audit / 2)) as {
      d: string;
    }
  ).d;
  const auditQueries: [string, Record<string, unknown>][] = [
    ['audit.list (all)', {}],
    ['audit.list by a busy user', { actorId: actors[1] ?? 1 }],
    ['audit.list by a user with few entries', { actorId: quiet }],
    ['audit.list one patient', { patientId: patient(3) }],
    ['audit.list common action', { action: 'patients.get' }],
    ['audit.list rare action', { action: 'patients.merge' }],
    ['audit.list one day', { from: day, to: day }],
    ['audit.list busy user, one day', { actorId: actors[1] ?? 1, from: day, to: day }],
  ];
  for (const [name, q] of auditQueries) {
    await add(name, () => admin('audit.list', q), auditScan);
    let beforeId: number | null = null;
    for (let page = 0; page < 20; page += 1) {
      beforeId = (await admin<AuditPage>('audit.list', { ...q, beforeId })).nextBeforeId;
      if (beforeId === null) break;
    }
    if (beforeId !== null) await add('  page 21', () => admin('audit.list', { ...q, beforeId }), auditScan);
  }
  await add('audit.actions', () => admin('audit.actions', {}), auditScan);

  const courseScan = await scanOf('courses', "SELECT id FROM courses NOT INDEXED WHERE status = 'discharged'");
  const procScan = await scanOf('procedures', "SELECT id FROM procedures NOT INDEXED WHERE status = 'zz'");
  const lots = (
    db
      .prepare('SELECT lot_number AS l FROM procedures WHERE id % 4999 = 3 AND lot_number IS NOT NULL LIMIT 40')
      .all() as {
      l: string;
    }[]
  ).map((r) => r.l);
  if (lots.length > 0) {
    await add('procedures.byLot', (i) => coord('procedures.byLot', { lot: lots[i % lots.length] }), procScan);
  }
  await add(
    'procedures.wardList (today)',
    () => coord('procedures.wardList', { day: new Date().toISOString().slice(0, 10) }),
    procScan,
  );
  await add('treatment.agenda', () => coord('treatment.agenda', {}), procScan);
  // As Today asks for it: each panel's first 25 rows and the totals.
  await add('treatment.agenda, first rows', () => coord('treatment.agenda', { firstRows: 25 }), procScan);
  await add('courses.forPatient', (i) => coord('courses.forPatient', { patientId: patient(i) }), courseScan);
  // A treated patient's assessments (the history screen and the entry screen's list) and their schedule.
  const treated = (
    db.prepare('SELECT DISTINCT patient_id AS id FROM assessments WHERE id % 251 = 7 LIMIT 40').all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  const treatedOne = (i: number) => treated[i % treated.length] ?? patient(i);
  await add('assessments.forPatient', (i) => coord('assessments.forPatient', { patientId: treatedOne(i) }), courseScan);
  await add('assessments.schedule', (i) => coord('assessments.schedule', { patientId: treatedOne(i) }), courseScan);
  const monday = (() => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  })();
  const sunday = new Date(Date.parse(monday) + 6 * 86_400_000).toISOString().slice(0, 10);
  await add(
    'procedures.calendar (week)',
    () => coord('procedures.calendar', { from: `${monday}T00:00:00.000Z`, to: `${sunday}T23:59:59.999Z` }),
    procScan,
  );
  await add('procedures.occupancy (week)', () => coord('procedures.occupancy', { from: monday, days: 7 }), procScan);
  await add(
    'attachments.list (a patient)',
    (i) => coord('attachments.list', { owner: { kind: 'patient', id: patient(i) } }),
    patientScan,
  );
  await add('staff.list', () => coord('staff.list', {}), patientScan);
  await add('accounts.list', () => admin('accounts.list', {}), patientScan);
  await add('drafts.mine', () => coord('drafts.mine', {}), patientScan);
  await add('backups.list', () => admin('backups.list', {}), patientScan);
  printSummary(lines);
}
