// Where a benchmark seed's time goes, per thread: each phase's start and end on one clock shared by the threads
// (epoch milliseconds), and the CPU time of the thread that ran it (Linux: /proc/thread-self/schedstat; elsewhere the
// process's), so a breakdown taken on a machine shared with other work still says which thread was busy and how long.
import fs from 'node:fs';

export interface SeedPhase {
  thread: 'main' | 'worker';
  phase: string;
  /** Epoch milliseconds (performance.timeOrigin + now: the same clock on every thread). */
  start: number;
  end: number;
  /** CPU seconds of the thread that ran the phase. */
  cpuSeconds: number;
  /** Seconds the thread was ready to run but waited for a core (Linux; 0 elsewhere): other processes' load. */
  waitSeconds: number;
}

/** The phases of the seeds run in this thread (the worker's are added here by parallel.ts when it answers). */
export const seedPhases: SeedPhase[] = [];

interface Mark {
  at: number;
  cpu: number;
  wait: number;
}

function mark(): Mark {
  const at = performance.timeOrigin + performance.now();
  try {
    const [cpu = '0', wait = '0'] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return { at, cpu: Number(cpu) / 1e9, wait: Number(wait) / 1e9 };
  } catch {
    const used = process.cpuUsage();
    return { at, cpu: (used.user + used.system) / 1e6, wait: 0 };
  }
}

/** Records the phase `name` of `thread` that started at `from` and ends now. */
function record(thread: SeedPhase['thread'], name: string, from: Mark, into: SeedPhase[]): void {
  const to = mark();
  into.push({
    thread,
    phase: name,
    start: from.at,
    end: to.at,
    cpuSeconds: to.cpu - from.cpu,
    waitSeconds: to.wait - from.wait,
  });
}

/** Runs `run` as one phase of `thread`, recorded in `into` (seedPhases by default). */
export function phase<T>(thread: SeedPhase['thread'], name: string, run: () => T, into = seedPhases): T {
  const from = mark();
  try {
    return run();
  } finally {
    record(thread, name, from, into);
  }
}

/** `phase` for a promise: the wait for another thread's answer (the thread's CPU then is only the event loop's). */
export async function phaseAsync<T>(thread: SeedPhase['thread'], name: string, run: () => Promise<T>): Promise<T> {
  const from = mark();
  try {
    return await run();
  } finally {
    record(thread, name, from, seedPhases);
  }
}

/** The phases since `from` as a table: offset from the first start, wall, thread CPU, wait, by start time. */
export function formatPhases(phases: readonly SeedPhase[]): string {
  const origin = Math.min(...phases.map((p) => p.start));
  const f = (n: number) => n.toFixed(1).padStart(8);
  const lines = [
    `${'thread'.padEnd(8)}${'phase'.padEnd(48)}${'from s'.padStart(8)}${'wall s'.padStart(8)}${'CPU s'.padStart(8)}${'wait s'.padStart(8)}`,
  ];
  for (const p of [...phases].sort((a, b) => a.start - b.start)) {
    lines.push(
      `${p.thread.padEnd(8)}${p.phase.slice(0, 46).padEnd(48)}${f((p.start - origin) / 1000)}${f((p.end - p.start) / 1000)}${f(p.cpuSeconds)}${f(p.waitSeconds)}`,
    );
  }
  return lines.join('\n');
}
