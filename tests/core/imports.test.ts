// The web-form import through dispatch: valid and bad files, duplicates, skip and merge, idempotence, audit, one transaction.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type {
  CommitResult,
  DuplicateCheck,
  ImportDecision,
  ImportRowCheck,
  Inquiry,
  InquiryDetail,
  StageResult,
} from '../../db/contract';
import type { Core } from '../../db/services/core';
import { type Caller, fixedClock, inquiryInput, makeCore, staff } from './support';

const SAMPLE_CSV = fs.readFileSync(
  fileURLToPath(new URL('../../db/seed/samples/web-form-submissions.csv', import.meta.url)),
  'utf8',
);
const SAMPLE_JSON = fs.readFileSync(
  fileURLToPath(new URL('../../db/seed/samples/web-form-submissions.json', import.meta.url)),
  'utf8',
);
const HEADER = SAMPLE_CSV.split('\r\n', 1)[0] ?? '';
const COLUMNS = HEADER.split(',');

/** A CSV line from column values (quoted when needed); unnamed columns are empty. */
function csvLine(values: Partial<Record<string, string>>): string {
  return COLUMNS.map((c) => {
    const v = values[c] ?? '';
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
const minimal = (over: Partial<Record<string, string>> = {}) =>
  csvLine({
    submission_id: 'T-1',
    submitted_at: '2026-11-20T10:00:00Z',
    contact_name: 'Test Contact',
    relation: 'self',
    email: 'test.contact@example.org',
    patient_name: 'Test Contact',
    consent_contact: 'yes',
    consent_data_processing: 'yes',
    ...over,
  });

const count = (core: Core, table: string) =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function stage(c: Caller, text: string, format: 'csv' | 'json' = 'csv'): Promise<StageResult> {
  return c.ok<StageResult>('imports.stage', { fileName: `submissions.${format}`, format, text });
}

async function checkAll(c: Caller, batchId: number, chunk = 200): Promise<ImportRowCheck[]> {
  const rows: ImportRowCheck[] = [];
  for (let offset = 0; ; offset += chunk) {
    const page = await c.ok<DuplicateCheck>('imports.checkDuplicates', { batchId, offset, limit: chunk });
    rows.push(...page.rows);
    if (offset + chunk >= page.total) return rows;
  }
}

/** What the screen proposes: rows with a possible duplicate are skipped, the rest imported. */
const defaults = (rows: ImportRowCheck[]): ImportDecision[] =>
  rows.map((r) => ({
    row: r.row,
    action: r.matches.length > 0 ? 'skip' : 'import',
    mergeInquiryId: null,
    mergeRow: null,
  }));

async function stageOk(c: Caller, text: string, format: 'csv' | 'json' = 'csv') {
  const staged = await stage(c, text, format);
  if (!staged.ok) throw new Error(`staging refused: ${JSON.stringify(staged.errors)}`);
  return { staged, rows: await checkAll(c, staged.batchId) };
}

function insertPatient(
  core: Core,
  p: { family: string; given: string; birth: string | null; email?: string; phoneDigits?: string; mergedInto?: number },
): number {
  const at = '2026-01-01T00:00:00.000Z';
  const res = core.db
    .prepare(
      `INSERT INTO patients (mrn, family_name, given_name, sex, birth_date, email, phone_digits, stroke_type, merged_into_id, created_at, updated_at)
       VALUES (?, ?, ?, 'unknown', ?, ?, ?, 'unknown', ?, ?, ?)`,
    )
    .run(
      `MRN-${p.family}-${Math.random()}`,
      p.family,
      p.given,
      p.birth,
      p.email ?? null,
      p.phoneDigits ?? null,
      p.mergedInto ?? null,
      at,
      at,
    );
  return Number(res.lastInsertRowid);
}

describe('web-form import', () => {
  it('imports the shipped CSV sample: every row an inquiry from the web form, times in UTC, its story starting when it was sent', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T08:00:00Z') });
    const { coordinator } = await staff(core);
    const { staged, rows } = await stageOk(coordinator, SAMPLE_CSV);
    expect(staged).toMatchObject({ ok: true, rowCount: 12, alreadyImported: 0 });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(rows.every((r) => r.matches.length === 0 && !r.alreadyImported)).toBe(true);
    const result = await coordinator.ok<CommitResult>('imports.commit', {
      batchId: staged.batchId,
      decisions: defaults(rows),
    });
    expect(result).toMatchObject({ created: 12, merged: 0, skipped: 0, alreadyImported: 0 });

    const first = await coordinator.ok<InquiryDetail>('inquiries.get', { id: result.createdIds[0] });
    expect(first.inquiry).toMatchObject({
      channel: 'web_form',
      receivedAt: '2026-11-02T00:14:00.000Z',
      patientName: 'Wang Jianguo',
      contactEmail: 'li.na.family@example.cn',
      symptoms: ['one_sided_weakness', 'trouble_speaking'],
      conditions: ['hypertension', 'diabetes'],
      ownerId: null,
      nextFollowUp: null,
      status: 'new',
    });
    expect(first.timeline).toEqual([
      expect.objectContaining({ type: 'status', to: 'new', at: '2026-11-02T00:14:00.000Z' }),
    ]);
    // A quoted value keeps its commas, quotes and line breaks.
    const last = await coordinator.ok<InquiryDetail>('inquiries.get', { id: result.createdIds[11] });
    expect(last.inquiry.message).toContain('\n2. Do you accept records in Chinese');
    expect(last.inquiry.message).toContain('"small bleed"');
    // Staged copies of the rows are gone once they are inquiries.
    expect(count(core, 'import_rows')).toBe(0);
  });

  it('reads the JSON twin to the same inquiries, so after the CSV it has nothing new', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const json = await stageOk(coordinator, SAMPLE_JSON, 'json');
    const fromJson = await coordinator.ok<CommitResult>('imports.commit', {
      batchId: json.staged.batchId,
      decisions: defaults(json.rows),
    });
    expect(fromJson.created).toBe(12);
    const again = await stageOk(coordinator, SAMPLE_CSV);
    expect(again.staged.alreadyImported).toBe(12);
    expect(again.rows.every((r) => r.alreadyImported && r.importedInquiryId !== null)).toBe(true);
  });

  it('refuses a file with bad rows whole, naming each row and column, and stores nothing', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const text = csv(
      minimal({ submission_id: 'A' }),
      minimal({ submission_id: 'B', email: 'not-an-email' }),
      minimal({ submission_id: 'C', submitted_at: '2026-11-20 10:00', symptoms: 'walking;flying' }),
      minimal({ submission_id: 'D', email: '', phone: '', messaging: '' }),
      minimal({
        submission_id: 'E',
        relation: 'Cousin',
        patient_birth_date: '1960-02-30',
        consent_contact: 'maybe',
        patient_age: 'sixty',
      }),
    );
    const r = await stage(coordinator, text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.batchId).toBeNull();
    expect(r.rowCount).toBe(5);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'email'],
      [4, 'submitted_at'],
      [4, 'symptoms'],
      [5, 'email'],
      [6, 'relation'],
      [6, 'patient_age'],
      [6, 'consent_contact'],
      [6, 'patient_birth_date'],
    ]);
    expect(r.errors.find((e) => e.field === 'submitted_at')?.message).toMatch(/time zone/);
    expect(r.errors.find((e) => e.field === 'symptoms')?.message).toMatch(/"flying"/);
    expect(r.errors.find((e) => e.row === 5)?.message).toBe('Give an e-mail, a phone or a messaging handle');
    expect(r.errors.find((e) => e.field === 'relation')).toMatchObject({
      message: 'Use one of: self, spouse, child, parent, other',
      // The screen words it from these, in the reader's language.
      code: 'oneOf',
      values: { allowed: 'self, spouse, child, parent, other' },
    });
    expect(r.errors.find((e) => e.field === 'symptoms')).toMatchObject({
      code: 'unknownCodes',
      values: { codes: '"flying"' },
    });
    expect(count(core, 'import_batches') + count(core, 'import_rows') + count(core, 'inquiries')).toBe(0);
  });

  it('gives one message per problem: an impossible date is "not a real date", not also "use the form"', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const r = await stage(
      coordinator,
      csv(minimal({ patient_birth_date: '2025-13-45' }), minimal({ submission_id: 'T-2', onset_date: '26-4-1' })),
    );
    expect(!r.ok && r.errors).toEqual([
      { row: 2, field: 'patient_birth_date', message: 'Not a real calendar date', code: 'validation', values: {} },
      {
        row: 3,
        field: 'onset_date',
        message: 'Use the form YYYY-MM-DD, YYYY-MM or YYYY',
        code: 'validation',
        values: {},
      },
    ]);
  });

  it('counts rows as a spreadsheet does, past quoted line breaks, and names unknown and missing columns', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    // The sample's last row (row 13) has line breaks inside its message: the next row is still row 14.
    const broken = `${SAMPLE_CSV}${minimal({ country: 'Kazakhstan' })}\r\n`;
    const r = await stage(coordinator, broken);
    expect(!r.ok && r.errors).toEqual([
      { row: 14, field: 'country', message: 'Pick a country', code: 'validation', values: {} },
    ]);

    const header = HEADER.replace('submitted_at', 'sent_at').replace('heard_about', 'heard_about,referrer');
    const h = await stage(coordinator, `${header}\r\n`);
    expect(!h.ok && h.errors.map((e) => [e.row, e.field, e.message.split(';')[0]])).toEqual([
      [1, 'sent_at', 'Unknown column'],
      [1, 'referrer', 'Unknown column'],
      [1, 'submitted_at', 'Required column is missing'],
    ]);

    const json = await stage(
      coordinator,
      JSON.stringify([{ ...JSON.parse(SAMPLE_JSON)[0], referrer: 'x' }, 'text']),
      'json',
    );
    expect(!json.ok && json.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'referrer'],
      [2, null],
    ]);
    const notArray = await stage(coordinator, '{"submissions": []}', 'json');
    expect(!notArray.ok && notArray.errors[0]).toMatchObject({ row: null, message: expect.stringMatching(/array/) });
    expect(count(core, 'import_batches')).toBe(0);
  });

  it('flags duplicates of inquiries, of patients (not merged-away ones) and of earlier rows of the same file', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const inquiry = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({ contactEmail: 'J.Whitfield@example.com', contactPhone: null }),
    );
    const byName = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({
        contactEmail: null,
        contactPhone: '+1 555 0000',
        patientName: 'NGUYEN  van hung',
        patientBirthDate: '1955-11-11',
      }),
    );
    const patient = insertPatient(core, {
      family: 'Becker',
      given: 'Ingrid',
      birth: '1952-02-29',
      phoneDigits: '4915155507788',
    });
    const survivor = insertPatient(core, { family: 'Bekov', given: 'Nurlan', birth: '1961-09-02' });
    insertPatient(core, {
      family: 'Bekov',
      given: 'Nurlan',
      birth: '1961-09-02',
      email: 'aigerim.n@example.kz',
      mergedInto: survivor,
    });
    const extra = [
      minimal({ submission_id: 'WF-24001', contact_name: 'Li Na again' }), // the same submission twice
      minimal({ submission_id: 'X-2', email: 'someone.else@example.org', phone: '86 138 0013 8000' }), // row 2's phone digits
    ];
    const { rows } = await stageOk(coordinator, `${SAMPLE_CSV}${extra.join('\r\n')}\r\n`);
    const flagged = Object.fromEntries(
      rows.filter((r) => r.matches.length > 0).map((r) => [r.row, r.matches.map((m) => [m.kind, m.id, m.reasons])]),
    );
    expect(flagged).toEqual({
      3: [['patient', survivor, ['name_birth']]],
      4: [['inquiry', inquiry.id, ['email']]],
      7: [['inquiry', byName.id, ['name_birth']]],
      10: [['patient', patient, ['phone', 'name_birth']]],
      14: [['row', 2, ['submission']]],
      15: [['row', 2, ['phone']]],
    });
    // Chunks see the rows before them: the same answer one row at a time.
    const staged = await stage(coordinator, `${SAMPLE_CSV}${extra.join('\r\n')}\r\n`);
    if (!staged.ok) throw new Error('staging failed');
    const oneByOne = await checkAll(coordinator, staged.batchId, 1);
    expect(oneByOne).toEqual(rows);
    // Out of order (the screen restarted, or a second window), a chunk is still answered in full.
    const middle = await coordinator.ok<DuplicateCheck>('imports.checkDuplicates', {
      batchId: staged.batchId,
      offset: 12,
      limit: 2,
    });
    expect(middle.rows).toEqual(rows.slice(12, 14));
  });

  it('skips, merges into an inquiry or into an earlier row, and imports the rest, as decided', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T08:00:00Z') });
    const { coordinator } = await staff(core);
    const existing = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({ contactEmail: 'j.whitfield@example.com', receivedAt: '2026-10-01T00:00:00.000Z' }),
    );
    const extra = minimal({ submission_id: 'X-2', phone: '+86 138 0013 8000', message: 'Sent twice, sorry' });
    const { staged, rows } = await stageOk(coordinator, `${SAMPLE_CSV}${extra}\r\n`);
    const decisions = defaults(rows).map((d): ImportDecision => {
      if (d.row === 4) return { ...d, action: 'merge', mergeInquiryId: existing.id };
      if (d.row === 14) return { ...d, action: 'merge', mergeRow: 2 };
      if (d.row === 9) return { ...d, action: 'skip' };
      return d;
    });
    const result = await coordinator.ok<CommitResult>('imports.commit', { batchId: staged.batchId, decisions });
    expect(result).toMatchObject({ created: 10, merged: 2, skipped: 1, alreadyImported: 0 });
    expect(count(core, 'inquiries')).toBe(11);

    const merged = await coordinator.ok<InquiryDetail>('inquiries.get', { id: existing.id });
    const note = merged.timeline.find((e) => e.type === 'activity');
    expect(note).toMatchObject({ kind: 'document', at: '2026-11-03T01:05:00.000Z', authorName: 'Chen Coordinator' });
    expect(note?.type === 'activity' && note.summary).toMatch(
      /^Repeated web-form submission \(web:WF-24003[\s\S]*I had a hemorrhagic stroke/,
    );
    const intoRow = await coordinator.ok<InquiryDetail>('inquiries.get', { id: result.createdIds[0] });
    expect(intoRow.timeline.some((e) => e.type === 'activity' && e.summary.includes('Sent twice, sorry'))).toBe(true);

    // Again: merged rows are already imported (into the inquiry they joined); the skipped one is asked about again.
    const again = await stageOk(coordinator, `${SAMPLE_CSV}${extra}\r\n`);
    expect(again.staged.alreadyImported).toBe(12);
    expect(again.rows.find((r) => r.row === 4)).toMatchObject({
      alreadyImported: true,
      importedInquiryId: existing.id,
      matches: [],
    });
    expect(again.rows.find((r) => r.row === 9)).toMatchObject({ alreadyImported: false });
  });

  it('creates nothing new when the same file is imported again, and never commits one preview twice', async () => {
    const core = makeCore();
    const { coordinator, doctor } = await staff(core);
    const first = await stageOk(coordinator, SAMPLE_CSV);
    await coordinator.ok('imports.commit', { batchId: first.staged.batchId, decisions: defaults(first.rows) });
    const twice = await coordinator.call('imports.commit', {
      batchId: first.staged.batchId,
      decisions: defaults(first.rows),
    });
    expect(!twice.ok && twice.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'batch_committed' } });

    const second = await stageOk(doctor, SAMPLE_CSV);
    expect(second.staged.alreadyImported).toBe(12);
    // Even a caller that asks to import every row again gets nothing new.
    const all = second.rows.map((r): ImportDecision => ({
      row: r.row,
      action: 'import',
      mergeInquiryId: null,
      mergeRow: null,
    }));
    const result = await doctor.ok<CommitResult>('imports.commit', { batchId: second.staged.batchId, decisions: all });
    expect(result).toEqual({ created: 0, merged: 0, skipped: 0, alreadyImported: 12, createdIds: [] });
    expect(count(core, 'inquiries')).toBe(12);
  });

  it('writes one audit entry per import, with counts and ids but no patient data', async () => {
    const core = makeCore();
    const { coordinator, ids } = await staff(core);
    const { staged, rows } = await stageOk(coordinator, SAMPLE_CSV);
    const before = count(core, 'audit_log');
    await coordinator.ok('imports.commit', {
      batchId: staged.batchId,
      decisions: defaults(rows).map((d) => (d.row === 2 ? { ...d, action: 'skip' } : d)),
    });
    const entries = core.db
      .prepare('SELECT * FROM audit_log WHERE id > (SELECT max(id) FROM audit_log) - ?')
      .all(count(core, 'audit_log') - before) as {
      action: string;
      actor_id: number;
      entity: string;
      entity_id: number;
      after_json: string;
    }[];
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    expect(entry).toMatchObject({
      action: 'imports.commit',
      actor_id: ids.coordinator,
      entity: 'import_batch',
      entity_id: staged.batchId,
    });
    expect(JSON.parse(entry?.after_json ?? '{}')).toMatchObject({
      format: 'csv',
      rows: 12,
      created: 11,
      skipped: 1,
      merged: 0,
      alreadyImported: 0,
    });
    expect(entry?.after_json).not.toMatch(/Wang|example\.|\+86/);
  });

  it('is one transaction: a failure part-way leaves no inquiry, no reference and the preview still open', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const { staged, rows } = await stageOk(coordinator, SAMPLE_CSV);
    // The sixth inquiry cannot be written (as a full disk or a bug would stop it).
    core.db.exec(`CREATE TEMP TRIGGER fail_sixth BEFORE INSERT ON inquiries WHEN (SELECT count(*) FROM inquiries) >= 5
                  BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const failed = await coordinator.call('imports.commit', { batchId: staged.batchId, decisions: defaults(rows) });
    expect(failed.ok).toBe(false);
    expect(count(core, 'inquiries') + count(core, 'import_refs') + count(core, 'inquiry_status_changes')).toBe(0);
    core.db.exec('DROP TRIGGER fail_sixth');

    // A merge into an inquiry that does not exist is found after the creates: they are undone too.
    const bad = defaults(rows).map((d): ImportDecision =>
      d.row === 13 ? { ...d, action: 'merge', mergeInquiryId: 999 } : d,
    );
    const refused = await coordinator.call('imports.commit', { batchId: staged.batchId, decisions: bad });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    expect(count(core, 'inquiries') + count(core, 'import_refs')).toBe(0);

    const ok = await coordinator.ok<CommitResult>('imports.commit', {
      batchId: staged.batchId,
      decisions: defaults(rows),
    });
    expect(ok.created).toBe(12);
  });

  it('needs a decision for every row, and is for coordinators and doctors only', async () => {
    const core = makeCore();
    const { coordinator, admin } = await staff(core);
    const { staged, rows } = await stageOk(coordinator, SAMPLE_CSV);
    const partial = await coordinator.call('imports.commit', {
      batchId: staged.batchId,
      decisions: defaults(rows).slice(1),
    });
    expect(!partial.ok && partial.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/missing: 2$/),
    });
    const forbidden = await admin.call('imports.stage', { fileName: 'x.csv', format: 'csv', text: SAMPLE_CSV });
    expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');
  });

  it('stages, checks and commits 5,000 rows in seconds', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    for (let i = 0; i < 300; i += 1) {
      await coordinator.ok(
        'inquiries.create',
        inquiryInput({ contactEmail: `existing${i}@example.org`, contactPhone: `+7 700 ${String(100000 + i)}` }),
      );
    }
    const lines = Array.from({ length: 5000 }, (_, i) =>
      minimal({
        submission_id: `BULK-${i}`,
        contact_name: `Contact ${i}`,
        patient_name: `Patient ${i}`,
        patient_birth_date: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
        // Every 50th row repeats an existing inquiry's e-mail.
        email: i % 50 === 0 ? `existing${i % 300}@example.org` : `bulk${i}@example.org`,
        phone: `+49 151 ${String(2000000 + i)}`,
        message: 'Synthetic bulk submission, with a comma',
      }),
    );
    const t0 = performance.now();
    const { staged, rows } = await stageOk(coordinator, csv(...lines));
    const t1 = performance.now();
    const result = await coordinator.ok<CommitResult>('imports.commit', {
      batchId: staged.batchId,
      decisions: defaults(rows),
    });
    const t2 = performance.now();
    expect(rows.filter((r) => r.matches.length > 0)).toHaveLength(100);
    expect(result.created).toBe(4900);
    console.log(`5,000 rows: stage + duplicate check ${Math.round(t1 - t0)} ms, commit ${Math.round(t2 - t1)} ms`);
    expect(t2 - t0).toBeLessThan(20_000);
  });

  it('refuses to check or commit a large file until its last row is staged, or if staging stopped', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const row = (i: number) =>
      minimal({ submission_id: `BIG-${i}`, email: `big${i}@example.org`, phone: `+49 151 ${3000000 + i}` });
    // Three of its rows came in an earlier import: they count as already imported, in the sliced path too.
    const first = await stageOk(coordinator, csv(row(0), row(1), row(2)));
    await coordinator.ok('imports.commit', { batchId: first.staged.batchId, decisions: defaults(first.rows) });
    // Past ATOMIC_ROWS and past the size parsed inline: read in a worker, written in slices.
    const text = csv(...Array.from({ length: 1500 }, (_, i) => row(i)));
    const decisions = Array.from({ length: 1500 }, (_, i) => ({
      row: i + 2,
      action: 'import' as const,
      mergeInquiryId: null,
      mergeRow: null,
    }));
    const unfinished = () =>
      core.db.prepare('SELECT id FROM import_batches WHERE staged_at IS NULL').get() as { id: number } | undefined;
    const pending = stage(coordinator, text);
    // Looked at between every two steps of the event loop: dispatch runs a handler up to its first await at once, so
    // these calls are answered while the batch is as this look found it, part-written.
    const early = await new Promise<{ batchId: number; check: Promise<unknown>; commit: Promise<unknown> }>(
      (resolve) => {
        const look = () => {
          const batch = unfinished();
          if (!batch) return void setImmediate(look);
          resolve({
            batchId: batch.id,
            check: coordinator.call('imports.checkDuplicates', { batchId: batch.id, offset: 0, limit: 50 }),
            commit: coordinator.call('imports.commit', { batchId: batch.id, decisions }),
          });
        };
        look();
      },
    );
    const batchId = early.batchId;
    const refused = { ok: false, error: { code: 'CONFLICT', details: { reason: 'batch_incomplete' } } };
    expect(await early.check).toMatchObject(refused);
    expect(await early.commit).toMatchObject(refused);

    const staged = await pending;
    expect(staged).toMatchObject({ ok: true, batchId, rowCount: 1500, alreadyImported: 3 });
    const page = await coordinator.ok<DuplicateCheck>('imports.checkDuplicates', { batchId, offset: 0, limit: 5 });
    expect(page.total).toBe(1500);
    expect(page.rows.map((r) => r.alreadyImported)).toEqual([true, true, true, false, false]);

    // Staging stopped part-way (the app closed, the disk filled): the batch stays unmarked and is never a preview.
    core.db.prepare('UPDATE import_batches SET staged_at = NULL WHERE id = ?').run(batchId);
    expect(await coordinator.call('imports.commit', { batchId, decisions })).toMatchObject(refused);
    expect(count(core, 'inquiries')).toBe(3);
  });
});
