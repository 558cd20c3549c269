// A disk that fills up (#12 item 10): DB_FULL in words, nothing committed is lost, the next write after space is freed
// succeeds on the same connection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inquiryInput, makeCore, staff } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('refuses with DB_FULL, keeps every acknowledged write, and recovers without a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-auth-full-'));
    dirs.push(dir);
    const core = makeCore({ path: path.join(dir, 'records.sqlite') });
    const { coordinator } = await staff(core);
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    // The injected "disk": a few more pages than there are now.
    core.db.pragma(`max_page_count = ${pages + 8}`);
    const acknowledged: number[] = [];
    let refusal: { code: string; message: string } | null = null;
    for (let i = 0; i < 500 && !refusal; i += 1) {
      const r = await coordinator.call('inquiries.create', inquiryInput({ message: `note ${i} ${'x'.repeat(1500)}` }));
      if (r.ok) acknowledged.push((r.value as { id: number }).id);
      else refusal = r.error;
    }
    expect(refusal?.code).toBe('DB_FULL');
    expect(refusal?.message).toMatch(
      /^The disk is full: this change was not saved, and everything saved before is safe/,
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    // Reads still answer, and every acknowledged write is there.
    const ids = (core.db.prepare('SELECT id FROM inquiries ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    expect(ids).toEqual(acknowledged);
    const second = await coordinator.call('inquiries.create', inquiryInput({ message: 'y'.repeat(1500) }));
    expect(second.ok ? null : second.error.code).toBe('DB_FULL');

    core.db.pragma('max_page_count = 1073741823');
    const after = await coordinator.call('inquiries.create', inquiryInput({ message: 'y'.repeat(1500) }));
    expect(after.ok).toBe(true);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((core.db.prepare('SELECT count(*) AS n FROM inquiries').get() as { n: number }).n).toBe(ids.length + 1);
  });
});
