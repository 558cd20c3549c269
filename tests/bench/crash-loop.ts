// `npm run crash-loop`: the long kill -9 loop (200 cycles unless CRASH_CYCLES says otherwise), with its figures.
import { runCrashLoop } from '../host/crash-loop';

const cycles = Number(process.env.CRASH_CYCLES ?? 200);
const result = await runCrashLoop({ cycles, log: process.env.CRASH_VERBOSE ? console.log : undefined });
console.log(
  `${result.cycles} kill -9 cycles in ${result.seconds.toFixed(1)} s: ${result.acknowledged.toLocaleString('en')} ` +
    `acknowledged writes, ${result.lost.length} lost, ${result.killedDuringOpen} killed during open, ` +
    `${result.problems.length} reopen problems`,
);
for (const p of result.problems) console.log(`  ${p}`);
if (result.lost.length > 0 || result.problems.length > 0) process.exitCode = 1;
