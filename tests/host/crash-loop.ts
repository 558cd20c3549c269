// The kill -9 loop: a child writes through the core, the parent kills it at a random moment, reopens the folder the
// way the app does (quick_check, audit chain against its anchor) and checks every acknowledged write is there.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bootstrap } from '../../db/app/bootstrap';
import { silentLogger } from '../../db/services/core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = path.join(root, 'tests', 'host', 'crash-writer.ts');

/**
 * The writer bundled once with esbuild (the same tool that bundles the desktop shell): a plain `node` start takes
 * half the CPU of tsx compiling db/ on every cycle, and the shared machine has two cores. better-sqlite3 stays
 * external, imported by its absolute path so the bundle may live in a temporary folder.
 */
const bundleWriter = (outdir: string): Promise<string> => bundleChild(WRITER, outdir);

/** Any child script of the kill tests, bundled the same way (the restore kill test's child too). */
export async function bundleChild(entry: string, outdir: string): Promise<string> {
  const sqlite = createRequire(path.join(root, 'package.json')).resolve('better-sqlite3');
  const outfile = path.join(outdir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'better-sqlite3-by-path',
        setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })),
      },
    ],
  });
  return outfile;
}

export interface CrashLoopResult {
  cycles: number;
  acknowledged: number;
  lost: number[];
  /** Cycles whose reopen found a problem (integrity, audit chain); empty when all held. */
  problems: string[];
  /** Cycles killed before the writer was ready (during its open), which still must reopen sound. */
  killedDuringOpen: number;
  seconds: number;
}

/**
 * One child run, killed `killAtMs` after it said ready (it is writing then) or, with `duringOpen`, that long after it
 * started (it is opening, migrating, verifying or signing in). Resolves with the ids it acknowledged.
 */
function writeUntilKilled(
  writer: string,
  dataDir: string,
  base: number,
  killAtMs: number,
  duringOpen: boolean,
): Promise<{ acks: number[]; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(base)], { cwd: root });
    const acks: number[] = [];
    let ready = false;
    let pending = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          ready = true;
          if (!duringOpen) timer = setTimeout(() => child.kill('SIGKILL'), killAtMs);
        } else if (line.startsWith('ack ')) acks.push(Number(line.slice(4)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    let timer = duringOpen ? setTimeout(() => child.kill('SIGKILL'), killAtMs) : undefined;
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // An ack line cut by the kill was never acknowledged: only whole lines count.
      if (signal === 'SIGKILL') resolve({ acks, ready });
      else reject(new Error(`the writer exited by itself (${String(code)}): ${err.slice(0, 2000)}`));
    });
  });
}

/** The folder as the app opens it: damage from quick_check, the audit chain (incremental, then full) and its anchor. */
async function reopenAndCheck(
  dataDir: string,
  acknowledged: readonly number[],
): Promise<{ lost: number[]; problem: string | null }> {
  const { core, damage } = await bootstrap({ dataDir, log: silentLogger, checkOutputs: false, passwordLog2N: 10 });
  try {
    const problems: string[] = [];
    if (damage !== null) problems.push(`opened damaged: ${damage}`);
    const integrity = core.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    // The open verified incrementally from the anchor; an anchor older than the log is allowed, a cut tail is not.
    if (core.auditChain.status.state !== 'ok')
      problems.push(`audit chain on open: ${JSON.stringify(core.auditChain.status)}`);
    const full = core.auditChain.verify(core.db, 'full', new Date().toISOString());
    if (full.state !== 'ok') problems.push(`audit chain, full: ${JSON.stringify(full)}`);
    const present = new Set(core.db.prepare('SELECT id FROM patients').pluck().all() as number[]);
    return {
      lost: acknowledged.filter((id) => !present.has(id)),
      problem: problems.length ? problems.join('; ') : null,
    };
  } finally {
    core.db.close();
  }
}

export async function runCrashLoop(o: {
  cycles: number;
  /** The latest moment of a kill after the writer is ready. */ maxKillMs?: number;
  log?: (line: string) => void;
}): Promise<CrashLoopResult> {
  const started = performance.now();
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-crash-'));
  const dataDir = path.join(temp, 'data');
  const writer = await bundleWriter(temp);
  const acknowledged: number[] = [];
  const lost: number[] = [];
  const problems: string[] = [];
  let killedDuringOpen = 0;
  // Most kills land while the writer writes; one cycle in five kills it while it opens the file.
  const maxKillMs = o.maxKillMs ?? 400;
  try {
    for (let cycle = 1; cycle <= o.cycles; cycle += 1) {
      const duringOpen = cycle % 5 === 0;
      const killAt = duringOpen ? 100 + Math.random() * 500 : Math.random() * maxKillMs;
      const run = await writeUntilKilled(writer, dataDir, cycle * 100_000, killAt, duringOpen);
      if (!run.ready) killedDuringOpen += 1;
      acknowledged.push(...run.acks);
      const check = await reopenAndCheck(dataDir, acknowledged);
      lost.push(...check.lost);
      if (check.problem) problems.push(`cycle ${cycle}: ${check.problem}`);
      o.log?.(
        `cycle ${cycle}: killed at ${Math.round(killAt)} ms, ${run.acks.length} acknowledged, ${check.lost.length} lost`,
      );
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return {
    cycles: o.cycles,
    acknowledged: acknowledged.length,
    lost,
    problems,
    killedDuringOpen,
    seconds: (performance.now() - started) / 1000,
  };
}
