import { type Expression, sql } from 'kysely';
import { type FieldAccess, type Scope, widerFieldAccess, widerScope } from '../../shared/access/rights.ts';
import type { Db, Dialect, Executor } from '../db/dialects/dialect.ts';
import { idLists } from '../db/id-lists.ts';

/** One object's effective rights for one account: the union of all its roles. */
export interface ObjectAccess {
  /** right or named action → the widest scope any role grants; absent is `none`. */
  rights: ReadonlyMap<string, Scope>;
  /** Fields whose effective access is narrower than `edit`. */
  fields: ReadonlyMap<string, Exclude<FieldAccess, 'edit'>>;
}

/**
 * What one account may do, loaded once per request (from a cache) and applied by the records
 * engine. `administrator` short-cuts everything: the built-in role has every right.
 */
export interface AccessRights {
  accountId: number;
  employeeId: number | null;
  departmentId: number | null;
  workGroupIds: readonly number[];
  administrator: boolean;
  /** One of the account's roles requires two-factor login. */
  requireTotp: boolean;
  roles: ReadonlyArray<{ id: number; name: string }>;
  objects: ReadonlyMap<string, ObjectAccess>;
  /** Objects with at least one record shared with this account (directly or through its groups). */
  sharedObjects: ReadonlySet<string>;
}

/** Who an account is in the organisation right now; part of the cache key. */
export interface Membership {
  revision: number;
  departmentId: number | null;
  workGroupIds: number[];
}

/**
 * The membership of the employee `employee` names (a column of the account, or an id), as three
 * columns: a query that reads the account anyway (the session look-up) adds them, so they cost
 * no round trip of their own per request. Read back with `membershipOf`.
 */
export function membershipColumns(dialect: Dialect, employee: Expression<unknown>) {
  return [
    sql<number | string | null>`(SELECT revision FROM access_revision WHERE id = 1)`.as(
      'membership_revision',
    ),
    sql<number | string | null>`(SELECT department_id FROM employee WHERE id = ${employee})`.as(
      'membership_department',
    ),
    sql<
      string | null
    >`(SELECT ${dialect.idList('work_group_id')} FROM work_group_member WHERE employee_id = ${employee})`.as(
      'membership_groups',
    ),
  ] as const;
}

export function membershipOf(row: {
  membership_revision: unknown;
  membership_department: unknown;
  membership_groups: unknown;
}): Membership {
  const groups =
    typeof row.membership_groups === 'string' && row.membership_groups !== '' ? row.membership_groups : null;
  return {
    revision: Number(row.membership_revision ?? 0),
    departmentId:
      row.membership_department === null || row.membership_department === undefined
        ? null
        : Number(row.membership_department),
    workGroupIds: groups
      ? groups
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
  };
}

/**
 * Caches rights per account. The key is the access revision (bumped in the same transaction as
 * every change of roles, grants or shares) plus the account's employee, department and work
 * groups, which are read on every request (with the session itself, `membershipColumns`): a
 * change made through the records engine (moving an employee, a new group member) applies on
 * the next request, on every instance, without anyone remembering to invalidate anything.
 */
export class RightsCache {
  private readonly entries = new Map<number, { key: string; rights: AccessRights }>();

  /** `membership` when the caller read it already (`membershipColumns`), else read here. */
  async rightsOf(
    dialect: Dialect,
    accountId: number,
    employeeId: number | null,
    membership?: Membership,
  ): Promise<AccessRights> {
    return this.rightsFor(
      dialect.db,
      accountId,
      employeeId,
      membership ?? (await readMembership(dialect, employeeId)),
    );
  }

  /**
   * The rights of many accounts, their memberships read in three queries for all of them: work
   * done for many people at once (a batch of notifications) asks here, not once per person.
   */
  async rightsOfMany(
    db: Db,
    accounts: ReadonlyArray<{ accountId: number; employeeId: number | null }>,
  ): Promise<Map<number, AccessRights>> {
    const memberships = await readMemberships(
      db,
      accounts.map((account) => account.employeeId),
    );
    const rights = new Map<number, AccessRights>();
    for (const { accountId, employeeId } of accounts) {
      const membership = memberships.get(employeeId) ?? NO_MEMBERSHIP;
      rights.set(accountId, await this.rightsFor(db, accountId, employeeId, membership));
    }
    return rights;
  }

  private async rightsFor(
    db: Db,
    accountId: number,
    employeeId: number | null,
    membership: Membership,
  ): Promise<AccessRights> {
    const key = JSON.stringify([membership, employeeId]);
    const cached = this.entries.get(accountId);
    if (cached && cached.key === key) return cached.rights;
    const rights = await loadRights(db, accountId, employeeId, membership);
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(accountId, { key, rights });
    return rights;
  }
}

const NO_MEMBERSHIP: Membership = { revision: 0, departmentId: null, workGroupIds: [] };

/** One account's membership in one query, for a request without a session (an API token, view as). */
async function readMembership(dialect: Dialect, employeeId: number | null): Promise<Membership> {
  const row = await dialect.db
    .selectNoFrom(membershipColumns(dialect, sql.val(employeeId)))
    .executeTakeFirstOrThrow();
  return membershipOf(row);
}

/** The access revision and each employee's department and work groups (an account without an employee: none). */
async function readMemberships(
  db: Db,
  employeeIds: ReadonlyArray<number | null>,
): Promise<Map<number | null, Membership>> {
  const head = await sql<{ revision: number | string }>`
    SELECT revision FROM access_revision WHERE id = 1`.execute(db);
  const revision = Number(head.rows[0]?.revision ?? 0);
  const memberships = new Map<number | null, Membership>([[null, { ...NO_MEMBERSHIP, revision }]]);
  const ids = [...new Set(employeeIds)].filter((id): id is number => id !== null);
  for (const id of ids) memberships.set(id, { revision, departmentId: null, workGroupIds: [] });
  for (const chunk of idLists(ids)) {
    const employees = await db
      .selectFrom('employee')
      .select(['id', 'department_id'])
      .where('id', 'in', chunk)
      .execute();
    for (const row of employees) {
      const membership = memberships.get(Number(row.id));
      if (membership && row.department_id !== null) membership.departmentId = Number(row.department_id);
    }
    const groups = await db
      .selectFrom('work_group_member')
      .select(['employee_id', 'work_group_id'])
      .where('employee_id', 'in', chunk)
      .orderBy('work_group_id')
      .execute();
    for (const row of groups)
      memberships.get(Number(row.employee_id))?.workGroupIds.push(Number(row.work_group_id));
  }
  return memberships;
}

async function loadRights(
  db: Db,
  accountId: number,
  employeeId: number | null,
  membership: Membership,
): Promise<AccessRights> {
  const roleRows = await sql<{
    id: number | string;
    name: string;
    builtin: string | null;
    require_totp: number | boolean;
  }>`
    SELECT r.id, r.name, r.builtin, r.require_totp FROM access_role r
    WHERE r.id IN (SELECT role_id FROM account_role WHERE account_id = ${accountId})
      OR r.id IN (SELECT wr.role_id FROM work_group_role wr
        JOIN work_group g ON g.id = wr.work_group_id AND g.deleted_at IS NULL
        WHERE wr.work_group_id IN (${sql.join([0, ...membership.workGroupIds])}))
    ORDER BY r.name`.execute(db);
  const roles = roleRows.rows.map((r) => ({ id: Number(r.id), name: r.name }));
  const roleIds = [0, ...roles.map((r) => r.id)];
  const grants = await db
    .selectFrom('access_role_grant')
    .select(['role_id', 'object', 'right_name', 'scope'])
    .where('role_id', 'in', roleIds)
    .execute();
  const rules = await db
    .selectFrom('access_role_field')
    .select(['role_id', 'object', 'field', 'access'])
    .where('role_id', 'in', roleIds)
    .execute();
  return {
    accountId,
    employeeId,
    departmentId: membership.departmentId,
    workGroupIds: membership.workGroupIds,
    administrator: roleRows.rows.some((r) => r.builtin === 'administrator'),
    requireTotp: roleRows.rows.some((r) => r.require_totp === true || Number(r.require_totp) === 1),
    roles,
    objects: mergeRoles(grants, rules),
    sharedObjects: await sharedObjects(db, accountId, membership),
  };
}

type GrantRow = { role_id: unknown; object: unknown; right_name: unknown; scope: unknown };
type RuleRow = { role_id: unknown; object: unknown; field: unknown; access: unknown };

/**
 * The most permissive grant wins. A field is as open as the most open role that can read the
 * object makes it: a role that reads the object without a rule for the field sees and edits it.
 */
export function mergeRoles(grants: GrantRow[], rules: RuleRow[]): Map<string, ObjectAccess> {
  const rights = new Map<string, Map<string, Scope>>();
  const readers = new Map<string, Set<number>>();
  for (const grant of grants) {
    const object = String(grant.object);
    const scope = String(grant.scope) as Scope;
    const perObject = rights.get(object) ?? new Map<string, Scope>();
    perObject.set(
      String(grant.right_name),
      widerScope(perObject.get(String(grant.right_name)) ?? 'none', scope),
    );
    rights.set(object, perObject);
    if (grant.right_name === 'read' && scope !== 'none') {
      readers.set(object, (readers.get(object) ?? new Set()).add(Number(grant.role_id)));
    }
  }
  const objects = new Map<string, ObjectAccess>();
  for (const [object, perObject] of rights) {
    const reading = readers.get(object) ?? new Set<number>();
    const byField = new Map<string, Map<number, FieldAccess>>();
    for (const rule of rules) {
      if (rule.object !== object || !reading.has(Number(rule.role_id))) continue;
      const field = String(rule.field);
      byField.set(
        field,
        (byField.get(field) ?? new Map()).set(Number(rule.role_id), rule.access as FieldAccess),
      );
    }
    const fields = new Map<string, Exclude<FieldAccess, 'edit'>>();
    for (const [field, perRole] of byField) {
      // A reading role without a rule for this field leaves it editable.
      if (perRole.size < reading.size) continue;
      const access = [...perRole.values()].reduce(widerFieldAccess, 'hidden' as FieldAccess);
      if (access !== 'edit') fields.set(field, access);
    }
    objects.set(object, { rights: perObject, fields });
  }
  return objects;
}

async function sharedObjects(db: Db, accountId: number, membership: Membership): Promise<Set<string>> {
  const rows = await sql<{ object: string }>`SELECT DISTINCT object FROM record_share
    WHERE account_id = ${accountId}
      OR department_id = ${membership.departmentId ?? 0}
      OR work_group_id IN (${sql.join([0, ...membership.workGroupIds])})`.execute(db);
  return new Set(rows.rows.map((r) => r.object));
}

/** Marks every cached snapshot stale; call it inside the transaction that changes rights. */
export async function bumpAccessRevision(executor: Executor): Promise<void> {
  await sql`UPDATE access_revision SET revision = revision + 1 WHERE id = 1`.execute(executor);
}
