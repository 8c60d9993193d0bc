import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfUp, formatScaled, INT64_MAX, parseScaled } from './arithmetic.ts';

describe('divideHalfUp', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect([5n, 15n, 14n, 16n, -5n, -15n, -14n, 0n].map((n) => divideHalfUp(n, 10n))).toEqual([
      1n,
      2n,
      1n,
      2n,
      -1n,
      -2n,
      -1n,
      0n,
    ]);
    expect(divideHalfUp(1n, 3n)).toBe(0n);
    expect(divideHalfUp(2n, 3n)).toBe(1n);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => divideHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('parseScaled', () => {
  it('reads decimals into whole steps exactly', () => {
    expect(parseScaled('12.5', 3)).toEqual({ ok: true, value: 12_500n });
    expect(parseScaled('-0.001', 3)).toEqual({ ok: true, value: -1n });
    expect(parseScaled('7', 2)).toEqual({ ok: true, value: 700n });
    expect(parseScaled('1.2300', 2)).toEqual({ ok: true, value: 123n });
    expect(parseScaled(0.1, 6)).toEqual({ ok: true, value: 100_000n });
    expect(parseScaled(1e-7, 7)).toEqual({ ok: true, value: 1n });
    expect(parseScaled(4n, 2)).toEqual({ ok: true, value: 400n });
  });

  it('refuses more decimals than the step, text that is not a plain decimal and values beyond int64', () => {
    expect(parseScaled('4.1234567', 6)).toEqual({ ok: false, reason: 'must have at most 6 decimal places' });
    expect(parseScaled(0.0001, 3).ok).toBe(false);
    for (const bad of ['', '1,5', '1e5', '.5', '12.', 'abc', ' - 1'])
      expect(parseScaled(bad, 2).ok).toBe(false);
    expect(parseScaled(Number.NaN, 2).ok).toBe(false);
    expect(parseScaled(INT64_MAX.toString(), 0)).toEqual({ ok: true, value: INT64_MAX });
    expect(parseScaled((INT64_MAX + 1n).toString(), 0)).toEqual({
      ok: false,
      reason: 'is beyond the range of a stored amount',
    });
    expect(parseScaled('92233720368547758.08', 2).ok).toBe(false);
  });

  it('reads back what formatScaled wrote', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.integer({ min: 0, max: 6 }),
        (v, d) => {
          expect(parseScaled(formatScaled(v, d), d)).toEqual({ ok: true, value: v });
        },
      ),
    );
  });
});

describe('formatScaled', () => {
  it('writes the shortest plain decimal', () => {
    expect(formatScaled(12_500n, 3)).toBe('12.5');
    expect(formatScaled(-1n, 3)).toBe('-0.001');
    expect(formatScaled(700n, 2)).toBe('7');
    expect(formatScaled(0n, 2)).toBe('0');
  });
});
