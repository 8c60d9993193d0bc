import { performance } from 'node:perf_hooks';

export interface Measurement {
  count: number;
  p50_ms: number;
  p95_ms: number;
  ops_per_s: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export function summarise(latencies: number[], elapsedMs: number): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50_ms: Number(percentile(sorted, 50).toFixed(2)),
    p95_ms: Number(percentile(sorted, 95).toFixed(2)),
    ops_per_s: Number(((sorted.length / elapsedMs) * 1000).toFixed(0)),
  };
}

/**
 * Runs `operation` from `concurrency` loops until `durationMs` has passed (after a warm-up),
 * recording each call's latency. Operations that fail abort the run: a benchmark of errors
 * measures nothing.
 */
export async function measure(
  operation: (iteration: number) => Promise<void>,
  options: { concurrency: number; durationMs: number; warmupMs?: number; maxOperations?: number },
): Promise<Measurement> {
  // Two seconds of warm-up: the figures are for a server that has been running, not one
  // whose caches are still cold from its start.
  const warmupEnd = performance.now() + (options.warmupMs ?? 2000);
  let iteration = 0;
  while (performance.now() < warmupEnd) await operation(iteration++);
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + options.durationMs;
  const limit = options.maxOperations ?? Number.POSITIVE_INFINITY;
  const loop = async () => {
    while (performance.now() < end && latencies.length < limit) {
      const t0 = performance.now();
      await operation(iteration++);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return summarise(latencies, performance.now() - start);
}
