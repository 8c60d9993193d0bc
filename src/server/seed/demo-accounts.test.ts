import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { expectError } from '../../../test/errors.ts';
import { type Session, type TestEnv, useTestEnv } from '../../../test/harness.ts';
import { checkPasswordPolicy } from '../access/password-policy.ts';
import { type DemoLoad, loadDemo } from './demo.ts';
import { DEMO_LOGINS, demoPasswords } from './demo-accounts.ts';

const LOGINS = Object.values(DEMO_LOGINS);
const CONFIGURED = 'quiet-orchard-lantern-47';
const EXPORT = { format: 'csv', fields: ['name'] };

type Row = { id: number | string; account_manager_id: number | string | null };

/** Ids of the companies whose account manager is one of `employees`, sorted. */
async function companiesManagedBy(env: TestEnv, employees: ReadonlySet<number>): Promise<number[]> {
  const rows = await sql<Row>`SELECT id, account_manager_id FROM company WHERE deleted_at IS NULL`.execute(
    env.services.dialect.db,
  );
  return rows.rows
    .filter((r) => r.account_manager_id !== null && employees.has(Number(r.account_manager_id)))
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}

/** The employee and everyone in their department (`deep`: and in the departments below it). */
async function colleagues(env: TestEnv, employeeId: number, deep: boolean): Promise<Set<number>> {
  const db = env.services.dialect.db;
  const departments = (
    await sql<{ id: number; parent_id: number | null }>`
    SELECT id, parent_id FROM department`.execute(db)
  ).rows;
  const staff = (
    await sql<{ id: number; department_id: number | null }>`
    SELECT id, department_id FROM employee`.execute(db)
  ).rows;
  const own = staff.find((e) => Number(e.id) === employeeId)?.department_id;
  const tree = [Number(own)];
  for (let i = 0; deep && i < tree.length; i++) {
    for (const d of departments) if (Number(d.parent_id) === tree[i]) tree.push(Number(d.id));
  }
  return new Set([
    employeeId,
    ...staff.filter((e) => tree.includes(Number(e.department_id))).map((e) => Number(e.id)),
  ]);
}

async function employeeOf(env: TestEnv, login: string): Promise<number> {
  const row = await env.services.dialect.db
    .selectFrom('user_account')
    .select('employee_id')
    .where('login', '=', login)
    .executeTakeFirstOrThrow();
  return Number(row.employee_id);
}

describe.each(DIALECTS)('demo accounts (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const logs: string[] = [];
  let demo: DemoLoad = { loaded: false, accounts: [] };
  const sessions = new Map<string, Session>();
  beforeAll(async () => {
    demo = await loadDemo(env().services, (m) => logs.push(m), undefined);
    for (const account of demo.accounts)
      sessions.set(account.login, await env().login(account.login, account.password));
  }, 60_000);
  const as = (login: string, method: string, url: string, body?: unknown) => {
    const session = sessions.get(login);
    if (!session) throw new Error(`no session for ${login}`);
    return env().api(method, url, body, session);
  };
  const companyIds = async (login: string) => {
    const response = await as(login, 'GET', '/api/records/company?limit=500');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Array<Record<string, unknown>>;
    return { ids: items.map((c) => Number(c.id)).sort((a, b) => a - b), items };
  };

  it('creates three accounts with random passwords that log in, printed once', () => {
    expect(demo.loaded).toBe(true);
    expect(demo.accounts.map((a) => a.login)).toEqual(LOGINS);
    expect([...sessions.keys()]).toEqual(LOGINS);
    for (const account of demo.accounts) {
      expect(account.configured).toBe(false);
      expect(checkPasswordPolicy(account.password, { login: account.login })).toBeNull();
      expect(logs.filter((line) => line.includes(account.password))).toHaveLength(1);
    }
    expect(new Set(demo.accounts.map((a) => a.password)).size).toBe(3);
  });

  it('shows the salesperson exactly their own clients and refuses them export', async () => {
    const mine = await companiesManagedBy(env(), new Set([await employeeOf(env(), 'salesperson')]));
    expect(mine.length).toBeGreaterThan(0);
    expect((await companyIds('salesperson')).ids).toEqual(mine);
    expectError(await as('salesperson', 'POST', '/api/records/company/export', EXPORT), 403, 'forbidden');
  });

  it('shows the salesperson the cases they lead, the activities they organise and their clients’ notes', async () => {
    const me = await employeeOf(env(), 'salesperson');
    const mine = new Set(await companiesManagedBy(env(), new Set([me])));
    const list = async (object: string, fields: string) => {
      const response = await as('salesperson', 'GET', `/api/records/${object}?limit=500&fields=${fields}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items as Array<Record<string, unknown>>;
    };
    const cases = await list('case', 'lead,company,next_action_date');
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.lead === me)).toBe(true);
    expect(cases.some((c) => c.next_action_date !== null)).toBe(true);
    expect((await list('case_stage', 'case')).length).toBeGreaterThan(cases.length);
    const activities = await list('activity', 'organiser');
    expect(activities.length).toBeGreaterThan(0);
    expect(activities.every((a) => a.organiser === me)).toBe(true);
    const notes = await list('note', 'company');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => mine.has(Number(n.company)))).toBe(true);
  });

  it('shows the sales manager the clients of their department subtree, more than the salesperson', async () => {
    const manager = await employeeOf(env(), 'sales.manager');
    const expected = await companiesManagedBy(env(), await colleagues(env(), manager, true));
    const { ids } = await companyIds('sales.manager');
    expect(ids).toEqual(expected);
    expect(ids.length).toBeGreaterThan((await companyIds('salesperson')).ids.length);
    // Below the manager's own department: `subtree` reaches further than `department` would.
    const department = await companiesManagedBy(env(), await colleagues(env(), manager, false));
    expect(ids.length).toBeGreaterThan(department.length);
    const exported = await as('sales.manager', 'POST', '/api/records/company/export', EXPORT);
    expect(exported.statusCode, exported.body).toBe(200);
  });

  it('gives the salesperson the catalogue to quote from: products, price lists in złoty, euro and forint, and a suggested price', async () => {
    const products = (await as('salesperson', 'GET', '/api/records/product?limit=100')).json().items as Array<
      Record<string, unknown>
    >;
    expect(products.length).toBeGreaterThanOrEqual(10);
    const lists = (await as('salesperson', 'GET', '/api/records/price_list?limit=100')).json().items as Array<
      Record<string, unknown>
    >;
    expect(new Set(lists.map((list) => list.currency))).toEqual(new Set(['PLN', 'EUR', 'HUF']));
    const camera = products.find((product) => product.code === 'CAM-4MP');
    const day = new Date().toISOString().slice(0, 10);
    const suggested = await as(
      'salesperson',
      'GET',
      `/api/prices/suggest?product=${camera?.id}&currency=HUF&day=${day}`,
    );
    expect(suggested.statusCode, suggested.body).toBe(200);
    expect(suggested.json().unitPrice.amount % 100).toBe(0);
    // Salespeople quote from the lists; they do not change them.
    const change = await as('salesperson', 'POST', '/api/records/product', { name: 'Mine', code: 'MINE-1' });
    expect(change.statusCode).toBe(403);
  });

  it('shows the salesperson a lived-in board of their own deals, and the manager more of them', async () => {
    const scenarios = (await as('salesperson', 'GET', '/api/records/sales_scenario')).json().items as Array<
      Record<string, unknown>
    >;
    expect(scenarios.map((scenario) => scenario.name)).toEqual([
      'New business',
      'Renewals and service contracts',
    ]);
    const boardOf = async (login: string) => {
      const response = await as(login, 'GET', `/api/pipeline/${scenarios[0]?.id}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().columns as Array<{ count: number; stage: { kind: string } }>;
    };
    const mine = await boardOf('salesperson');
    const deals = (columns: typeof mine) => columns.reduce((sum, column) => sum + column.count, 0);
    expect(deals(mine)).toBeGreaterThan(0);
    expect(mine.filter((column) => column.count > 0).length).toBeGreaterThanOrEqual(3);
    expect(deals(await boardOf('sales.manager'))).toBeGreaterThan(deals(mine));
  });

  it('lets the assistant read every company without the employee count, and not export', async () => {
    const { ids, items } = await companyIds('assistant');
    const all = await env()
      .services.dialect.db.selectFrom('company')
      .select('id')
      .where('deleted_at', 'is', null)
      .execute();
    expect(ids).toHaveLength(all.length);
    expect(items.every((c) => !('employee_count' in c) && 'name' in c)).toBe(true);
    const admin = (await env().api('GET', '/api/records/company?limit=1')).json().items[0];
    expect(admin).toHaveProperty('employee_count');
    expectError(await as('assistant', 'POST', '/api/records/company/export', EXPORT), 403, 'forbidden');
    expect((await as('assistant', 'GET', '/api/records/user_account')).statusCode).toBe(403);
  });
});

describe.each(DIALECTS)('demo accounts with KARTOTEKA_DEMO_PASSWORD (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('gives every account that password and does not print it', async () => {
    const logs: string[] = [];
    const demo = await loadDemo(env().services, (m) => logs.push(m), CONFIGURED);
    expect(demo.accounts.map((a) => [a.login, a.password, a.configured])).toEqual(
      LOGINS.map((login) => [login, CONFIGURED, true]),
    );
    for (const login of LOGINS) await env().login(login, CONFIGURED);
    expect(logs.join('\n')).not.toContain(CONFIGURED);
    expect(logs.join('\n')).toContain('KARTOTEKA_DEMO_PASSWORD');
  }, 60_000);
});

describe('demo passwords', () => {
  it('refuses a configured password the policy refuses, naming the variable', async () => {
    await expect(demoPasswords('short')).rejects.toThrow(/KARTOTEKA_DEMO_PASSWORD must be at least 12/);
    await expect(demoPasswords('assistant-quiet-orchard-47')).rejects.toThrow(/"assistant"/);
  });

  it('treats an empty variable as unset', async () => {
    const passwords = await demoPasswords('');
    expect(Object.values(passwords).every((p) => !p.configured && p.password.length >= 12)).toBe(true);
  });
});
