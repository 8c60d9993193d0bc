import { describe, expect, it } from 'vitest';
import { progressWriter } from './jobs.ts';

describe('backup progress as written to the run', () => {
  it('writes every 5 % or after half a second, in order, and leaves the end to the finish', async () => {
    let now = 0;
    const written: number[] = [];
    const progress = progressWriter(
      async (fraction) => {
        written.push(fraction);
      },
      () => now,
    );
    for (const fraction of [0.01, 0.02, 0.07, 0.08, 0.2, 0.2, 0.1]) progress.report(fraction);
    now = 600;
    progress.report(0.21);
    progress.report(0.22);
    progress.report(1);
    await progress.settled();
    expect(written).toEqual([0.01, 0.07, 0.2, 0.21]);
  });

  it('goes on after a write that failed: the bar only lags behind', async () => {
    let now = 0;
    const written: number[] = [];
    const progress = progressWriter(
      async (fraction) => {
        if (fraction < 0.1) throw new Error('database away');
        written.push(fraction);
      },
      () => now,
    );
    progress.report(0.05);
    now = 1_000;
    progress.report(0.5);
    await expect(progress.settled()).resolves.toBeUndefined();
    expect(written).toEqual([0.5]);
  });
});
