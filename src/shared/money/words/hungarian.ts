/**
 * Hungarian number words for amounts ("azaz"): written as one word, and above 2,000 with a
 * hyphen between the groups of three digits (1999 "ezerkilencszázkilencvenkilenc", 2000
 * "kétezer", 2001 "kétezer-egy"; the Academy's rule, AkH. 12th ed. 294). Before a noun or a
 * larger unit two is "két" (kétszáz, kétezer, két forint); standing alone it is "kettő".
 */

const UNITS = ['', 'egy', 'kettő', 'három', 'négy', 'öt', 'hat', 'hét', 'nyolc', 'kilenc'];
/** Tens standing alone (20 "húsz") and with units after them (21 "huszonegy"). */
const TENS_ALONE = [
  '',
  'tíz',
  'húsz',
  'harminc',
  'negyven',
  'ötven',
  'hatvan',
  'hetven',
  'nyolcvan',
  'kilencven',
];
const TENS_JOINED = [
  '',
  'tizen',
  'huszon',
  'harminc',
  'negyven',
  'ötven',
  'hatvan',
  'hetven',
  'nyolcvan',
  'kilencven',
];
/** Powers of a thousand up to int64's 9.2 × 10¹⁸. */
const SCALES = ['ezer', 'millió', 'milliárd', 'billió', 'billiárd', 'trillió'];

function unit(digit: number, attributive: boolean): string {
  return digit === 2 && attributive ? 'két' : (UNITS[digit] ?? '');
}

/** 1–999; `attributive` when a noun or a larger unit follows (két, huszonkét). */
function belowThousand(value: number, attributive: boolean): string {
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const units = value % 10;
  const hundredWords = hundreds === 0 ? '' : `${hundreds === 1 ? '' : unit(hundreds, true)}száz`;
  const tenWords = units === 0 ? (TENS_ALONE[tens] ?? '') : (TENS_JOINED[tens] ?? '');
  return hundredWords + tenWords + unit(units, attributive);
}

/**
 * A non-negative whole number in words. `attributive` when a noun follows ("két forint",
 * "kétezer-kétszázhuszonkét forint"); otherwise the standalone "kettő".
 */
export function hungarianNumber(value: bigint, attributive = false): string {
  if (value === 0n) return 'nulla';
  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const parts: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index] ?? 0;
    if (group === 0) continue;
    const scale = index === 0 ? '' : (SCALES[index - 1] ?? '');
    // A thousand is "ezer" alone (ezerkétszáz); a million and up keep "egy" (egymillió).
    const words = index === 1 && group === 1 ? '' : belowThousand(group, index > 0 || attributive);
    parts.push(words + scale);
  }
  return parts.join(value > 2000n ? '-' : '');
}
