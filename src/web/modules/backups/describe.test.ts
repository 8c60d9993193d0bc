import { describe, expect, it } from 'vitest';
import { clockTime, dailyTime, fileSize } from './describe.ts';

describe('the Backups screen’s texts', () => {
  it('reads the time of a once-a-day schedule, and nothing else as one', () => {
    expect(dailyTime('0 2 * * *')).toEqual({ hour: 2, minute: 0 });
    expect(dailyTime(' 30  23 * * * ')).toEqual({ hour: 23, minute: 30 });
    expect(dailyTime('0 15 4 * * *')).toEqual({ hour: 4, minute: 15 });
    for (const cron of [
      '0 2 * * 1-5',
      '*/15 * * * *',
      '0 2,14 * * *',
      '0 24 * * *',
      '15 0 2 * * *',
      '0 2 1 * *',
    ])
      expect(dailyTime(cron), cron).toBeNull();
  });

  it('writes the time as the language does', () => {
    expect(clockTime({ hour: 2, minute: 0 }, 'en-GB')).toBe('02:00');
    expect(clockTime({ hour: 14, minute: 5 }, 'pl')).toBe('14:05');
    expect(clockTime({ hour: 2, minute: 0 }, 'hu')).toBe('2:00');
    expect(clockTime({ hour: 14, minute: 5 }, 'en-US')).toMatch(/^2:05\sPM$/);
  });

  it('gives sizes in decimal units with the locale’s decimal sign', () => {
    expect(fileSize(512, 'en')).toBe('512 byte');
    expect(fileSize(1_450_000, 'en')).toBe('1.5 MB');
    expect(fileSize(1_450_000, 'pl')).toBe('1,5 MB');
    expect(fileSize(3_200_000_000, 'hu')).toBe('3,2 GB');
  });
});
