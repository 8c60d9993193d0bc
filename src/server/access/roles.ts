import { sql } from 'kysely';
import type { Role, RoleFieldRule, RoleGrant } from '../../shared/access/api.ts';
import {
  ADMINISTRATOR_ROLE,
  FIELD_ACCESS,
  type FieldAccess,
  RECORD_RIGHTS,
  SCOPES,
  type Scope,
} from '../../shared/access/rights.ts';
import type { Db, Executor, Tx } from '../db/dialects/dialect.ts';
import { AppError, errors } from '../errors.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import { bumpAccessRevision } from './rights.ts';

export interface RoleInput {
  name: string;
  description?: string | null;
  requireTotp?: boolean;
  grants: unknown[];
  fields: unknown[];
}

/** Checks grants against metadata: every problem named, so the role editor can show it. */
export function checkGrants(registry: MetadataRegistry, input: unknown[]): RoleGrant[] {
  const seen = new Set<string>();
  return input.map((raw, index) => {
    const grant = (raw ?? {}) as Partial<Record<keyof RoleGrant, unknown>>;
    const at = `grants[${index}]`;
    const definition = typeof grant.object === 'string' ? registry.get(grant.object) : undefined;
    if (!definition) throw errors.badRequest(`${at}.object: unknown object ${JSON.stringify(grant.object)}`);
    const rights: string[] = [...RECORD_RIGHTS, ...definition.actions];
    if (typeof grant.right !== 'string' || !rights.includes(grant.right)) {
      throw errors.badRequest(
        `${at}.right: unknown right ${JSON.stringify(grant.right)} on ${definition.key} (one of ${rights.join(', ')})`,
      );
    }
    if (typeof grant.scope !== 'string' || !(SCOPES as readonly string[]).includes(grant.scope)) {
      throw errors.badRequest(
        `${at}.scope: unknown scope ${JSON.stringify(grant.scope)} (one of ${SCOPES.join(', ')})`,
      );
    }
    const scope = grant.scope as Scope;
    if (!definition.owner && scope !== 'none' && scope !== 'all') {
      throw errors.badRequest(
        `${at}.scope: ${definition.key} records have no owner, so the scope is "none" or "all", not "${scope}"`,
      );
    }
    const key = `${definition.key}:${grant.right}`;
    if (seen.has(key)) throw errors.badRequest(`${at}: ${grant.right} on ${definition.key} is granted twice`);
    seen.add(key);
    return { object: definition.key, right: grant.right, scope };
  });
}

export function checkFieldRules(registry: MetadataRegistry, input: unknown[]): RoleFieldRule[] {
  const seen = new Set<string>();
  return input.map((raw, index) => {
    const rule = (raw ?? {}) as Partial<Record<keyof RoleFieldRule, unknown>>;
    const at = `fields[${index}]`;
    const definition = typeof rule.object === 'string' ? registry.get(rule.object) : undefined;
    if (!definition) throw errors.badRequest(`${at}.object: unknown object ${JSON.stringify(rule.object)}`);
    const field = typeof rule.field === 'string' ? definition.field(rule.field) : undefined;
    if (!field) {
      throw errors.badRequest(
        `${at}.field: unknown field ${JSON.stringify(rule.field)} on ${definition.key}`,
      );
    }
    // Without its id and version nothing could be shown or saved; titles need their fields.
    if (field.key === 'id' || field.key === 'version' || definition.titleFields.includes(field.key)) {
      throw errors.badRequest(`${at}.field: ${definition.key}.${field.key} cannot have a field rule`);
    }
    if (typeof rule.access !== 'string' || !(FIELD_ACCESS as readonly string[]).includes(rule.access)) {
      throw errors.badRequest(
        `${at}.access: unknown access ${JSON.stringify(rule.access)} (one of ${FIELD_ACCESS.join(', ')})`,
      );
    }
    const key = `${definition.key}:${field.key}`;
    if (seen.has(key)) throw errors.badRequest(`${at}: ${definition.key}.${field.key} has two rules`);
    seen.add(key);
    return { object: definition.key, field: field.key, access: rule.access as FieldAccess };
  });
}

export async function listRoles(db: Executor): Promise<Role[]> {
  const rows = await db.selectFrom('access_role').selectAll().orderBy('name').execute();
  const ids = [0, ...rows.map((r) => Number(r.id))];
  const grants = await db.selectFrom('access_role_grant').selectAll().where('role_id', 'in', ids).execute();
  const fields = await db.selectFrom('access_role_field').selectAll().where('role_id', 'in', ids).execute();
  const accounts = await db.selectFrom('account_role').selectAll().where('role_id', 'in', ids).execute();
  const groups = await db.selectFrom('work_group_role').selectAll().where('role_id', 'in', ids).execute();
  return rows.map((row) => {
    const id = Number(row.id);
    const mine = (list: Array<Record<string, unknown>>) => list.filter((r) => Number(r.role_id) === id);
    return {
      id,
      name: String(row.name),
      description: (row.description as string | null) ?? null,
      builtin: (row.builtin as string | null) ?? null,
      requireTotp: row.require_totp === true || Number(row.require_totp) === 1,
      grants: mine(grants).map((g) => ({
        object: String(g.object),
        right: String(g.right_name),
        scope: String(g.scope) as Scope,
      })),
      fields: mine(fields).map((f) => ({
        object: String(f.object),
        field: String(f.field),
        access: String(f.access) as FieldAccess,
      })),
      accounts: mine(accounts).map((a) => Number(a.account_id)),
      workGroups: mine(groups).map((g) => Number(g.work_group_id)),
      version: Number(row.version),
      updatedAt: String(row.updated_at),
    };
  });
}

export async function getRole(db: Executor, id: number): Promise<Role> {
  const role = (await listRoles(db)).find((r) => r.id === id);
  if (!role) throw errors.notFound(`No role with id ${id}`);
  return role;
}

async function writeGrants(trx: Tx, roleId: number, grants: RoleGrant[], fields: RoleFieldRule[]) {
  await trx.deleteFrom('access_role_grant').where('role_id', '=', roleId).execute();
  await trx.deleteFrom('access_role_field').where('role_id', '=', roleId).execute();
  if (grants.length > 0) {
    await trx
      .insertInto('access_role_grant')
      .values(grants.map((g) => ({ role_id: roleId, object: g.object, right_name: g.right, scope: g.scope })))
      .execute();
  }
  if (fields.length > 0) {
    await trx
      .insertInto('access_role_field')
      .values(fields.map((f) => ({ role_id: roleId, object: f.object, field: f.field, access: f.access })))
      .execute();
  }
}

function checkName(input: RoleInput): { name: string; description: string | null } {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length < 1 || name.length > 100) throw errors.badRequest('name: 1 to 100 characters');
  const description = typeof input.description === 'string' ? input.description.slice(0, 2000) : null;
  return { name, description };
}

export async function createRole(
  db: Db,
  registry: MetadataRegistry,
  input: RoleInput,
  actorId: number | null,
  at: string,
  bool: (value: boolean) => unknown,
): Promise<number> {
  const { name, description } = checkName(input);
  const grants = checkGrants(registry, input.grants);
  const fields = checkFieldRules(registry, input.fields);
  return db.transaction().execute(async (trx) => {
    await assertNameFree(trx, name, null);
    const row = await trx
      .insertInto('access_role')
      .values({
        name,
        description,
        builtin: null,
        require_totp: bool(input.requireTotp ?? false),
        version: 1,
        created_at: at,
        created_by: actorId,
        updated_at: at,
        updated_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeGrants(trx, Number(row.id), grants, fields);
    await bumpAccessRevision(trx);
    return Number(row.id);
  });
}

export async function replaceRole(
  db: Db,
  registry: MetadataRegistry,
  id: number,
  input: RoleInput & { version: number },
  actorId: number | null,
  at: string,
  bool: (value: boolean) => unknown,
): Promise<void> {
  const { name, description } = checkName(input);
  const grants = checkGrants(registry, input.grants);
  const fields = checkFieldRules(registry, input.fields);
  await db.transaction().execute(async (trx) => {
    const before = await getRole(trx, id);
    if (before.builtin)
      throw errors.conflict(`The built-in role "${before.name}" has every right and cannot be changed`);
    await assertNameFree(trx, name, id);
    const updated = await trx
      .updateTable('access_role')
      .set({
        name,
        description,
        require_totp: bool(input.requireTotp ?? false),
        version: input.version + 1,
        updated_at: at,
        updated_by: actorId,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw errors.conflict(`Role ${id} was changed by someone else meanwhile; review the current version`, {
        current: before,
      });
    }
    await writeGrants(trx, id, grants, fields);
    await bumpAccessRevision(trx);
  });
}

export async function deleteRole(db: Db, id: number): Promise<Role> {
  return db.transaction().execute(async (trx) => {
    const role = await getRole(trx, id);
    if (role.builtin) throw errors.conflict(`The built-in role "${role.name}" cannot be deleted`);
    if (role.accounts.length > 0 || role.workGroups.length > 0) {
      throw new AppError(
        409,
        'role_in_use',
        `Role "${role.name}" is given to ${role.accounts.length} account(s) and ${role.workGroups.length} work group(s); take it away first`,
        { accounts: role.accounts, workGroups: role.workGroups },
      );
    }
    await trx.deleteFrom('access_role').where('id', '=', id).execute();
    await bumpAccessRevision(trx);
    return role;
  });
}

async function assertNameFree(trx: Tx, name: string, exceptId: number | null): Promise<void> {
  let query = trx.selectFrom('access_role').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw errors.conflict(`A role named "${name}" already exists`);
}

/** Ids that are roles; anything else is a 400 naming it. */
export async function checkRoleIds(executor: Executor, input: unknown): Promise<number[]> {
  if (
    !Array.isArray(input) ||
    !input.every((id) => Number.isSafeInteger(id) && id > 0) ||
    input.length > 100
  ) {
    throw errors.badRequest('roles must be a list of role ids');
  }
  const ids = [...new Set(input as number[])];
  const found = ids.length
    ? (await executor.selectFrom('access_role').select('id').where('id', 'in', ids).execute()).map((r) =>
        Number(r.id),
      )
    : [];
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length > 0) throw errors.badRequest(`roles: no role with id ${missing.join(', ')}`);
  return ids;
}

/**
 * Whether at least one active account still holds the administrator role (directly or
 * through a work group its employee belongs to). Run inside the transaction of a change that
 * could take the last one away; the change is refused (409) when none would remain.
 */
export async function assertAdministratorRemains(executor: Executor): Promise<void> {
  const result = await sql<{ n: number | string }>`SELECT count(*) AS n FROM user_account u
    WHERE u.deleted_at IS NULL AND u.active = ${sql.lit(true)} AND (
      u.id IN (SELECT ar.account_id FROM account_role ar JOIN access_role r ON r.id = ar.role_id
        WHERE r.builtin = ${ADMINISTRATOR_ROLE})
      OR u.employee_id IN (SELECT m.employee_id FROM work_group_member m
        JOIN work_group g ON g.id = m.work_group_id AND g.deleted_at IS NULL
        JOIN work_group_role wr ON wr.work_group_id = g.id
        JOIN access_role r ON r.id = wr.role_id WHERE r.builtin = ${ADMINISTRATOR_ROLE}))`.execute(executor);
  if (Number(result.rows[0]?.n ?? 0) === 0) {
    throw new AppError(409, 'last_administrator', 'At least one active administrator must remain');
  }
}
