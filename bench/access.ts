import { BenchClient } from './http-client.ts';

const PASSWORD = 'bench-scoped-account-pass-42';

/** A client logged in as `login` (cookie and CSRF token set), with a few sockets of its own. */
export async function loggedIn(baseUrl: string, login: string, password: string): Promise<BenchClient> {
  const client = new BenchClient(baseUrl, 4);
  const response = await client.request('POST', '/api/auth/login', { login, password });
  if (response.status !== 200) throw new Error(`login of ${login} failed: ${response.body}`);
  const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  client.headers = {
    cookie,
    'x-csrf-token': (JSON.parse(response.body) as { csrfToken: string }).csrfToken,
  };
  return client;
}

interface Employee {
  id: number;
  version: number;
}

/**
 * Two scoped readers on the data set, set up through the API as an administrator would:
 * a department "Sales" (5 employees) with "Sales North" (5 more) below it; a salesperson in
 * Sales North who reads own clients, and a sales manager in Sales who reads the subtree (both
 * departments: 10 of the 50 account managers, a fifth of the companies).
 */
export async function scopedClients(
  admin: BenchClient,
  baseUrl: string,
): Promise<{ salesperson: BenchClient; manager: BenchClient }> {
  const run = Date.now().toString(36);
  const employees = (
    (await admin.ok('POST', '/api/records/employee/query', {
      fields: ['id', 'version'],
      sort: [{ field: 'id', direction: 'asc' }],
      limit: 10,
    })) as { items: Employee[] }
  ).items;
  if (employees.length < 10) throw new Error('the data set needs at least 10 employees');
  const department = async (name: string, parent: number | null) =>
    ((await admin.ok('POST', '/api/records/department', { name, parent })) as { id: number }).id;
  const sales = await department(`Sales ${run}`, null);
  const north = await department(`Sales North ${run}`, sales);
  for (const [index, employee] of employees.entries()) {
    await admin.ok('PATCH', `/api/records/employee/${employee.id}`, {
      department: index < 5 ? sales : north,
      version: employee.version,
    });
  }
  const role = async (name: string, scope: string) =>
    (
      (await admin.ok('POST', '/api/access/roles', {
        name: `${name} ${run}`,
        grants: [
          { object: 'company', right: 'read', scope },
          { object: 'person', right: 'read', scope },
          { object: 'dictionary_value', right: 'read', scope: 'all' },
        ],
        fields: [],
      })) as { id: number }
    ).id;
  const account = async (login: string, roleId: number, employee: number) => {
    await admin.ok('POST', '/api/access/accounts', {
      login: `${login}-${run}`,
      employee,
      password: PASSWORD,
      roles: [roleId],
    });
    return loggedIn(baseUrl, `${login}-${run}`, PASSWORD);
  };
  const lastNorth = employees[9];
  const firstSales = employees[0];
  if (!lastNorth || !firstSales) throw new Error('employees missing');
  return {
    salesperson: await account('bench-salesperson', await role('Salesperson', 'own'), lastNorth.id),
    manager: await account('bench-manager', await role('Sales manager', 'subtree'), firstSales.id),
  };
}
