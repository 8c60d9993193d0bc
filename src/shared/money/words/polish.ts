/**
 * Polish number words for amounts ("słownie"): 1 234,56 zł is "tysiąc dwieście trzydzieści
 * cztery złote pięćdziesiąt sześć groszy". Nouns after a number take one of three forms:
 * 1 → "złoty", 2–4 (not 12–14) → "złote", otherwise → "złotych"; thousands and millions too.
 */

const UNITS = ['', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'];
const TEENS = [
  'dziesięć',
  'jedenaście',
  'dwanaście',
  'trzynaście',
  'czternaście',
  'piętnaście',
  'szesnaście',
  'siedemnaście',
  'osiemnaście',
  'dziewiętnaście',
];
const TENS = [
  '',
  '',
  'dwadzieścia',
  'trzydzieści',
  'czterdzieści',
  'pięćdziesiąt',
  'sześćdziesiąt',
  'siedemdziesiąt',
  'osiemdziesiąt',
  'dziewięćdziesiąt',
];
const HUNDREDS = [
  '',
  'sto',
  'dwieście',
  'trzysta',
  'czterysta',
  'pięćset',
  'sześćset',
  'siedemset',
  'osiemset',
  'dziewięćset',
];

/** Singular, "few" (2–4) and "many" forms of a noun counted by a number. */
export type PolishForms = readonly [one: string, few: string, many: string];

/** Powers of a thousand up to int64's 9.2 × 10¹⁸. */
const SCALES: readonly PolishForms[] = [
  ['tysiąc', 'tysiące', 'tysięcy'],
  ['milion', 'miliony', 'milionów'],
  ['miliard', 'miliardy', 'miliardów'],
  ['bilion', 'biliony', 'bilionów'],
  ['biliard', 'biliardy', 'biliardów'],
  ['trylion', 'tryliony', 'trylionów'],
];

/** The form of a noun after `count`: 1 złoty, 2 złote, 5 złotych, 12 złotych, 22 złote, 0 złotych. */
export function polishForm(count: bigint, forms: PolishForms): string {
  if (count === 1n) return forms[0];
  const lastTwo = count % 100n;
  const last = count % 10n;
  return last >= 2n && last <= 4n && (lastTwo < 12n || lastTwo > 14n) ? forms[1] : forms[2];
}

function belowThousand(value: number): string[] {
  const words = [HUNDREDS[Math.floor(value / 100)] ?? ''];
  const rest = value % 100;
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10] ?? '');
  else words.push(TENS[Math.floor(rest / 10)] ?? '', UNITS[rest % 10] ?? '');
  return words.filter((word) => word !== '');
}

/**
 * A non-negative whole number in words; `neuter` gives "jedno" for exactly one (jedno euro),
 * every other number reads the same in the masculine and the neuter.
 */
export function polishNumber(value: bigint, neuter = false): string {
  if (value === 0n) return 'zero';
  if (value === 1n && neuter) return 'jedno';
  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index] ?? 0;
    if (group === 0) continue;
    const scale = SCALES[index - 1];
    // "tysiąc", "milion": one of a scale is said without "jeden".
    if (scale && group === 1) words.push(scale[0]);
    else {
      words.push(...belowThousand(group));
      if (scale) words.push(polishForm(BigInt(group), scale));
    }
  }
  return words.join(' ');
}
