/** The hours the free-slot view looks at, on the browser's clock: a working day. */
export const DAY_STARTS = 8;
export const DAY_ENDS = 18;

export interface Interval {
  start: Date;
  end: Date;
}

/** The working windows (Monday to Friday, 8:00–18:00 local) of `days` days from `from`'s day. */
export function workingWindows(from: Date, days: number): Interval[] {
  const windows: Interval[] = [];
  for (let offset = 0; offset < days; offset++) {
    const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offset);
    const weekday = day.getDay();
    if (weekday === 0 || weekday === 6) continue;
    windows.push({
      start: new Date(day.getFullYear(), day.getMonth(), day.getDate(), DAY_STARTS),
      end: new Date(day.getFullYear(), day.getMonth(), day.getDate(), DAY_ENDS),
    });
  }
  return windows;
}

/**
 * The free time inside each working window, at least `minutes` long and not already past
 * (`now`): what a person booking a room wants to see, not the nights between bookings.
 */
export function freeInWindows(
  free: Interval[],
  windows: Interval[],
  now: Date,
  minutes: number,
): Interval[][] {
  return windows.map((window) =>
    free
      .map((slot) => ({
        start: new Date(Math.max(slot.start.getTime(), window.start.getTime(), now.getTime())),
        end: new Date(Math.min(slot.end.getTime(), window.end.getTime())),
      }))
      .filter((slot) => slot.end.getTime() - slot.start.getTime() >= minutes * 60_000),
  );
}
