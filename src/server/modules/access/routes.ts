import { z } from 'zod';
import { FIELD_ACCESS, SCOPES } from '../../../shared/access/rights.ts';
import { effectiveRights } from '../../access/effective.ts';
import { bumpAccessRevision } from '../../access/rights.ts';
import {
  assertAdministratorRemains,
  checkRoleIds,
  createRole,
  deleteRole,
  getRole,
  listRoles,
  replaceRole,
} from '../../access/roles.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { versionSchema } from '../../records/version.ts';
import { accountSecurityRoutes } from './account-security-routes.ts';
import { accountRoutes } from './accounts-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { shareRoutes } from './shares-routes.ts';

const tags = ['access'];
const grantSchema = z.object({ object: z.string(), right: z.string(), scope: z.enum(SCOPES) });
const fieldRuleSchema = z.object({ object: z.string(), field: z.string(), access: z.enum(FIELD_ACCESS) });
const roleSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  builtin: z.string().nullable(),
  requireTotp: z.boolean(),
  grants: z.array(grantSchema),
  fields: z.array(fieldRuleSchema),
  accounts: z.array(z.number()),
  workGroups: z.array(z.number()),
  version: z.number(),
  updatedAt: z.string(),
});
// Loose on purpose: the service checks every grant against metadata and names what is wrong.
const roleBody = z.object({
  name: z.string(),
  description: z.string().max(2000).nullable().optional(),
  requireTotp: z.boolean().optional(),
  grants: z.array(z.unknown()).max(5000),
  fields: z.array(z.unknown()).max(5000).default([]),
});
const idParams = z.object({ id: z.coerce.number().int().positive() });
const rolesBody = z.object({ roles: z.array(z.number().int()).max(100) });

/** Roles, who has them, and the caller's effective rights. */
export async function accessRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect, registry } = services;
  const bool = (value: boolean) => dialect.encodeBoolean(value);

  app.get(
    '/api/access/me',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "The caller's effective rights: object → right → scope, hidden and read-only fields",
        response: { 200: z.unknown() },
      },
    },
    async (request) => effectiveRights(registry, actorOf(request)),
  );

  app.get(
    '/api/access/roles',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Every role with its grants and field rules',
        response: { 200: z.object({ items: z.array(roleSchema) }) },
      },
    },
    async () => ({ items: await listRoles(dialect.db) }),
  );

  app.post(
    '/api/access/roles',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary:
          'Create a role: {name, description, grants: [{object, right, scope}], fields: [{object, field, access}]}',
        body: roleBody,
        response: { 201: roleSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const at = services.now().toISOString();
      const id = await createRole(dialect.db, registry, request.body, userIdOf(actor), at, bool);
      const role = await getRole(dialect.db, id);
      await logRightsChange(services, request.ip, actor, { role: id, name: role.name, change: 'created' });
      return reply.status(201).send(role);
    },
  );

  app.get(
    '/api/access/roles/:id',
    {
      config: { policy: 'administrator' },
      schema: { tags, summary: 'One role', params: idParams, response: { 200: roleSchema } },
    },
    async (request) => getRole(dialect.db, request.params.id),
  );

  app.put(
    '/api/access/roles/:id',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary:
          'Replace a role’s name, grants and field rules; `version` must be the one you read (409 if not)',
        params: idParams,
        body: roleBody.extend({ version: versionSchema }),
        response: { 200: roleSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = services.now().toISOString();
      await replaceRole(dialect.db, registry, request.params.id, request.body, userIdOf(actor), at, bool);
      const role = await getRole(dialect.db, request.params.id);
      await logRightsChange(services, request.ip, actor, {
        role: role.id,
        name: role.name,
        change: 'replaced',
      });
      return role;
    },
  );

  app.delete(
    '/api/access/roles/:id',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Delete a role nobody has (409 while in use)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const role = await deleteRole(dialect.db, request.params.id);
      await logRightsChange(services, request.ip, actorOf(request), {
        role: role.id,
        name: role.name,
        change: 'deleted',
      });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/access/accounts/:id/roles',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Set the roles of an account (replaces them); at least one administrator must remain',
        params: idParams,
        body: rolesBody,
        response: { 200: z.object({ roles: z.array(z.number()) }) },
      },
    },
    async (request) => {
      const accountId = request.params.id;
      const roles = await dialect.db.transaction().execute(async (trx) => {
        const account = await trx
          .selectFrom('user_account')
          .select('id')
          .where('id', '=', accountId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!account) throw errors.notFound(`No account with id ${accountId}`);
        const ids = await checkRoleIds(trx, request.body.roles);
        await trx.deleteFrom('account_role').where('account_id', '=', accountId).execute();
        if (ids.length > 0) {
          await trx
            .insertInto('account_role')
            .values(ids.map((role_id) => ({ account_id: accountId, role_id })))
            .execute();
        }
        await assertAdministratorRemains(trx);
        await bumpAccessRevision(trx);
        return ids;
      });
      await logRightsChange(services, request.ip, actorOf(request), { account: accountId, roles });
      return { roles };
    },
  );

  app.put(
    '/api/access/work-groups/:id/roles',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Set the roles every member of a work group has (replaces them)',
        params: idParams,
        body: rolesBody,
        response: { 200: z.object({ roles: z.array(z.number()) }) },
      },
    },
    async (request) => {
      const groupId = request.params.id;
      const roles = await dialect.db.transaction().execute(async (trx) => {
        const group = await trx
          .selectFrom('work_group')
          .select('id')
          .where('id', '=', groupId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!group) throw errors.notFound(`No work group with id ${groupId}`);
        const ids = await checkRoleIds(trx, request.body.roles);
        await trx.deleteFrom('work_group_role').where('work_group_id', '=', groupId).execute();
        if (ids.length > 0) {
          await trx
            .insertInto('work_group_role')
            .values(ids.map((role_id) => ({ work_group_id: groupId, role_id })))
            .execute();
        }
        await assertAdministratorRemains(trx);
        await bumpAccessRevision(trx);
        return ids;
      });
      await logRightsChange(services, request.ip, actorOf(request), { workGroup: groupId, roles });
      return { roles };
    },
  );

  await accountRoutes(app, services);
  await accountSecurityRoutes(app, services);
  await auditRoutes(app, services);
  await shareRoutes(app, services);
}

function userIdOf(actor: ReturnType<typeof actorOf>): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

async function logRightsChange(
  services: AppServices,
  ip: string,
  actor: ReturnType<typeof actorOf>,
  details: Record<string, unknown>,
): Promise<void> {
  await logSecurityEvent(services.dialect.db, {
    kind: 'rights_changed',
    accountId: userIdOf(actor),
    login: actor.kind === 'user' ? actor.login : null,
    ip,
    details,
    at: services.now(),
  });
}
