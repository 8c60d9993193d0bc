/**
 * Texts of the Backups screen that need no React: the daily time of a schedule, file sizes.
 * Kept apart so they are tested without a browser.
 */

/**
 * The time of day of a cron expression that runs once every day ("0 2 * * *", or with seconds
 * "0 0 2 * * *"); null for anything else, which the screen shows as the expression itself.
 */
export function dailyTime(cron: string): { hour: number; minute: number } | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 6 && fields[0] === '0') fields.shift();
  if (fields.length !== 5 || fields.slice(2).some((field) => field !== '*')) return null;
  const [minute, hour] = fields.map((field) => (/^\d{1,2}$/.test(field) ? Number(field) : Number.NaN));
  if (minute === undefined || hour === undefined) return null;
  if (!(minute >= 0 && minute <= 59 && hour >= 0 && hour <= 23)) return null;
  return { hour, minute };
}

/** A wall-clock time as the locale writes it ("02:00", "2:00 AM"): the same in every time zone. */
export function clockTime(time: { hour: number; minute: number }, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, time.hour, time.minute),
  );
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "512 byte", "1.4 MB", "1,4 MB": decimal units, as disks and downloads count them. */
export function fileSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
