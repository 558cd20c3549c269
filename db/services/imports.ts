// Web-form import: stage a file (all rows valid or nothing kept), flag likely duplicates, commit the decisions in one transaction.
import type {
  CommitResult,
  DuplicateCheck,
  DuplicateReason,
  ImportDecision,
  ImportFormat,
  ImportMatch,
  ImportRowCheck,
  InquiryFields,
  MatchReason,
  StageResult,
} from '../contract';
import * as repo from '../repos/imports';
import { insertActivity, insertInquiry, insertStatusChange } from '../repos/inquiries';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type CallContext, requireActor } from './context';
import type { Core } from './core';
import { command } from './kernel';
import { DomainError, notFound } from '../sqlite/domain-error';
import * as identity from './identity';
import { readWebFormFile, type StagedFile, stagedPiece } from './web-form';
import { runInWorker } from './worker-jobs';

const ENTITY = 'import_batch';
/** A preview nobody committed within a day is abandoned: its copy of the rows is deleted at the next import. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A file up to this many characters (~900 rows of a typical form) is parsed on the calling thread: measured on the
 * loaded build machine, 1,000 rows (140 kB) parsed inline in 28 ms against a worker round trip of 86 ms, while 10,000
 * rows held the thread 319 ms inline and at most 25 ms at a time through the worker (parse 2026-12-03).
 */
export const PARSE_INLINE_CHARS = 128 * 1024;

const readFile = (text: string, format: ImportFormat): Promise<StagedFile> =>
  text.length <= PARSE_INLINE_CHARS
    ? Promise.resolve(readWebFormFile(text, format))
    : runInWorker('imports.parse', { text, format });

/**
 * Stages a file as a preview: every row valid or nothing kept. Up to ATOMIC_ROWS rows the batch and its rows are one
 * transaction. A larger file is written as `commit` writes one, in slices of about SLICE_MS each with the other calls
 * answered in between; the batch is only marked staged (`staged_at`) with its last slice, and checking or committing
 * an unmarked batch is refused, so a file half written (still going, or stopped by a crash) is never taken for the
 * whole file. An unmarked batch's rows are deleted with the abandoned previews.
 */
export async function stage(
  ctx: CallContext,
  input: { fileName: string; format: ImportFormat; text: string },
): Promise<StageResult> {
  const actor = requireActor(ctx);
  const { core } = ctx;
  const started = Date.now();
  const file = await readFile(input.text, input.format);
  if (file.errorCount > 0) {
    core.log.info('imports.stage refused', { rows: file.rowCount, errors: file.errorCount, ms: Date.now() - started });
    return { ok: false, batchId: null, rowCount: file.rowCount, errors: file.errors, errorCount: file.errorCount };
  }
  const rows = file.rowNumbers.length;
  const whole = rows <= ATOMIC_ROWS;
  // The batch is a working copy, not a record anyone changed: no audit entry until it is committed.
  const spec = { action: 'imports.stage', entity: ENTITY, audit: () => null };
  let alreadyImported = 0;
  let done = 0;
  const writeSlice = (w: WritableDB, batchId: number, until: number) => {
    do {
      const ref = stagedPiece(file, 2 * done);
      const fields = stagedPiece(file, 2 * done + 1);
      repo.insertStagedRow(w, batchId, file.rowNumbers[done] ?? 0, ref, fields);
      if (repo.findRef(w, ref)) alreadyImported += 1;
      done += 1;
    } while (done < rows && performance.now() < until);
  };
  const batchId = command(ctx, spec, ({ w, at }) => {
    repo.deleteAbandonedRows(w, new Date(core.clock.now().getTime() - ABANDONED_AFTER_MS).toISOString());
    const id = repo.insertBatch(w, {
      fileName: input.fileName,
      format: input.format,
      sha256: file.sha256,
      rowCount: file.rowCount,
      at,
      by: actor.id,
      stagedAt: whole ? at : null,
    });
    if (whole && rows > 0) writeSlice(w, id, Infinity);
    return id;
  });
  if (!whole) {
    while (done < rows) {
      await yieldToOtherCalls();
      command(ctx, spec, ({ w }) => writeSlice(w, batchId, performance.now() + SLICE_MS));
    }
    command(ctx, spec, ({ w, at }) => repo.markStaged(w, batchId, at));
  }
  core.log.info('imports.stage', { batchId, rows: file.rowCount, alreadyImported, ms: Date.now() - started });
  return { ok: true, batchId, rowCount: file.rowCount, alreadyImported };
}

function openBatch(db: ReadableDB, batchId: number): repo.BatchRow {
  const batch = repo.findBatch(db, batchId);
  if (!batch) throw notFound('Import', batchId);
  if (batch.committed_at !== null) {
    throw new DomainError(
      'CONFLICT',
      'This preview was already imported. Choose the file again to see what is new in it.',
      { reason: 'batch_committed' },
    );
  }
  if (batch.staged_at === null) {
    throw new DomainError(
      'CONFLICT',
      'This file is still being read, or reading it stopped part-way. Choose the file again.',
      { reason: 'batch_incomplete' },
    );
  }
  return batch;
}

interface Staged {
  row: number;
  ref: string;
  fields: InquiryFields;
}

const readStaged = (r: repo.StagedRow): Staged => ({
  row: r.row_number,
  ref: r.ref,
  fields: JSON.parse(r.fields_json) as InquiryFields,
});

/** Collects matches per record, each with every reason it matched for. */
class Matches {
  private readonly byKey = new Map<string, ImportMatch>();
  add(kind: ImportMatch['kind'], id: number, label: string, reason: DuplicateReason): void {
    const key = `${kind}:${id}`;
    const m = this.byKey.get(key) ?? { kind, id, label, reasons: [] };
    if (!m.reasons.includes(reason)) m.reasons.push(reason);
    this.byKey.set(key, m);
  }
  list(): ImportMatch[] {
    const order: ImportMatch['kind'][] = ['row', 'inquiry', 'patient'];
    return [...this.byKey.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.id - b.id);
  }
}

/** 'passport' never comes up here (neither a form nor an inquiry has one), and a row's reasons are the import's own. */
const importReasons = (reasons: readonly MatchReason[]): DuplicateReason[] =>
  reasons.flatMap((r) => (r === 'passport' ? [] : [r]));

// Enough earlier rows per key to decide on, as for stored records (repos/identity.ts).
const FILE_PER_KEY = 20;

/**
 * Earlier rows of the same file: the same submission, or the same person by the identity rule. Rows are bucketed by
 * their keys as stored records are indexed; matchReasons decides, as it does for inquiries and patients.
 */
class FileIndex {
  private readonly refs = new Map<string, number>();
  private readonly buckets = new Map<string, number[]>();
  private readonly rows = new Map<number, { label: string; keys: identity.IdentityKeys }>();
  private static bucketsOf(k: identity.IdentityKeys): string[] {
    const names = k.birthDate === null ? [] : [...k.words].map((w) => `b:${k.birthDate}|${w}`);
    return [...(k.email === null ? [] : [`e:${k.email}`]), ...(k.phone === null ? [] : [`p:${k.phone}`]), ...names];
  }
  add(s: Staged, keys = identity.sameKeys(identity.personFromInquiry(s.fields))): void {
    const f = s.fields;
    const label = f.contactName === f.patientName ? f.patientName : `${f.patientName} (${f.contactName})`;
    this.rows.set(s.row, { label, keys });
    if (!this.refs.has(s.ref)) this.refs.set(s.ref, s.row);
    for (const bucket of FileIndex.bucketsOf(keys)) {
      const list = this.buckets.get(bucket) ?? [];
      if (list.length < FILE_PER_KEY) list.push(s.row);
      this.buckets.set(bucket, list);
    }
  }
  match(s: Staged, keys: identity.IdentityKeys, into: Matches): void {
    const label = (row: number) => this.rows.get(row)?.label ?? '';
    const same = this.refs.get(s.ref);
    if (same !== undefined) into.add('row', same, label(same), 'submission');
    const candidates = new Set(FileIndex.bucketsOf(keys).flatMap((b) => this.buckets.get(b) ?? []));
    for (const row of [...candidates].sort((x, y) => x - y)) {
      const other = this.rows.get(row);
      if (!other) continue;
      const reasons = importReasons(identity.matchReasons(keys, other.keys));
      for (const reason of reasons) into.add('row', row, other.label, reason);
    }
  }
}

function matchStored(ctx: CallContext, keys: identity.IdentityKeys, into: Matches): void {
  const db = ctx.core.db;
  for (const { row: c, reasons } of identity.matchingInquiries(db, keys)) {
    const label = c.contact_name === c.patient_name ? c.patient_name : `${c.patient_name} (${c.contact_name})`;
    for (const reason of importReasons(reasons)) into.add('inquiry', c.id, label, reason);
  }
  for (const { row: p, reasons } of identity.matchingPatientRows(db, keys)) {
    const label = `${p.family_name} ${p.given_name} · ${p.mrn}`;
    for (const reason of importReasons(reasons)) into.add('patient', p.id, label, reason);
  }
}

/**
 * The file index of the last batch checked, per core: the screen asks for chunks in order, so each chunk continues
 * where the last stopped instead of re-reading every earlier row (which made a 5,000-row check quadratic).
 */
const fileIndexes = new WeakMap<Core, { batchId: number; upTo: number; index: FileIndex }>();

/** One chunk of rows: each with what it may repeat, including earlier rows of the same file. */
export function checkDuplicates(
  ctx: CallContext,
  input: { batchId: number; offset: number; limit: number },
): DuplicateCheck {
  requireActor(ctx);
  const { core } = ctx;
  const started = Date.now();
  openBatch(core.db, input.batchId);
  let cached = fileIndexes.get(core);
  if (!cached || cached.batchId !== input.batchId || cached.upTo !== input.offset) {
    const index = new FileIndex();
    // A row imported before is an inquiry now: it is found as one, not as a row of this file.
    for (const r of repo.stagedRowsWithRefs(core.db, input.batchId, 0, input.offset))
      if (r.inquiry_id === null) index.add(readStaged(r));
    cached = { batchId: input.batchId, upTo: input.offset, index };
  }
  const file = cached.index;
  const rows = repo.stagedRowsWithRefs(core.db, input.batchId, input.offset, input.limit).map((r): ImportRowCheck => {
    const s = readStaged(r);
    const matches = new Matches();
    if (r.inquiry_id === null) {
      const keys = identity.sameKeys(identity.personFromInquiry(s.fields));
      file.match(s, keys, matches);
      matchStored(ctx, keys, matches);
      file.add(s, keys);
    }
    const f = s.fields;
    return {
      row: s.row,
      ref: s.ref,
      summary: {
        submittedAt: f.receivedAt,
        patientName: f.patientName,
        contactName: f.contactName,
        email: f.contactEmail,
        phone: f.contactPhone,
        messaging: f.messagingHandle,
        country: f.country,
      },
      alreadyImported: r.inquiry_id !== null,
      importedInquiryId: r.inquiry_id,
      matches: matches.list(),
    };
  });
  fileIndexes.set(core, { batchId: input.batchId, upTo: input.offset + rows.length, index: file });
  core.log.info('imports.checkDuplicates', {
    batchId: input.batchId,
    offset: input.offset,
    rows: rows.length,
    ms: Date.now() - started,
  });
  return { rows, total: repo.countStagedRows(core.db, input.batchId) };
}

const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION', message, { fields: [{ path, message }] });

function mergeNote(s: Staged): string {
  const f = s.fields;
  const contact = [f.contactName, f.contactEmail, f.contactPhone, f.messagingHandle]
    .filter((x) => x !== null)
    .join(' · ');
  const patient = [f.patientName, f.patientBirthDate === null ? null : `born ${f.patientBirthDate}`]
    .filter((x) => x !== null)
    .join(', ');
  const head = `Repeated web-form submission (${s.ref}, sent ${f.receivedAt}).\nFrom: ${contact}\nPatient: ${patient}`;
  const message = f.message === null ? '' : `\nMessage: ${f.message}`;
  // The timeline entry holds at most 5,000 characters, like a typed one.
  return (head + message).slice(0, 5000);
}

/** Up to this many rows an import is one transaction; a larger one is written in slices (see `commit`). */
export const ATOMIC_ROWS = 500;
/** How long one slice of a large import may hold the thread that answers calls. */
const SLICE_MS = 10;
/** Staged rows read per step before a large commit: reading and parsing 30,000 at once held the thread too. */
const READ_PAGE = 2000;
/** Batches being committed now, per core: a second commit of the same preview waits for no one, it is refused. */
const committing = new WeakMap<Core, Set<number>>();
const yieldToOtherCalls = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Progress {
  counts: { created: number; merged: number; skipped: number; alreadyImported: number };
  createdIds: number[];
  createdByRow: Map<number, number>;
}

/** Every row decided, every merge into something that will exist: refused before anything is written. */
function checkDecisions(db: ReadableDB, staged: Staged[], decisions: ImportDecision[]): Map<number, ImportDecision> {
  const byRow = new Map(staged.map((s) => [s.row, s]));
  const decided = new Map<number, ImportDecision>();
  decisions.forEach((d, i) => {
    if (!byRow.has(d.row)) throw invalid(`decisions.${i}.row`, `Row ${d.row} is not in this file.`);
    decided.set(d.row, d);
  });
  const undecided = staged.filter((s) => !decided.has(s.row)).map((s) => s.row);
  if (undecided.length > 0)
    throw invalid(
      'decisions',
      `Every row needs a decision; missing: ${undecided.slice(0, 10).join(', ')}${undecided.length > 10 ? '…' : ''}`,
    );
  for (const d of decided.values()) {
    if (d.action === 'merge' && d.mergeInquiryId !== null && !repo.inquiryExists(db, d.mergeInquiryId))
      throw invalid(
        `rows.${d.row}`,
        `Row ${d.row} is to be merged into inquiry ${d.mergeInquiryId}, which does not exist.`,
      );
  }
  return decided;
}

/** A row to create; a ref already used (by an earlier import or row) stands as it is. */
function writeCreate(w: WritableDB, at: string, actorId: number, batchId: number, s: Staged, p: Progress): void {
  {
    if (repo.findRef(w, s.ref) !== undefined) {
      p.counts.alreadyImported += 1;
      return;
    }
    const id = insertInquiry(w, s.fields, { at, by: actorId });
    // As for a typed inquiry, its story starts when the family wrote, not when the file was imported.
    insertStatusChange(w, {
      inquiryId: id,
      at: s.fields.receivedAt,
      from: null,
      to: 'new',
      reason: null,
      authorId: actorId,
    });
    repo.insertRef(w, { ref: s.ref, inquiryId: id, batchId, action: 'created', at });
    p.createdIds.push(id);
    p.createdByRow.set(s.row, id);
    p.counts.created += 1;
  }
}

/** A row to merge, after every create (a row may join a later row of the file). */
function writeMerge(
  w: WritableDB,
  at: string,
  actorId: number,
  batchId: number,
  [s, d]: [Staged, ImportDecision],
  byRow: Map<number, Staged>,
  p: Progress,
): void {
  {
    if (repo.findRef(w, s.ref) !== undefined) {
      p.counts.alreadyImported += 1;
      return;
    }
    const targetRow = d.mergeRow === null ? null : byRow.get(d.mergeRow);
    const targetId =
      d.mergeInquiryId ??
      p.createdByRow.get(d.mergeRow ?? 0) ??
      (targetRow ? repo.findRef(w, targetRow.ref)?.inquiry_id : undefined);
    if (targetId === undefined)
      throw invalid(
        `rows.${s.row}`,
        `Row ${s.row} is to be merged into row ${d.mergeRow ?? '?'}, which is not being imported.`,
      );
    const target = repo.inquiryExists(w, targetId);
    if (!target)
      throw invalid(`rows.${s.row}`, `Row ${s.row} is to be merged into inquiry ${targetId}, which does not exist.`);
    // Never before the inquiry it joins, so the timeline keeps its order.
    const when = s.fields.receivedAt > target.received_at ? s.fields.receivedAt : target.received_at;
    insertActivity(w, {
      inquiryId: targetId,
      at: when,
      kind: 'document',
      summary: mergeNote(s),
      authorId: actorId,
      createdAt: at,
    });
    repo.insertRef(w, { ref: s.ref, inquiryId: targetId, batchId, action: 'merged', at });
    p.counts.merged += 1;
  }
}

/** All staged rows of a batch, read a page at a time with the other calls answered in between. */
async function readAllStaged(db: ReadableDB, batchId: number): Promise<Staged[]> {
  const rows: Staged[] = [];
  for (let offset = 0; ; offset += READ_PAGE) {
    const page = repo.stagedRows(db, batchId, offset, READ_PAGE);
    rows.push(...page.map(readStaged));
    if (page.length < READ_PAGE) return rows;
    await yieldToOtherCalls();
  }
}

/**
 * Commits a preview as decided. Up to ATOMIC_ROWS rows: one transaction, all or nothing. A larger file is written
 * in slices of about SLICE_MS each, each its own transaction, yielding to the event loop between them so the desk's other
 * calls are answered meanwhile (a 30,000-row import held every call for seconds). A large commit stopped part-way
 * (a crash, a full disk) keeps what it wrote and leaves the preview open: committing it again finishes the rest, the
 * rows already written counted as already imported (each row's ref is written with its inquiry). The one audit entry
 * and the batch's closing are written last, together.
 */
export async function commit(
  ctx: CallContext,
  input: { batchId: number; decisions: ImportDecision[] },
  onProgress?: (done: number, total: number) => void,
): Promise<CommitResult> {
  requireActor(ctx);
  const { core } = ctx;
  const started = Date.now();
  openBatch(core.db, input.batchId);
  const staged = await readAllStaged(core.db, input.batchId);
  const decided = checkDecisions(core.db, staged, input.decisions);
  const byRow = new Map(staged.map((s) => [s.row, s]));
  const busy = committing.get(core) ?? new Set<number>();
  committing.set(core, busy);
  if (busy.has(input.batchId)) throw new DomainError('CONFLICT', 'This preview is being imported already.');
  busy.add(input.batchId);
  try {
    const p: Progress = {
      counts: { created: 0, merged: 0, skipped: 0, alreadyImported: 0 },
      createdIds: [],
      createdByRow: new Map(),
    };
    const creates: Staged[] = [];
    const merges: [Staged, ImportDecision][] = [];
    for (const s of staged) {
      const d = decided.get(s.row);
      if (d?.action === 'skip' && repo.findRef(core.db, s.ref) === undefined) p.counts.skipped += 1;
      else if (d?.action === 'skip') p.counts.alreadyImported += 1;
      else if (d?.action === 'merge') merges.push([s, d]);
      else creates.push(s);
    }
    const audit = (_: null, r: CommitResult & { batch: repo.BatchRow }) => ({
      entityId: r.batch.id,
      before: null,
      // Counts and ids only: the rows themselves are in the inquiries they became.
      after: {
        format: r.batch.format,
        rows: r.batch.row_count,
        created: r.created,
        merged: r.merged,
        skipped: r.skipped,
        alreadyImported: r.alreadyImported,
        inquiryIds: r.createdIds,
      },
    });
    const finish = (w: WritableDB, at: string) => {
      const batch = openBatch(w, input.batchId);
      repo.markCommitted(w, batch.id, at);
      fileIndexes.delete(core);
      // A large preview's copy of its rows goes after the commit, a slice at a time (it is no longer read).
      if (staged.length <= ATOMIC_ROWS) repo.deleteStagedRows(w, batch.id);
      return { ...p.counts, createdIds: p.createdIds, batch };
    };
    const spec = { action: 'imports.commit', entity: ENTITY, audit };
    let out: CommitResult & { batch: repo.BatchRow };
    const writes: ((w: WritableDB, at: string, actorId: number) => void)[] = [
      ...creates.map((s) => (w: WritableDB, at: string, by: number) => writeCreate(w, at, by, input.batchId, s, p)),
      ...merges.map(
        (m) => (w: WritableDB, at: string, by: number) => writeMerge(w, at, by, input.batchId, m, byRow, p),
      ),
    ];
    if (staged.length <= ATOMIC_ROWS) {
      out = command(ctx, spec, ({ w, actor, at }) => {
        for (const write of writes) write(w, at, actor.id);
        return finish(w, at);
      });
    } else {
      // Slices leave no audit entry of their own: the import's one entry, with every id, closes it.
      const part = { action: 'imports.commit', entity: ENTITY, audit: () => null };
      let done = 0;
      while (done < writes.length) {
        command(ctx, part, ({ w, at, actor }) => {
          openBatch(w, input.batchId);
          const until = performance.now() + SLICE_MS;
          do writes[done++]?.(w, at, actor.id);
          while (done < writes.length && performance.now() < until);
        });
        onProgress?.(done, writes.length);
        await yieldToOtherCalls();
      }
      core.log.info('imports.commit written', { batchId: input.batchId, rows: writes.length });
      out = command(ctx, spec, ({ w, at }) => finish(w, at));
      while (command(ctx, part, ({ w }) => repo.deleteStagedSlice(w, input.batchId, READ_PAGE)) > 0)
        await yieldToOtherCalls();
    }
    const { batch: _batch, ...result } = out;
    core.log.info('imports.commit', {
      batchId: input.batchId,
      created: result.created,
      merged: result.merged,
      ms: Date.now() - started,
    });
    return result;
  } finally {
    busy.delete(input.batchId);
  }
}
