import { describe, expect, it } from 'vitest';
import { freeInWindows, workingWindows } from './working-hours.ts';

const local = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

describe('free slots in working hours', () => {
  it('looks at weekdays from 8:00 to 18:00 only', () => {
    // Friday 27 November 2026 for four days: Friday and Monday.
    const windows = workingWindows(local(27, 12), 4);
    expect(
      windows.map((window) => [window.start.getDate(), window.start.getHours(), window.end.getHours()]),
    ).toEqual([
      [27, 8, 18],
      [30, 8, 18],
    ]);
  });

  it('clips the free time to each window and to now, leaving out what is too short', () => {
    const windows = workingWindows(local(30, 7), 1);
    const free = [
      { start: local(29, 20), end: local(30, 9) },
      { start: local(30, 9, 20), end: local(30, 9, 40) },
      { start: local(30, 10), end: local(30, 23) },
    ];
    const [monday] = freeInWindows(free, windows, local(30, 8, 30), 30);
    expect(
      monday?.map((slot) => [slot.start.getHours(), slot.start.getMinutes(), slot.end.getHours()]),
    ).toEqual([
      [8, 30, 9],
      [10, 0, 18],
    ]);
  });
});
