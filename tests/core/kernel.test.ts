// The command kernel: actor, one IMMEDIATE transaction, load-or-NOT_FOUND, version check, audit in the same transaction.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findInquiry, updateInquiryFields } from '../../db/repos/inquiries';
import type { CallContext } from '../../db/services/context';
import { DomainError } from '../../db/sqlite/domain-error';
import { command, recordEvent } from '../../db/services/kernel';
import type { Inquiry } from '../../db/contract';
import { InquiryFields } from '../../db/contract';
import { auditCount, fixedClock, inquiryInput, makeCore, staff } from './support';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function setUp() {
  const core = makeCore({ clock: fixedClock('2026-11-25T10:00:00.000Z') });
  const { doctor, ids } = await staff(core);
  const inquiry = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
  const ctx: CallContext = {
    core,
    actor: { id: ids.doctor, username: 'doctor', displayName: 'Dr. Daria', role: 'doctor', language: null },
    session: { token: null },
  };
  const rename = (name: string) => ({ ...InquiryFields.parse(inquiryInput()), patientName: name });
  const spec = (id: number, version?: number) => ({
    action: 'test.rename',
    entity: 'inquiry',
    id,
    load: findInquiry,
    label: 'Inquiry',
    ...(version === undefined ? {} : { version }),
  });
  return { core, ctx, inquiry, rename, spec };
}

const lastAudit = (ctx: CallContext) =>
  ctx.core.db
    .prepare(
      'SELECT action, actor_id, entity, entity_id, at, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1',
    )
    .get() as {
    action: string;
    actor_id: number | null;
    entity_id: number | null;
    at: string;
    before_json: string | null;
    after_json: string | null;
  };

describe('command kernel', () => {
  it('runs the body on the loaded record and audits only what changed, as its actor, at its instant', async () => {
    const { ctx, inquiry, rename, spec } = await setUp();
    const after = command(ctx, spec(inquiry.id, inquiry.version), ({ w, before, at }) => {
      expect(before.id).toBe(inquiry.id);
      expect(ctx.core.db.inTransaction).toBe(true);
      updateInquiryFields(w, before.id, rename('Renamed Patient'), at);
      return findInquiry(w, before.id);
    });
    expect(after?.patientName).toBe('Renamed Patient');
    const entry = lastAudit(ctx);
    expect(entry).toMatchObject({
      action: 'test.rename',
      actor_id: ctx.actor?.id,
      entity_id: inquiry.id,
      at: '2026-11-25T10:00:00.000Z',
    });
    expect(JSON.parse(entry.before_json ?? 'null')).toMatchObject({
      patientName: 'Nikolai Sokolov',
      version: inquiry.version,
    });
    expect(JSON.parse(entry.after_json ?? 'null')).toMatchObject({
      patientName: 'Renamed Patient',
      version: inquiry.version + 1,
    });
    expect(Object.keys(JSON.parse(entry.after_json ?? '{}'))).not.toContain('channel');
  });

  it('refuses a missing record with NOT_FOUND before the body runs, writing nothing', async () => {
    const { ctx, spec } = await setUp();
    const before = auditCount(ctx.core);
    let ran = false;
    const attempt = () => command(ctx, spec(9999), () => (ran = true));
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'NOT_FOUND', details: { entity: 'Inquiry', id: 9999 } }));
    expect(ran).toBe(false);
    expect(auditCount(ctx.core)).toBe(before);
  });

  it('refuses a stale version with CONFLICT carrying the current version, who changed it last and when', async () => {
    const { ctx, inquiry, spec } = await setUp();
    const creator = ctx.core.db
      .prepare("SELECT display_name AS name FROM accounts WHERE username = 'doctor'")
      .get() as { name: string };
    let ran = false;
    const attempt = () =>
      command(ctx, { ...spec(inquiry.id, inquiry.version + 5), conflictMessage: 'Reload.' }, () => (ran = true));
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Reload.',
        details: {
          reason: 'stale_version',
          currentVersion: inquiry.version,
          changedBy: creator.name,
          changedAt: '2026-11-25T10:00:00.000Z',
        },
      }),
    );
    expect(ran).toBe(false);
  });

  it('rolls back the body and its audit entries together when the body throws after writing', async () => {
    const { ctx, inquiry, rename, spec } = await setUp();
    const before = auditCount(ctx.core);
    expect(() =>
      command(ctx, spec(inquiry.id, inquiry.version), ({ w, at, audit }) => {
        updateInquiryFields(w, inquiry.id, rename('Never Saved'), at);
        audit('test.extra', 'inquiry', inquiry.id, null, { note: 'also rolled back' });
        throw new DomainError('VALIDATION', 'refused late');
      }),
    ).toThrow(/refused late/);
    expect(findInquiry(ctx.core.db, inquiry.id)?.patientName).toBe('Nikolai Sokolov');
    expect(auditCount(ctx.core)).toBe(before);
  });

  it('rolls back the body when its audit entry cannot be written', async () => {
    const { ctx, inquiry, rename, spec } = await setUp();
    ctx.core.db.exec(
      "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'test.rename' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END",
    );
    expect(() =>
      command(ctx, spec(inquiry.id, inquiry.version), ({ w, at }) => {
        updateInquiryFields(w, inquiry.id, rename('Not Audited'), at);
        return findInquiry(w, inquiry.id);
      }),
    ).toThrow(/audit unavailable/);
    expect(findInquiry(ctx.core.db, inquiry.id)?.patientName).toBe('Nikolai Sokolov');
  });

  it('needs an actor for a command, and records events with or without one', async () => {
    const { ctx, inquiry, spec } = await setUp();
    expect(() => command({ ...ctx, actor: null }, spec(inquiry.id), () => null)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
    recordEvent(ctx.core, null, 'test.event', 'account', null);
    expect(lastAudit(ctx)).toMatchObject({ action: 'test.event', actor_id: null, before_json: null, after_json: null });
  });

  it('is the only place in db/ that makes a writable handle (the seed alone uses the named bulk escape)', () => {
    const users: Record<string, string[]> = { writableInTransaction: [], bulkWritable: [] };
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(path.join(root, 'db')).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(root, file).split(path.sep).join('/');
      for (const name of Object.keys(users)) if (new RegExp(`\\b${name}\\(`).test(text)) users[name]?.push(rel);
    }
    expect(users.writableInTransaction).toEqual(['db/services/kernel.ts']);
    // The seed's own files (its two threads write through the same escape), and nothing outside db/seed/.
    expect(users.bulkWritable).toEqual(['db/seed/generate.ts', 'db/seed/parallel.ts', 'db/seed/seed-worker.ts']);
  });
});
