import { type RawBuilder, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import type { ApiRecord } from '../../../test/record-fixtures.ts';
import { loadDemoIfFirstStart } from './demo.ts';
import { TOP_DEPARTMENT } from './generator/organisation.ts';

describe.each(DIALECTS)('demo data set (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const starts: boolean[] = [];
  const rows = async <T>(query: RawBuilder<T>): Promise<T[]> =>
    (await query.execute(env().services.dialect.db)).rows;
  beforeAll(async () => {
    const { services } = env();
    starts.push(await loadDemoIfFirstStart(services, () => {}));
    starts.push(await loadDemoIfFirstStart(services, () => {}));
  }, 60_000);

  it('loads once on first start, searchable, with valid tax ids', async () => {
    const { services, api } = env();
    expect(starts).toEqual([true, false]);
    const count = async (table: string) =>
      Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(services.dialect.db))
          .rows[0]?.n,
      );
    // 200 generated, and 5 of them entered a second time (near-duplicates to merge).
    expect(await count('company')).toBe(205);
    expect(await count('person')).toBe(600);
    expect(await count('employee')).toBe(15);
    expect(await count('company_group_member')).toBeGreaterThan(0);
    expect(await count('person_group_member')).toBeGreaterThan(0);

    const page = (
      await api(
        'GET',
        '/api/records/company?limit=500&fields=name,tax_id,country,phone,postal_code,industry&expand=industry',
      )
    ).json();
    expect(page.items).toHaveLength(205);
    // The demo rows hold the stored forms the engine's field types write: sending a company's
    // numbers back unchanged is accepted and changes nothing.
    for (const company of page.items) {
      const values = Object.fromEntries(
        ['tax_id', 'country', 'phone', 'postal_code'].map((key) => [key, company[key]]),
      );
      const saved = await api('PATCH', `/api/records/company/${company.id}`, { ...values, version: 1 });
      expect(saved.statusCode, `${company.country} ${JSON.stringify(values)}: ${saved.body}`).toBe(200);
      expect(saved.json(), JSON.stringify(values)).toMatchObject({ ...values, version: 1 });
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

  it('gives every company with an address its main address record, and people their details', async () => {
    const mismatched = await rows(sql<{ id: number }>`
      SELECT c.id FROM company c
      WHERE c.city IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM address a WHERE a.company_id = c.id AND a.city = c.city AND a.country = c.country
          AND a.is_main = ${env().services.dialect.encodeBoolean(true)} AND a.deleted_at IS NULL)`);
    expect(mismatched).toEqual([]);
    const count = async (table: string) =>
      Number((await rows(sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`))[0]?.n);
    expect(await count('financial_year')).toBeGreaterThan(0);
    expect(await count('bank_account')).toBeGreaterThan(0);
    expect(await count('consent')).toBeGreaterThan(0);
    expect(await count('person_employment')).toBeGreaterThan(0);
    // The demo's details pass the engine's checks: an address saved back unchanged is accepted.
    const address = (await env().api('GET', '/api/records/address?limit=5')).json().items[0];
    const saved = await env().api('PATCH', `/api/records/address/${address.id}`, {
      postal_code: address.postal_code,
      version: address.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('fills each status section of the card: prospects their source and campaign, active clients their terms', async () => {
    const list = async (status: string, filter: Record<string, unknown>) => {
      const response = await env().api('POST', '/api/records/company/query', {
        filter: { and: [{ field: 'status.code', op: 'eq', value: status }, filter] },
        limit: 1,
        count: true,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: ApiRecord[]; total?: number }>();
    };
    const filled = (field: string) => ({ not: { field, op: 'isEmpty' } });
    expect((await list('prospect', filled('campaign'))).items).toHaveLength(1);
    expect((await list('prospect', filled('source'))).items).toHaveLength(1);
    expect((await list('active', filled('payment_terms_days'))).items).toHaveLength(1);
    const [limited] = (await list('active', filled('credit_limit'))).items;
    expect(limited?.credit_limit).toMatchObject({ currency: expect.stringMatching(/^(PLN|HUF|GBP)$/) });
    // "Inactive for more than 90 days" has clients to show.
    const quiet = await list('inactive', {
      field: 'status_changed_at',
      op: 'lt',
      value: new Date(Date.now() - 90 * 86_400_000).toISOString(),
    });
    expect(quiet.items).toHaveLength(1);
    // The saved values pass the engine's checks: a prospect saved back unchanged is accepted.
    const [prospect] = (await list('prospect', filled('campaign'))).items;
    const saved = await env().api('PATCH', `/api/records/company/${prospect?.id}`, {
      campaign: prospect?.campaign,
      satisfaction: prospect?.satisfaction ?? null,
      version: prospect?.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('has clients entered twice that the duplicates list finds', async () => {
    const response = await env().api('GET', '/api/records/company/duplicates?limit=50');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: Array<{ records: unknown[] }> };
    expect(body.items.length).toBeGreaterThanOrEqual(5);
  });

  it('has a department tree under one top, with heads and a chain of managers', async () => {
    const departments = await rows(
      sql<{ id: number; name: string; parent_id: number | null; head_id: number | null }>`
        SELECT id, name, parent_id, head_id FROM department`,
    );
    const byId = new Map(departments.map((d) => [Number(d.id), d]));
    const tops = departments.filter((d) => d.parent_id === null);
    expect(tops.map((d) => d.name)).toEqual([TOP_DEPARTMENT]);
    const depth = (id: number): number => {
      const parent = byId.get(id)?.parent_id;
      return parent === null || parent === undefined ? 0 : 1 + depth(Number(parent));
    };
    const depths = departments.map((d) => depth(Number(d.id)));
    expect(Math.max(...depths)).toBe(2);
    // Sales has departments below it, so a manager's `subtree` is more than their `department`.
    const sales = departments.find((d) => d.name === 'Sprzedaż');
    expect(
      departments.filter((d) => d.parent_id !== null && Number(d.parent_id) === Number(sales?.id)),
    ).not.toEqual([]);
    expect(departments.every((d) => d.head_id !== null)).toBe(true);

    const staff = await rows(
      sql<{ id: number; manager_id: number | null; department_id: number | null; name_day: string | null }>`
        SELECT id, manager_id, department_id, name_day FROM employee`,
    );
    expect(staff).toHaveLength(15);
    const topHead = Number(tops[0]?.head_id);
    expect(staff.filter((e) => e.manager_id === null).map((e) => Number(e.id))).toEqual([topHead]);
    expect(staff.every((e) => e.department_id !== null)).toBe(true);
    // Each employee's manager heads their department, or a department above it.
    const headsUp = (id: number | null): number[] => {
      const department = id === null ? undefined : byId.get(Number(id));
      return department ? [Number(department.head_id), ...headsUp(department.parent_id)] : [];
    };
    for (const employee of staff) {
      if (employee.manager_id !== null)
        expect(headsUp(employee.department_id)).toContain(Number(employee.manager_id));
    }
    const days = staff.flatMap((e) => (e.name_day === null ? [] : [e.name_day]));
    expect(days.length).toBeGreaterThan(3);
    expect(days.length).toBeLessThan(staff.length);
    for (const day of days) expect(day).toMatch(/^\d\d-\d\d$/);
  });

  it('has work groups with members, readable through the API', async () => {
    const page = (await env().api('GET', '/api/records/work_group?fields=name,members&limit=50')).json();
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    for (const group of page.items as Array<{ name: string; members: number[] }>) {
      expect(group.members.length, group.name).toBeGreaterThanOrEqual(2);
    }
  });
});
