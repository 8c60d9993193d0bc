import { CODE_OPERATORS, textTraits } from './kinds.ts';

/** Region/City names as IANA spells them (`Europe/Warsaw`, `America/Argentina/Buenos_Aires`, `UTC`). */
const NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const MAX_LENGTH = 64;

/**
 * Zones already looked up: a signed-in user's is read on every request, and making a formatter
 * each time costs more than the look-up. Bounded, since spellings come from outside.
 */
const KNOWN = new Map<string, string>();
const MAX_KNOWN = 2000;

export const TIME_ZONE_PROBLEM = 'is not a time zone: use an IANA name such as Europe/Warsaw';

/**
 * The time zone named, as stored: trimmed, in the letter case the runtime gives it (`europe/warsaw`
 * is `Europe/Warsaw`); null when there is no such zone. Every date and time a user reads and
 * every relative date filter ("today") is computed in their zone, so one that the runtime does
 * not know would fail each of their reads. Offsets (`+01:00`) are not zones: they ignore summer
 * time, and only newer runtimes take them.
 */
export function timeZoneName(raw: string): string | null {
  const name = raw.trim();
  const known = KNOWN.get(name);
  if (known !== undefined) return known;
  if (name.length > MAX_LENGTH || !NAME.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    // An alias (`GMT`, `Europe/Kiev`) stays as written; only its letter case is corrected.
    const stored = resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
    if (KNOWN.size < MAX_KNOWN) KNOWN.set(name, stored);
    return stored;
  } catch {
    return null;
  }
}

/** The zones to choose from, in the runtime's order (a short list where it cannot tell). */
export function timeZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Warsaw', 'Europe/Budapest', 'Europe/London', 'UTC'];
  }
}

/** An IANA time zone: a user's, which their dates and times are shown and entered in. */
export const timeZone = textTraits(MAX_LENGTH, {
  operators: CODE_OPERATORS,
  operand: (raw) => (typeof raw === 'string' ? timeZoneName(raw) : null) ?? { problem: TIME_ZONE_PROBLEM },
});
