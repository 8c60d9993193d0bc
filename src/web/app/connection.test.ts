import { describe, expect, it } from 'vitest';
import { createConnectionMonitor, probeDelay } from './connection.ts';

/** A clock the test moves by hand, so the pauses between probes can be checked exactly. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => {
      pending.delete(id as number);
    },
    /** Moves the clock, running what falls due (and letting the probes' promises settle). */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].run();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = until;
    },
    pendingCount: () => pending.size,
  };
}

function setUp(answers: boolean[]) {
  const timers = manualTimers();
  const probes: number[] = [];
  let clock = 0;
  const monitor = createConnectionMonitor({
    probe: async () => {
      probes.push(clock);
      return answers.shift() ?? false;
    },
    setTimer: (run, ms) =>
      timers.setTimer(() => {
        clock += ms;
        run();
      }, ms),
    clearTimer: timers.clearTimer,
  });
  const heard: boolean[] = [];
  monitor.subscribe((lost) => heard.push(lost));
  return { monitor, timers, probes, heard };
}

describe('connection monitor', () => {
  it('backs off 1 s, 2 s, 4 s… up to 10 s between probes', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(probeDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('probes with growing pauses while lost and reports the way back once', async () => {
    const { monitor, timers, probes, heard } = setUp([false, false, true]);
    monitor.markLost();
    monitor.markLost();
    expect(monitor.isLost()).toBe(true);
    expect(heard).toEqual([true]);
    await timers.advance(999);
    expect(probes).toHaveLength(0);
    await timers.advance(1);
    expect(probes).toHaveLength(1);
    await timers.advance(2000);
    expect(probes).toHaveLength(2);
    await timers.advance(3999);
    expect(probes).toHaveLength(2);
    await timers.advance(1);
    expect(probes).toHaveLength(3);
    expect(monitor.isLost()).toBe(false);
    expect(heard).toEqual([true, false]);
    expect(timers.pendingCount()).toBe(0);
  });

  it('stops probing when any request gets an answer meanwhile', async () => {
    const { monitor, timers, probes, heard } = setUp([]);
    monitor.markLost();
    monitor.markBack();
    expect(heard).toEqual([true, false]);
    await timers.advance(60_000);
    expect(probes).toHaveLength(0);
  });

  it('probes at once when asked, then keeps the pauses going', async () => {
    const { monitor, timers, probes } = setUp([false, true]);
    monitor.markLost();
    monitor.probeNow();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(probes).toHaveLength(1);
    expect(monitor.isLost()).toBe(true);
    await timers.advance(2000);
    expect(probes).toHaveLength(2);
    expect(monitor.isLost()).toBe(false);
  });

  it('starts over from the short pause after the next loss', async () => {
    const { monitor, timers, probes } = setUp([false, false, true, true]);
    monitor.markLost();
    await timers.advance(7000);
    expect(probes).toHaveLength(3);
    expect(monitor.isLost()).toBe(false);
    monitor.markLost();
    await timers.advance(1000);
    expect(probes).toHaveLength(4);
    expect(monitor.isLost()).toBe(false);
  });
});
