import { describe, expect, it } from 'vitest';
import { createRng, forIndex } from './prng.ts';

function draws(rng: ReturnType<typeof createRng>, count: number): number[] {
  return Array.from({ length: count }, () => rng.nextUint32());
}

describe('prng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(createRng(42), 100)).toEqual(draws(createRng(42), 100));
    expect(draws(forIndex(42, 'company', 500_000), 100)).toEqual(
      draws(forIndex(42, 'company', 500_000), 100),
    );
  });

  it('gives different sequences for different seeds, kinds and indexes', () => {
    const base = draws(forIndex(1, 'company', 7), 8);
    expect(draws(forIndex(2, 'company', 7), 8)).not.toEqual(base);
    expect(draws(forIndex(1, 'person', 7), 8)).not.toEqual(base);
    expect(draws(forIndex(1, 'company', 8), 8)).not.toEqual(base);
    // Indexes beyond 32 bits must not alias their low half.
    expect(draws(forIndex(1, 'company', 7 + 2 ** 32), 8)).not.toEqual(base);
  });

  it('keeps neighbouring record streams uncorrelated', () => {
    // First draws of consecutive indexes should look like independent uniform numbers.
    const firsts = Array.from({ length: 10_000 }, (_, i) => forIndex(9, 'company', i).float());
    const mean = firsts.reduce((sum, x) => sum + x, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(new Set(firsts).size).toBeGreaterThan(9_990);
  });

  it('int() covers both bounds and nothing outside them', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) {
      const value = rng.int(-2, 3);
      expect(Number.isInteger(value)).toBe(true);
      seen.add(value);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('chance(), pick(), weighted() and digits() behave', () => {
    const rng = createRng(11);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    const hits = Array.from({ length: 10_000 }, () => rng.chance(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2_700);
    expect(hits).toBeLessThan(3_300);
    expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']));
    expect(() => rng.pick([])).toThrow(RangeError);
    const heavy = Array.from({ length: 1_000 }, () =>
      rng.weighted([
        ['x', 9],
        ['y', 1],
      ] as const),
    ).filter((v) => v === 'x').length;
    expect(heavy).toBeGreaterThan(850);
    for (let i = 0; i < 100; i++) expect(rng.digits(6)).toMatch(/^\d{6}$/);
    for (let i = 0; i < 100; i++) expect(rng.digits(16)).toMatch(/^\d{16}$/);
  });
});
