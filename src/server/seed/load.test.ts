import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import { loadDemoIfFirstStart } from './demo.ts';
import { isValidHungarianTaxNumber, isValidNip, isValidUkVat } from './generator/tax-ids.ts';

describe.each(DIALECTS)('demo data set (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('loads once on first start, searchable, with valid tax ids', async () => {
    const { services, api } = env();
    const logs: string[] = [];
    expect(await loadDemoIfFirstStart(services, (m) => logs.push(m))).toBe(true);
    expect(await loadDemoIfFirstStart(services, (m) => logs.push(m))).toBe(false);
    const count = async (table: string) =>
      Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(services.dialect.db))
          .rows[0]?.n,
      );
    expect(await count('company')).toBe(200);
    expect(await count('person')).toBe(600);
    expect(await count('employee')).toBe(15);
    expect(await count('company_group_member')).toBeGreaterThan(0);
    expect(await count('person_group_member')).toBeGreaterThan(0);

    const page = (
      await api('GET', '/api/records/company?limit=500&fields=name,tax_id,country,industry&expand=industry')
    ).json();
    expect(page.items).toHaveLength(200);
    for (const company of page.items) {
      if (!company.tax_id) continue;
      const valid =
        company.country === 'PL'
          ? isValidNip(company.tax_id)
          : company.country === 'HU'
            ? isValidHungarianTaxNumber(company.tax_id)
            : isValidUkVat(company.tax_id);
      expect(valid, `${company.country} ${company.tax_id}`).toBe(true);
    }
    expect(page.items.every((c: { _expanded: { industry: unknown } }) => c._expanded.industry !== null)).toBe(
      true,
    );

    // Every company is found by its own name, typed without accents.
    const sample = page.items[7] as { id: number; name: string };
    const words = sample.name.split(/\s+/).slice(0, 2).join(' ');
    const ascii = words
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L');
    const hits = (await api('GET', `/api/search?q=${encodeURIComponent(ascii)}&limit=100`)).json().items;
    expect(hits.map((h: { id: number; object: string }) => `${h.object}:${h.id}`)).toContain(
      `company:${sample.id}`,
    );
  });
});
