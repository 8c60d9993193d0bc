import { DEMO_SEED } from '../src/server/seed/demo.ts';
import { companyAt } from '../src/server/seed/generator/generate.ts';
import { benchSize } from './dataset.ts';
import type { BenchClient } from './http-client.ts';
import { type Measurement, measure } from './load.ts';
import { seededRandom } from './random.ts';

/**
 * The duplicate check a create form makes while the user types (`POST
 * /api/records/company/duplicates`), one request at a time. Half of the requests are the values
 * of an existing company spelt another way (the name in capitals with its legal form spelt out,
 * the tax id with dashes, the e-mail in capitals), which find it; half are of a company that
 * does not exist. Issue 8's target: p95 ≤ 20 ms against 1M companies.
 */
export async function measureDuplicateCheck(
  client: BenchClient,
  companies: number,
  durationMs: number,
): Promise<Measurement> {
  const size = benchSize(companies);
  const random = seededRandom(4242);
  const randomIndex = () => random(companies);
  return measure(
    async (i) => {
      const existing = companyAt(DEMO_SEED, randomIndex(), size);
      const values =
        i % 2 === 0
          ? {
              name: existing.name
                .toUpperCase()
                .replace(/\bsp\. z o\.o\.$/i, 'spółka z ograniczoną odpowiedzialnością'),
              city: existing.city,
              country: existing.country,
              tax_id: existing.tax_id,
              email: existing.email?.toUpperCase() ?? null,
              phone: existing.phone,
            }
          : {
              name: `Nowa Firma ${i} Sp. z o.o.`,
              city: existing.city,
              country: existing.country,
              email: `biuro${i}@nowa-firma-${i}.pl`,
            };
      await client.ok('POST', '/api/records/company/duplicates', { values });
    },
    { concurrency: 1, durationMs },
  );
}
