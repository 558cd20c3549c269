// A seeded demo clinic for the export tests, plus what the seed lacks: adverse events, an attachment, a withdrawn consent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFile, ExportProgress } from '../../db/contract';
import { seedClinic, DEMO_SIZE } from '../../db/seed/generate';
import type { Core } from '../../db/services/core';
import { caller, fixedClock, makeCore, type Caller } from './support';

/** A caller signed in as one of the demo seed's accounts. */
export const signedIn =
  (core: Core) =>
  async (username: string, password: string): Promise<Caller> => {
    const c = caller(core);
    await c.ok('auth.signIn', { username, password });
    return c;
  };

export async function exportClinic() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-export-'));
  const core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z'), attachmentsDir: dir });
  await seedClinic(core, DEMO_SIZE);
  const signIn = signedIn(core);
  const doctor = await signIn('dr.zhang', 'demo-doctor-2026');
  const admin = await signIn('admin', 'demo-admin-2026');
  const coordinator = await signIn('coord.li', 'demo-coord-2026');
  const done = core.db
    .prepare(
      `SELECT id, patient_id AS patientId, substr(performed_start, 1, 10) AS day FROM procedures
        WHERE status = 'completed' AND performed_start < '2026-11-20' ORDER BY id LIMIT 4`,
    )
    .all() as { id: number; patientId: number; day: string }[];
  const grades = [1, 2, 3, 2];
  for (const [i, p] of done.entries()) {
    const grade = grades[i] ?? 1;
    await doctor.ok('adverseEvents.record', {
      patientId: p.patientId,
      fields: {
        procedureId: p.id,
        onsetOn: p.day,
        description: 'Headache after the puncture',
        category: i === 1 ? 'fever' : 'post_lp_headache',
        categoryOther: null,
        grade,
        serious: i === 2,
        relatedness: 'probable',
        actionTaken: null,
        outcome: 'recovering',
        followUpOn: grade >= 3 || i === 2 ? '2026-11-30' : null,
      },
    });
  }
  const withFile = done[0]?.patientId ?? 1;
  const bytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% discharge letter\n%%EOF\n');
  const attachment = await coordinator.ok<{ id: number }>('attachments.add', {
    owner: { kind: 'patient', id: withFile },
    kind: 'medical_record',
    fileName: 'Discharge letter.pdf',
    mime: 'application/pdf',
    contentBase64: bytes.toString('base64'),
    note: null,
  });
  const consent = core.db
    .prepare(`SELECT c.id, c.version, c.given_on AS givenOn FROM consents c WHERE c.type = 'photo_video' LIMIT 1`)
    .get() as { id: number; version: number; givenOn: string } | undefined;
  if (consent) {
    await coordinator.ok('consents.withdraw', {
      id: consent.id,
      version: consent.version,
      withdrawnOn: '2026-11-24',
      note: null,
    });
  }
  // The demo seed records adverse events of its own: count them all, the four above among them.
  const aes = (core.db.prepare('SELECT count(*) AS n FROM adverse_events').get() as { n: number }).n;
  return { core, dir, doctor, admin, coordinator, bytes, attachmentId: attachment.id, withFile, aes };
}

/** Starts an export and waits for it by polling, as the screen does; returns the files. */
export async function runToEnd(c: Caller, method: string, input: unknown): Promise<ExportFile[]> {
  let p = await c.ok<ExportProgress>(method, input);
  while (p.state === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    p = await c.ok<ExportProgress>('exports.progress', { id: p.id });
  }
  if (p.state !== 'done') throw new Error(`export ended ${p.state}`);
  return c.ok<ExportFile[]>('exports.result', { id: p.id });
}
