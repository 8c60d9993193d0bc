// String and date helpers shared by the locales and the row generators.

// NFD decomposition handles most accents, but Polish ł/Ł and the German ß have no combining
// form, so they need an explicit mapping before stripping the marks.
const SPECIAL_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O' };
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Replaces diacritics with their base letters: "Łódź" → "Lodz", "Győr" → "Gyor". */
export function foldDiacritics(text: string): string {
  let mapped = '';
  for (const char of text) mapped += SPECIAL_FOLDS[char] ?? char;
  return mapped.normalize('NFD').replace(COMBINING_MARKS, '');
}

// Folding one character at a time, remembering each non-ASCII character's lower-case ASCII
// form: the data uses a few dozen such characters, so this stays tiny, and slugs for millions
// of rows need no normalize() call and no per-string cache that would grow with the dataset.
const foldedChars = new Map<number, string>();
function foldChar(code: number): string {
  let folded = foldedChars.get(code);
  if (folded === undefined) {
    folded = foldDiacritics(String.fromCharCode(code)).toLowerCase();
    foldedChars.set(code, folded);
  }
  return folded;
}

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_UPPER_A = 65;
const CODE_UPPER_Z = 90;
const CODE_LOWER_A = 97;
const CODE_LOWER_Z = 122;
const CASE_OFFSET = 32;

function isSlugChar(code: number): boolean {
  return (code >= CODE_LOWER_A && code <= CODE_LOWER_Z) || (code >= CODE_0 && code <= CODE_9);
}

/**
 * Lower-case ASCII: letters and digits kept, diacritics folded, every other run of characters
 * becomes one hyphen (none at the ends). Characters in `dropped` vanish without a hyphen.
 */
function asciiWord(text: string, dropped: string): string {
  let out = '';
  let pendingHyphen = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < 128) {
      const lower = code >= CODE_UPPER_A && code <= CODE_UPPER_Z ? code + CASE_OFFSET : code;
      piece = isSlugChar(lower) ? String.fromCharCode(lower) : '';
    } else {
      piece = foldChar(code);
    }
    if (piece === '' || !isSlugChar(piece.charCodeAt(0))) {
      // Dropped characters join their neighbours; anything else separates words.
      if (!dropped.includes(text.charAt(i))) pendingHyphen = out !== '';
      continue;
    }
    if (pendingHyphen) out += '-';
    pendingHyphen = false;
    out += piece;
  }
  return out;
}

/** Lower-case ASCII with hyphens for spaces: usable in domains. "Bielsko-Biała" → "bielsko-biala". */
export function slugify(text: string): string {
  return asciiWord(text, '');
}

/** For e-mail local parts: also drops spaces, apostrophes and dots. "O'Brien" → "obrien". */
export function emailWord(text: string): string {
  return asciiWord(text, " '’.");
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a YYYY-MM-DD string; throws on anything else. */
export function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${isoDate}"`);
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const roundTrip = new Date(ms).toISOString().slice(0, 10);
  if (roundTrip !== isoDate) throw new RangeError(`Not a calendar date: "${isoDate}"`);
  return ms / MS_PER_DAY;
}

/**
 * YYYY-MM-DD for a day number, using Howard Hinnant's civil-from-days algorithm:
 * pure integer arithmetic, several times faster than going through Date for millions of rows.
 */
export function isoDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Today's date in UTC, the default reference for relative dates. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export const DAYS_PER_YEAR = 365.2425;
