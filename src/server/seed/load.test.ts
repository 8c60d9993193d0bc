import { type RawBuilder, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';
import type { ApiRecord } from '../../../test/record-fixtures.ts';
import { CASE_STATUS_CODES } from '../modules/cases/dictionaries.ts';
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

  it('gives clients cases in every status with stages, activities and notes, in their files and in search', async () => {
    const { services, api } = env();
    const count = async (table: string) =>
      Number((await rows(sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`))[0]?.n);
    expect(await count('client_case')).toBeGreaterThan(150);
    for (const table of [
      'case_stage',
      'case_watcher',
      'activity',
      'activity_person',
      'activity_employee',
      'note',
    ])
      expect(await count(table), table).toBeGreaterThan(50);
    const statuses = await rows(sql<{ code: string }>`
      SELECT DISTINCT s.code FROM client_case c JOIN dictionary_value s ON s.id = c.status_id`);
    expect(new Set(statuses.map((s) => s.code))).toEqual(new Set(CASE_STATUS_CODES));

    // An open case's next action is its newest stage's; a closed one has its day and result.
    const open = sql`SELECT c.id FROM client_case c JOIN dictionary_value s ON s.id = c.status_id
      WHERE s.code IN ('open', 'in_progress', 'waiting')`;
    const notFollowing = await rows(sql<{ id: number }>`
      SELECT c.id FROM client_case c WHERE c.id IN (${open}) AND NOT EXISTS (
        SELECT 1 FROM case_stage st WHERE st.case_id = c.id
          AND st.next_action_type_id = c.next_action_type_id AND st.next_action_date = c.next_action_date
          AND NOT EXISTS (SELECT 1 FROM case_stage newer WHERE newer.case_id = c.id AND newer.at > st.at))`);
    expect(notFollowing).toEqual([]);
    const unclosed = await rows(sql<{ id: number }>`
      SELECT c.id FROM client_case c WHERE c.id NOT IN (${open}) AND (c.closed_on IS NULL OR c.result IS NULL)`);
    expect(unclosed).toEqual([]);
    // Follow-ups point back in time, within their client; an activity's case is its client's.
    const broken = await rows(sql<{ id: number }>`
      SELECT a.id FROM activity a LEFT JOIN activity p ON p.id = a.previous_id
      LEFT JOIN client_case c ON c.id = a.case_id
      WHERE p.starts_at >= a.starts_at OR p.company_id <> a.company_id OR c.company_id <> a.company_id`);
    expect(broken).toEqual([]);
    // Each record's creation is in its client's history.
    const unrecorded = await rows(sql<{ id: number }>`
      SELECT c.id FROM client_case c WHERE NOT EXISTS (
        SELECT 1 FROM record_history h WHERE h.object = 'case' AND h.record_id = c.id AND h.action = 'create'
          AND h.field = 'topic' AND h.subject_object = 'company' AND h.subject_id = c.company_id)`);
    expect(unrecorded).toEqual([]);

    // "Next actions due" has overdue ones.
    const today = services.now().toISOString().slice(0, 10);
    const overdue = await api('POST', '/api/records/case/count', {
      filter: { field: 'next_action_date', op: 'lt', value: today },
    });
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect(overdue.json().count).toBeGreaterThan(5);

    // A client's file shows its cases, their stages, its activities and notes.
    const [busy] = await rows(sql<{ id: number }>`
      SELECT c.company_id AS id FROM client_case c
      WHERE EXISTS (SELECT 1 FROM activity a WHERE a.company_id = c.company_id)
        AND EXISTS (SELECT 1 FROM note n WHERE n.company_id = c.company_id)
      ORDER BY c.company_id LIMIT 1`);
    const file = await api('GET', `/api/timeline/company/${busy?.id}?limit=200`);
    expect(file.statusCode, file.body).toBe(200);
    const types = new Set(file.json().items.map((item: { type: string }) => item.type));
    for (const type of ['case', 'case_stage', 'activity', 'note']) expect(types.has(type), type).toBe(true);

    // Search finds a case by its topic.
    const [sample] = await rows(sql<{ id: number; topic: string }>`
      SELECT id, topic FROM client_case ORDER BY id LIMIT 1 OFFSET 10`);
    const hits = (
      await api('GET', `/api/search?q=${encodeURIComponent(sample?.topic ?? '')}&limit=100`)
    ).json().items as Array<{ id: number; object: string }>;
    expect(hits.map((h) => `${h.object}:${h.id}`)).toContain(`case:${sample?.id}`);

    // The rows pass the engine's checks: a follow-up and a case edited through the API are accepted.
    const [followUp] = await rows(sql<{ id: number; title: string; version: number }>`
      SELECT id, title, version FROM activity WHERE previous_id IS NOT NULL AND case_id IS NOT NULL
      ORDER BY id LIMIT 1`);
    const edited = await api('PATCH', `/api/records/activity/${followUp?.id}`, {
      title: `${followUp?.title} (2)`,
      version: Number(followUp?.version),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const caseEdit = await api('PATCH', `/api/records/case/${sample?.id}`, {
      description: 'Checked.',
      version: 1,
    });
    expect(caseEdit.statusCode, caseEdit.body).toBe(200);
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

  it('has a few hundred tasks in four registers, one of them read by a work group', async () => {
    const [counts] = await rows(sql<{ tasks: number; subtasks: number; registers: number; groups: number }>`
      SELECT (SELECT count(*) FROM task) AS tasks,
        (SELECT count(*) FROM task WHERE parent_id IS NOT NULL) AS subtasks,
        (SELECT count(*) FROM task_register) AS registers,
        (SELECT count(*) FROM task_register_work_group) AS groups`);
    expect(Number(counts?.tasks)).toBeGreaterThanOrEqual(300);
    expect(Number(counts?.subtasks)).toBeGreaterThan(50);
    expect(Number(counts?.registers)).toBe(4);
    expect(Number(counts?.groups)).toBe(1);
  });

  it('has work groups with members, readable through the API', async () => {
    const page = (await env().api('GET', '/api/records/work_group?fields=name,members&limit=50')).json();
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    for (const group of page.items as Array<{ name: string; members: number[] }>) {
      expect(group.members.length, group.name).toBeGreaterThanOrEqual(2);
    }
  });
});
