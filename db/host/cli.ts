// The host's command line: open (or create) a clinic's records, optionally seed them, and serve the app on 127.0.0.1.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bootstrap, closeCore, warmUpInBackground } from '../app/bootstrap';
import { resolveDataDir } from '../app/data-dir';
import { parseSeedSize } from '../seed/generate';
import { startBackupSchedule } from '../services/backup-schedule';
import { stderrLogger } from '../services/core';
import { startHost } from './server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** How long calls under way (a sign-in's hash, an import) may take to answer once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 10_000;

const USAGE =
  'Usage: tsx db/host/cli.ts [--db FILE | --data-dir DIR] [--port N] [--seed demo|N|N:P] [--renderer DIR] [--offer-demo] [--no-open] [--quiet]';

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
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a whole number from 0 to 65535 (got ${values.port}).`);
  return { ...values, port };
}

/** Best effort: hand the address to the desktop's browser where there is a desktop; the printed line is the real interface. */
function openBrowser(url: string): void {
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
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
  const log = values.quiet ? { info: () => undefined, error: stderrLogger.error } : stderrLogger;
  const { core, recovery } = await bootstrap({
    ...(values.db ? { dbFile: values.db } : { dataDir: resolveDataDir(values['data-dir']) }),
    ...(values.seed ? { seed: parseSeedSize(values.seed) } : {}),
    offerDemo: values['offer-demo'],
    // The host serves development, demos and browser tests, never the packaged app: check every answer's shape.
    checkOutputs: true,
    log,
    say: (line) => console.log(line),
  });

  const host = await startHost({
    core,
    port: values.port,
    rendererDir: values.renderer ? path.resolve(values.renderer) : path.join(repoRoot, 'build', 'out', 'renderer'),
  });
  // Backups daily at the set time and on quit if none today; never in recovery mode (nothing sound to copy) until an
  // admin's restore has put sound records in place.
  let schedule = recovery === null ? startBackupSchedule(core) : null;
  recovery?.afterRestore.push(() => (schedule = startBackupSchedule(core)));
  if (recovery) console.log(`Recovery mode: sign in as an administrator to restore a backup of ${recovery.dbFile}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      // A second Ctrl+C must not cut a close half-way (calls under way, the records file): say so and carry on.
      console.log('StrokeDesk is still shutting down…');
      return;
    }
    stopping = true;
    console.log('Stopping StrokeDesk: finishing the calls under way…');
    await host.close(SHUTDOWN_GRACE_MS);
    schedule?.stop();
    await schedule?.beforeQuit();
    closeCore(core);
    process.exit(0);
  };
  // Listening before the address is printed: whoever reads that line may stop us at once, and must get a clean close.
  // `on`, not `once`: with no listener left, a second signal would take Node's default and kill the process.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`StrokeDesk is running at ${host.openUrl}`);
  if (!values['no-open']) openBrowser(host.openUrl);
  warmUpInBackground(core);
}

main().catch((err: unknown) => {
  // DomainError (DB_TOO_NEW, DB_FOREIGN, …) carries a sentence meant for a person: one line, no stack.
  const message = err instanceof Error ? err.message.replace(/\s*\n\s*/g, ' ') : 'unknown error';
  console.error(`StrokeDesk could not start: ${message}`);
  process.exit(1);
});
