// A small, fast, seedable PRNG (sfc32) plus the few helpers the generator needs.
// Math.random cannot be seeded, and a dependency would be overkill: sfc32 passes PractRand,
// is four 32-bit adds/shifts per draw, and its state fits in four small integers.

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units; only used to turn a stream name into a number. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Stream names are a handful of constants, so caching their hashes costs nothing and saves
// re-hashing the same string for every one of millions of records.
const kindHashes = new Map<string, number>();
function kindHash(kind: string): number {
  let h = kindHashes.get(kind);
  if (h === undefined) {
    h = hashString(kind);
    kindHashes.set(kind, h);
  }
  return h;
}

const UINT32 = 0x1_0000_0000;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    // A non-zero counter guarantees the state never collapses into the all-zero cycle.
    this.d = d >>> 0 || 1;
    // sfc32's authors recommend discarding the first outputs so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). 32 bits of precision are plenty for picking words. */
  float(): number {
    return this.nextUint32() / UINT32;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new RangeError('pick() from an empty list');
    return item;
  }

  /** Picks from [value, weight] pairs; weights need not sum to anything in particular. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError('weighted() from an empty list');
    return last[0];
  }

  /**
   * A string of `count` random decimal digits, leading zeros allowed. A float holds about 15
   * digits exactly, so longer strings (an account number) are drawn nine digits at a time.
   */
  digits(count: number): string {
    if (count > 9) return this.digits(9) + this.digits(count - 9);
    return String(Math.floor(this.float() * 10 ** count)).padStart(count, '0');
  }
}

/** A generator seeded directly from one number. */
export function createRng(seed: number): Rng {
  const s = mix32(seed);
  return new Rng(s, mix32(s ^ 0x9e3779b9), mix32(s + 0x6a09e667), mix32(s ^ 0xbb67ae85));
}

/**
 * An independent stream for record `index` of a given kind ('company', 'person', ...).
 * Each record's fields depend only on (seed, kind, index), so any slice of a million-row
 * dataset can be produced in any order, in parallel, without generating what comes before it.
 */
export function forIndex(seed: number, kind: string, index: number): Rng {
  const low = index >>> 0;
  // Indexes above 2^32 are not expected, but they must not silently alias smaller ones.
  const high = Math.floor(index / UINT32) >>> 0;
  const base = mix32(seed ^ kindHash(kind));
  return new Rng(
    mix32(base ^ low),
    mix32(base + 0x9e3779b9 + high),
    mix32((low + 0x7f4a7c15) ^ Math.imul(base, 0x2545f491)),
    mix32(low ^ 0x3c6ef372) + base,
  );
}
