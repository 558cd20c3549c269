// Crash test in the suite: 20 kill -9 cycles of a child writing through the core; every acknowledged write survives.
import { describe, expect, it } from 'vitest';
import { runCrashLoop } from './crash-loop';

describe('kill -9 while writing', () => {
  it('loses no acknowledged write in 20 cycles, and every reopen passes integrity_check and the audit chain', async () => {
    const result = await runCrashLoop({ cycles: 20 });
    console.log(
      `crash loop: ${result.cycles} cycles, ${result.acknowledged} acknowledged writes, ${result.lost.length} lost, ` +
        `${result.killedDuringOpen} killed during open, ${result.seconds.toFixed(1)} s`,
    );
    expect(result.problems).toEqual([]);
    expect(result.lost).toEqual([]);
    // Not a loop of kills before the first write: the writes (fsync-bound on a busy disk) must reach the kill.
    expect(result.acknowledged).toBeGreaterThanOrEqual(result.cycles);
  }, 90_000);
});
