// `npm run bench`: builds a large synthetic clinic and times the coordinator's busiest calls against a full-table scan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../db/api/dispatch';
import { seedClinic } from '../../db/seed/generate';
import { openDatabase } from '../../db/sqlite/open';
import { createCore, silentLogger } from '../../db/services/core';
import { printTable, time } from './stats';

const inquiries = Number(process.env.BENCH_INQUIRIES ?? 300_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bench-'));
const { db } = openDatabase(path.join(dir, 'bench.sqlite'));
const core = createCore(db, { log: silentLogger, passwordLog2N: 10 });

const seedStart = performance.now();
const seeded = await seedClinic(core, { inquiries });
console.log(`seeded ${inquiries.toLocaleString('en')} inquiries in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

const coordinator = seeded.accounts.find((a) => a.role === 'coordinator');
if (!coordinator) throw new Error('the seed made no coordinator');
const session = { token: null as string | null };
const call = async (method: string, input: unknown) => {
  const r = await dispatch(core, session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
  return r.value;
};
await call('auth.signIn', { username: coordinator.username, password: coordinator.password });

const words = ['li', 'wang', 'anna', 'ivan', 'moh', 'smi', 'example.org', '138', '7701'];
const baseline = await time('baseline: full scan of inquiries (LIKE)', runs / 4, () =>
  db.prepare("SELECT count(*) FROM inquiries WHERE coalesce(message, '') LIKE '%zzqq%'").get(),
);
const rows = [
  await time('inquiries.worklist (mine)', runs, () => call('inquiries.worklist', { scope: 'mine' })),
  await time('inquiries.worklist (all)', runs, () => call('inquiries.worklist', { scope: 'all' })),
  await time('inquiries.list first page', runs, () => call('inquiries.list', {})),
  await time('inquiries.list status=new, by follow-up', runs, () => call('inquiries.list', { statuses: ['new'], sort: 'nextFollowUp', direction: 'asc' })),
  await time('inquiries.list overdue', runs, () => call('inquiries.list', { followUp: 'overdue' })),
  await time('inquiries.list text search (LIKE, until FTS)', runs / 4, (i) => call('inquiries.list', { text: words[i % words.length] })),
  await time('inquiries.get', runs, (i) => call('inquiries.get', { id: 1 + ((i * 7919) % inquiries) })),
];
printTable(rows, baseline);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
