import { sql } from 'kysely';
import type { RoleFieldRule, RoleGrant } from '../../shared/access/api.ts';
import type { Scope } from '../../shared/access/rights.ts';
import { checkPasswordPolicy } from '../access/password-policy.ts';
import { generatePassword, hashPassword } from '../access/passwords.ts';
import { bumpAccessRevision } from '../access/rights.ts';
import { checkFieldRules, checkGrants } from '../access/roles.ts';
import type { Dialect, Tx } from '../db/dialects/dialect.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import { departmentSubtree, leadingDepartment, type OrganisationPlan } from './generator/organisation.ts';
import type { LoadedDataset } from './load.ts';

/** When set, the password of every demo account (it must meet the password policy). */
export const DEMO_PASSWORD_VARIABLE = 'KARTOTEKA_DEMO_PASSWORD';

export type DemoPart = 'salesperson' | 'manager' | 'assistant';

/** Fixed logins named after what the account shows, so the README and the manual can name them. */
export const DEMO_LOGINS: Readonly<Record<DemoPart, string>> = {
  salesperson: 'salesperson',
  manager: 'sales.manager',
  assistant: 'assistant',
};

export interface DemoAccount {
  login: string;
  password: string;
  /** True when the password is KARTOTEKA_DEMO_PASSWORD: it is not printed then. */
  configured: boolean;
  role: string;
  /** The linked employee's name. */
  employee: string;
  /** What the account may do, in a line, for the start-up log. */
  summary: string;
}

interface DemoRole {
  name: string;
  description: string;
  grants: RoleGrant[];
  fields: RoleFieldRule[];
}

const grant = (object: string, rights: readonly string[], scope: Scope): RoleGrant[] =>
  rights.map((right) => ({ object, right, scope }));

/**
 * What a salesperson works on, each owned through whoever looks after it: clients and their
 * people (account manager), cases and their stages (the case's lead), activities (organiser),
 * notes (the client's account manager).
 */
const CLIENT_WORK = ['company', 'person', 'case', 'case_stage', 'activity', 'note', 'opportunity'] as const;

/** How sales are run: the scenarios with their stages, and the stages deals went through. */
const SALES_SETUP = ['sales_scenario', 'sales_stage'] as const;

/**
 * Internal work: tasks (the assignee's; the requester, watchers and a register's readers see
 * them too), the registers and topics (their keeper's; a register's readers see them too).
 */
const TASK_WORK = ['task', 'task_register', 'task_topic', 'task_claim', 'reminder'] as const;

/** What things cost: the company's catalogue, its price lists and the tax and exchange rates. */
const PRICING = ['product', 'price_list', 'price_list_item', 'tax_rate', 'exchange_rate'] as const;

/** The three roles, validated against the metadata like a role editor's input would be. */
export function demoRoles(registry: MetadataRegistry): Record<DemoPart, DemoRole> {
  const roles: Record<DemoPart, DemoRole> = {
    salesperson: {
      name: 'Salesperson',
      description:
        'Demo role: reads, creates and edits own clients (companies they manage and their people), their opportunities, the cases they lead with their stages, the activities they organise and the notes on their clients, their own tasks and those of the task registers they belong to; reads dictionaries, employees, products, price lists and tax and exchange rates. No deleting, export or bulk changes.',
      grants: [
        ...CLIENT_WORK.flatMap((o) => grant(o, ['read', 'create', 'update'], 'own')),
        ...['task', 'reminder'].flatMap((o) => grant(o, ['read', 'create', 'update'], 'own')),
        ...['task_register', 'task_topic', 'task_claim'].flatMap((o) => grant(o, ['read'], 'own')),
        // Chain templates are the company's: anyone may start one.
        ...['task_chain', 'task_chain_step'].flatMap((o) => grant(o, ['read'], 'all')),
        // Resources are the company's: everyone sees them and books them for themselves
        // (cancelling a booking is deleting it: it frees the room).
        ...grant('resource', ['read'], 'all'),
        ...grant('booking', ['read', 'create', 'update', 'delete'], 'own'),
        // Prices are the company's: every salesperson quotes from them.
        ...PRICING.flatMap((o) => grant(o, ['read'], 'all')),
        ...SALES_SETUP.flatMap((o) => grant(o, ['read'], 'all')),
        ...grant('stage_history', ['read'], 'own'),
        ...grant('sales_target', ['read'], 'own'),
        ...grant('dictionary_value', ['read'], 'all'),
        ...grant('employee', ['read'], 'all'),
      ],
      fields: [],
    },
    manager: {
      name: 'Sales manager',
      description:
        'Demo role: reads, creates, edits, deletes, exports and bulk-edits the clients, opportunities, cases, activities, notes and tasks of their own department and the departments below it; keeps the products and price lists; reads dictionaries, employees, departments, work groups and tax and exchange rates.',
      grants: [
        ...[...CLIENT_WORK, ...TASK_WORK].flatMap((o) =>
          grant(o, ['read', 'create', 'update', 'delete', 'export', 'bulk'], 'subtree'),
        ),
        ...[
          'dictionary_value',
          'employee',
          'department',
          'work_group',
          'task_chain',
          'task_chain_step',
        ].flatMap((o) => grant(o, ['read'], 'all')),
        ...grant('resource', ['read'], 'all'),
        ...grant('booking', ['read', 'create', 'update', 'delete', 'export'], 'subtree'),
        // The manager keeps the catalogue and the price lists; rates are administrators'.
        ...PRICING.flatMap((o) => grant(o, ['read', 'export'], 'all')),
        ...SALES_SETUP.flatMap((o) => grant(o, ['read'], 'all')),
        ...grant('stage_history', ['read', 'export'], 'subtree'),
        // The manager sets the team's targets.
        ...grant('sales_target', ['read', 'create', 'update', 'delete', 'export'], 'subtree'),
        ...['product', 'price_list', 'price_list_item'].flatMap((o) =>
          grant(o, ['create', 'update', 'delete'], 'all'),
        ),
      ],
      fields: [],
    },
    assistant: {
      name: 'Assistant',
      description:
        'Demo role: reads everything but user accounts, creates and edits companies and people, schedules activities, writes notes and tasks for everyone; no export. Financial company fields are hidden.',
      grants: [
        // Every object the registry has, so objects added later are readable too.
        ...registry
          .list()
          .filter((definition) => definition.key !== 'user_account')
          .flatMap((definition) => grant(definition.key, ['read'], 'all')),
        ...['company', 'person', 'activity', 'note', 'task', 'reminder'].flatMap((o) =>
          grant(o, ['create', 'update'], 'all'),
        ),
        ...grant('booking', ['create', 'update'], 'own'),
      ],
      // What a role editor would call financial. Clients have no money fields yet: the number of
      // employees stands in for them; turnover, credit limits and the like (coming with sales)
      // belong in this list.
      fields: [{ object: 'company', field: 'employee_count', access: 'hidden' }],
    },
  };
  for (const role of Object.values(roles)) {
    checkGrants(registry, role.grants);
    checkFieldRules(registry, role.fields);
  }
  return roles;
}

export interface DemoPassword {
  password: string;
  /** True when it is KARTOTEKA_DEMO_PASSWORD. */
  configured: boolean;
  hash: string;
}

/**
 * One password per login: KARTOTEKA_DEMO_PASSWORD for all of them when it is set (a value the
 * policy refuses stops the start before anything is loaded), else a random one each. Hashed
 * here, so the seeding transaction does not wait for argon2.
 */
export async function demoPasswords(configured: string | undefined): Promise<Record<DemoPart, DemoPassword>> {
  const given = configured === '' ? undefined : configured;
  const entry = async (part: DemoPart): Promise<DemoPassword> => {
    const login = DEMO_LOGINS[part];
    if (given !== undefined) {
      const problem = checkPasswordPolicy(given, { login });
      if (problem)
        throw new Error(`${DEMO_PASSWORD_VARIABLE} ${problem} (checked for the demo account "${login}")`);
    }
    const password = given ?? generatePassword(login);
    return { password, configured: given !== undefined, hash: await hashPassword(password) };
  };
  const [salesperson, manager, assistant] = await Promise.all([
    entry('salesperson'),
    entry('manager'),
    entry('assistant'),
  ]);
  return { salesperson, manager, assistant };
}

/**
 * Who the accounts are: the manager heads the leading sales department (so `subtree` covers
 * its sub-departments too), the salesperson is the colleague below them with the most clients,
 * the assistant works in customer service without heading it.
 */
async function chooseStaff(trx: Tx, loaded: LoadedDataset): Promise<Record<DemoPart, number>> {
  const plan: OrganisationPlan = loaded.organisation;
  const sales = leadingDepartment(plan, 'Sales');
  const manager = sales === null ? null : (plan.departments[sales]?.head ?? null);
  if (sales === null || manager === null)
    throw new Error('The demo data set has no sales department with a head');
  const heads = new Set(plan.departments.map((d) => d.head));
  const workers = (departments: readonly number[]) =>
    loaded.staff.flatMap((employee, e) =>
      employee.active && !heads.has(e) && departments.includes(plan.departmentOf[e] ?? -1) ? [e] : [],
    );
  const sellers = workers(departmentSubtree(plan, sales));
  const ids = sellers.map((e) => loaded.employeeIds[e] ?? 0);
  const counts = await sql<{ id: number | string; n: number | string }>`
    SELECT account_manager_id AS id, count(*) AS n FROM company
    WHERE deleted_at IS NULL AND account_manager_id IN (${sql.join([0, ...ids])})
    GROUP BY account_manager_id`.execute(trx);
  const clients = new Map(counts.rows.map((r) => [Number(r.id), Number(r.n)]));
  const clientsOf = (e: number) => clients.get(loaded.employeeIds[e] ?? 0) ?? 0;
  // Ties go to the lower index: `reduce` keeps the first of equals.
  const salesperson = sellers.reduce<number | null>(
    (best, e) => (best === null || clientsOf(e) > clientsOf(best) ? e : best),
    null,
  );
  if (salesperson === null || clientsOf(salesperson) === 0) {
    throw new Error('The demo data set has no salesperson with clients');
  }
  const service = leadingDepartment(plan, 'Customer Service');
  const everyone = plan.departments.map((_, d) => d);
  const assistant =
    (service === null ? [] : workers(departmentSubtree(plan, service)))[0] ??
    workers(everyone).find((e) => e !== salesperson);
  if (assistant === undefined) throw new Error('The demo data set has nobody to be the assistant');
  return { salesperson, manager, assistant };
}

/**
 * Creates the three roles and accounts, inside the caller's transaction (straight to the tables,
 * like the rest of the seed). Nothing is created when a login or role name is already taken:
 * that database was set up by hand, and the demo must not change anyone's rights there.
 */
export async function addDemoAccounts(
  trx: Tx,
  dialect: Dialect,
  registry: MetadataRegistry,
  loaded: LoadedDataset,
  passwords: Record<DemoPart, DemoPassword>,
  at: string,
): Promise<{ accounts: DemoAccount[]; skipped: string | null }> {
  const roles = demoRoles(registry);
  const parts = Object.keys(DEMO_LOGINS) as DemoPart[];
  const takenLogin = await trx
    .selectFrom('user_account')
    .select('login')
    .where('login', 'in', Object.values(DEMO_LOGINS))
    .executeTakeFirst();
  const takenRole = await trx
    .selectFrom('access_role')
    .select('name')
    .where(
      sql`lower(name)`,
      'in',
      parts.map((p) => roles[p].name.toLowerCase()),
    )
    .executeTakeFirst();
  if (takenLogin) return { accounts: [], skipped: `the login "${String(takenLogin.login)}" exists` };
  if (takenRole) return { accounts: [], skipped: `a role named "${String(takenRole.name)}" exists` };

  const staff = await chooseStaff(trx, loaded);
  const salesName =
    loaded.organisation.departments[loaded.organisation.departmentOf[staff.manager] ?? 0]?.name;
  const summaries: Record<DemoPart, string> = {
    salesperson:
      'own clients, cases, activities, notes and tasks: read, create, edit; no delete, export or bulk changes',
    manager: `clients, cases, activities, notes and tasks of ${salesName} and the departments below it: read, edit, delete, export, bulk changes`,
    assistant:
      'reads everything but accounts and the employee count of companies; creates and edits clients, activities, notes and tasks; no export',
  };
  const accounts: DemoAccount[] = [];
  for (const part of parts) {
    const role = roles[part];
    const roleRow = await trx
      .insertInto('access_role')
      .values({
        name: role.name,
        description: role.description,
        builtin: null,
        require_totp: dialect.encodeBoolean(false),
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const roleId = Number(roleRow.id);
    await trx
      .insertInto('access_role_grant')
      .values(
        role.grants.map((g) => ({ role_id: roleId, object: g.object, right_name: g.right, scope: g.scope })),
      )
      .execute();
    if (role.fields.length > 0) {
      await trx
        .insertInto('access_role_field')
        .values(
          role.fields.map((f) => ({ role_id: roleId, object: f.object, field: f.field, access: f.access })),
        )
        .execute();
    }
    const employee = loaded.staff[staff[part]];
    const account = await trx
      .insertInto('user_account')
      .values({
        login: DEMO_LOGINS[part],
        password_hash: passwords[part].hash,
        employee_id: loaded.employeeIds[staff[part]],
        active: dialect.encodeBoolean(true),
        locale: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('account_role').values({ account_id: account.id, role_id: roleId }).execute();
    accounts.push({
      login: DEMO_LOGINS[part],
      password: passwords[part].password,
      configured: passwords[part].configured,
      role: role.name,
      employee: employee ? `${employee.first_name} ${employee.last_name}` : '',
      summary: summaries[part],
    });
  }
  await bumpAccessRevision(trx);
  return { accounts, skipped: null };
}
