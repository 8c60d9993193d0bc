import type { BenchClient } from './http-client.ts';
import { type Measurement, measure } from './load.ts';

/**
 * `PATCH /api/records/company/:id` with the version read back from the previous answer, from
 * `writers` loops at once, each on a company of its own (so no answer is an expected 409): one
 * writer measures a write's latency, several the server's write throughput (issue 11 §6).
 */
export async function measureUpdates(
  client: BenchClient,
  writers: number,
  durationMs: number,
): Promise<Measurement> {
  const own = await Promise.all(
    Array.from(
      { length: writers },
      async (_, lane) =>
        (await client.ok('POST', '/api/records/company', { name: `Update lane ${lane} of ${writers}` })) as {
          id: number;
          version: number;
        },
    ),
  );
  let write = 0;
  // Each loop of `measure` takes the next record that no other loop is writing.
  const free = own.map((_, lane) => lane);
  return measure(
    async () => {
      const lane = free.shift();
      if (lane === undefined) throw new Error('more loops than records');
      const record = own[lane];
      try {
        if (!record) return;
        const updated = (await client.ok('PATCH', `/api/records/company/${record.id}`, {
          city: `City ${write++}`,
          version: record.version,
        })) as { version: number };
        record.version = updated.version;
      } finally {
        free.push(lane);
      }
    },
    { concurrency: writers, durationMs },
  );
}
