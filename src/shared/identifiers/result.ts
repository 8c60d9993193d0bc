/**
 * The one result shape every checker in this folder returns: callers branch on `ok` and never
 * need a try/catch, because user input being wrong is an expected outcome, not an exception.
 */
export type CheckResult = { ok: true; value: string } | { ok: false; reason: string };

export function accept(value: string): CheckResult {
  return { ok: true, value };
}

export function reject(reason: string): CheckResult {
  return { ok: false, reason };
}

/** Digits-only view of user input: people paste ids with spaces, dashes, dots and slashes. */
export function stripSeparators(raw: string): string {
  return raw.replace(/[\s\-./\u00a0\u2010-\u2015]/g, '');
}

/** Weighted digit sum shared by the Polish and Hungarian checksums. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < weights.length; index += 1) {
    sum += Number(digits[index]) * (weights[index] ?? 0);
  }
  return sum;
}
