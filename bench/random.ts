/**
 * A seeded source of whole numbers below `n`, the same sequence on every run (mulberry32 in
 * 32-bit integer arithmetic). The benchmarks' earlier LCG multiplied beyond 2^53 in doubles
 * and lost its low bits: its draws repeated after a few hundred to a few thousand, so "random
 * hours of twenty rooms" were 278 slots tried again and again.
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    return Math.floor(unit * n);
  };
}
