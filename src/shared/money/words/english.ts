/** English number words: 1234 is "one thousand two hundred thirty-four" (no "and", as on cheques). */

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Short-scale powers of a thousand up to int64's 9.2 × 10¹⁸. */
const SCALES = ['thousand', 'million', 'billion', 'trillion', 'quadrillion', 'quintillion'];

function belowThousand(value: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  if (hundreds > 0) words.push(UNITS[hundreds] ?? '', 'hundred');
  const rest = value % 100;
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10] ?? '');
  else if (rest >= 20) {
    const units = rest % 10;
    const tens = TENS[Math.floor(rest / 10)] ?? '';
    words.push(units === 0 ? tens : `${tens}-${UNITS[units]}`);
  } else if (rest > 0) words.push(UNITS[rest] ?? '');
  return words;
}

export function englishNumber(value: bigint): string {
  if (value === 0n) return 'zero';
  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index] ?? 0;
    if (group === 0) continue;
    words.push(...belowThousand(group));
    if (index > 0) words.push(SCALES[index - 1] ?? '');
  }
  return words.join(' ');
}
