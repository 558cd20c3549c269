// The host's command line: open (or create) a clinic's records, optionally seed them, and serve the app on 127.0.0.1.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countAccounts } from '../repos/accounts';
import { DEMO_SIZE, parseSeedSize, seedClinic, type SeedResult } from '../seed/generate';
import { openDatabase } from '../sqlite/open';
import { createCore, stderrLogger } from '../services/core';
import { warmUp } from '../services/search';
import { DB_FILE_NAME, resolveDataDir } from './data-dir';
import { startHost } from './server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const USAGE = 'Usage: tsx db/host/cli.ts [--db FILE | --data-dir DIR] [--port N] [--seed demo|N|N:P] [--renderer DIR] [--offer-demo] [--no-open] [--quiet]';

function readArgs() {
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
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535 (got ${values.port}).`);
  return { ...values, port };
}

function printAccounts(result: SeedResult): void {
  if (result.accounts.length === 0) return;
  console.log('Demo accounts (synthetic clinic, no real people):');
  console.log(`  ${'username'.padEnd(14)} ${'role'.padEnd(12)} password`);
  for (const a of result.accounts) console.log(`  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.password}`);
}

/** Best effort: hand the address to the desktop's browser where there is a desktop; the printed line is the real interface. */
function openBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [cmd, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the printed address still works.
  }
}

async function main(): Promise<void> {
  const values = readArgs();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dbPath = values.db ? path.resolve(values.db) : path.join(resolveDataDir(values['data-dir']), DB_FILE_NAME);
  const { db, migration } = openDatabase(dbPath);
  if (migration.backupPath) console.log(`Upgraded the records (schema ${migration.from} → ${migration.to}); the copy from before is ${migration.backupPath}`);
  const log = values.quiet ? { info: () => undefined, error: stderrLogger.error } : stderrLogger;
  // Attachments live beside the records, so a copy of the data folder is a complete copy.
  const core = createCore(db, { log, attachmentsDir: path.join(path.dirname(dbPath), 'attachments') });

  if (values.seed) {
    const size = parseSeedSize(values.seed);
    const started = performance.now();
    const result = await seedClinic(core, size);
    console.log(`Seeded ${result.inquiries.toLocaleString('en')} inquiries and ${result.patients.toLocaleString('en')} patients in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    printAccounts(result);
  } else if (values['offer-demo'] && countAccounts(db) === 0) {
    console.log(`The data folder is empty: creating the demo clinic in ${path.dirname(dbPath)}`);
    printAccounts(await seedClinic(core, DEMO_SIZE));
  }

  const host = await startHost({
    core,
    port: values.port,
    rendererDir: values.renderer ? path.resolve(values.renderer) : path.join(repoRoot, 'build', 'out', 'renderer'),
  });
  console.log(`StrokeDesk is running at ${host.openUrl}`);
  if (!values['no-open']) openBrowser(host.openUrl);
  // After listening, so start-up does not wait for it; the first search a person types then finds everything ready.
  setImmediate(() => {
    try {
      log.info('search warmed up', { ms: Math.round(warmUp(core)) });
    } catch (err) {
      // Only a head start: a failure here shows again, with its message, on the first real search.
      log.error('search warm-up failed', err);
    }
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  // DomainError (DB_TOO_NEW, DB_FOREIGN, …) carries a sentence meant for a person: one line, no stack.
  const message = err instanceof Error ? err.message.replace(/\s*\n\s*/g, ' ') : 'unknown error';
  console.error(`StrokeDesk could not start: ${message}`);
  process.exit(1);
});
