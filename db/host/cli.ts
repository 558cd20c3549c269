// The host's command line: open (or create) a clinic's records, optionally seed them, and serve the app on 127.0.0.1.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countAccounts } from '../repos/accounts';
import { DEMO_SIZE, parseSeedSize, seedClinic, type SeedResult } from '../seed/generate';
import { openDatabase } from '../sqlite/open';
import { createCore, stderrLogger } from '../services/core';
import { DomainError } from '../services/errors';
import { DB_FILE_NAME, resolveDataDir } from './data-dir';
import { startHost } from './server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    seed: { type: 'string' },
    renderer: { type: 'string' },
    'offer-demo': { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
  strict: true,
});

function printAccounts(result: SeedResult): void {
  if (result.accounts.length === 0) return;
  console.log('Demo accounts (synthetic clinic, no real people):');
  for (const a of result.accounts) console.log(`  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.password}`);
}

async function main(): Promise<void> {
  const dbPath = values.db ? path.resolve(values.db) : path.join(resolveDataDir(values['data-dir']), DB_FILE_NAME);
  const { db, migration } = openDatabase(dbPath);
  if (migration.backupPath) console.log(`Upgraded the records (schema ${migration.from} → ${migration.to}); the copy from before is ${migration.backupPath}`);
  const log = values.quiet ? { info: () => undefined, error: stderrLogger.error } : stderrLogger;
  const core = createCore(db, { log });

  if (values.seed) {
    const size = parseSeedSize(values.seed);
    const started = performance.now();
    const result = await seedClinic(core, size);
    console.log(`Seeded ${result.inquiries.toLocaleString('en')} inquiries in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    printAccounts(result);
  } else if (values['offer-demo'] && countAccounts(db) === 0) {
    console.log(`The data folder is empty: creating the demo clinic in ${path.dirname(dbPath)}`);
    printAccounts(await seedClinic(core, DEMO_SIZE));
  }

  const host = await startHost({
    core,
    port: Number(values.port),
    rendererDir: values.renderer ? path.resolve(values.renderer) : path.join(repoRoot, 'build', 'out', 'renderer'),
  });
  console.log(`StrokeDesk is running at ${host.openUrl}`);

  const stop = async () => {
    await host.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  if (err instanceof DomainError || err instanceof Error) console.error(`StrokeDesk could not start: ${err.message}`);
  else console.error('StrokeDesk could not start.');
  process.exit(1);
});
