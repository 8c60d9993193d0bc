import { z } from 'zod';
import { checkPasswordPolicy } from '../../access/password-policy.ts';
import { generatePassword, hashPassword } from '../../access/passwords.ts';
import { bumpAccessRevision } from '../../access/rights.ts';
import { assertAdministratorRemains, checkRoleIds } from '../../access/roles.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import { endOtherSessions } from '../../access/sessions.ts';
import { revokeAllTokens } from '../../access/tokens.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { inOneTransaction } from '../../records/command.ts';
import type { RecordsContext } from '../../records/context.ts';
import { getRecord, loadRow } from '../../records/reader.ts';
import { createRecord, updateRecord } from '../../records/writer.ts';

const tags = ['access'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const accountSchema = z.object({
  id: z.number(),
  login: z.string(),
  employee: z.number().nullable(),
  active: z.boolean(),
  roles: z.array(z.number()),
});

/**
 * Accounts as administrators manage them: created with a password and roles in one
 * transaction (through the records engine, so they get version, history and event),
 * deactivated (sessions end, tokens are revoked), passwords reset.
 */
export async function accountRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;
  const ctx = services.records;

  const describe = async (txCtx: RecordsContext, trx: Tx, id: number) => {
    const account = await getRecord(
      txCtx,
      { kind: 'system', name: 'access', locale: 'en', timeZone: 'UTC' },
      'user_account',
      id,
    );
    const roles = await trx
      .selectFrom('account_role')
      .select('role_id')
      .where('account_id', '=', id)
      .execute();
    return {
      id,
      login: String(account.login),
      employee: typeof account.employee === 'number' ? account.employee : null,
      active: account.active === true,
      roles: roles.map((r) => Number(r.role_id)).sort((a, b) => a - b),
    };
  };

  app.post(
    '/api/access/accounts',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Create an account with a password and roles (the password must meet the policy)',
        body: z.object({
          login: z.string().trim().min(1).max(100),
          employee: z.number().int().positive().nullable().optional(),
          password: z.string().max(200),
          roles: z.array(z.number().int()).max(100).default([]),
        }),
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { login, employee, password, roles } = request.body;
      const problem = checkPasswordPolicy(password, { login });
      if (problem)
        throw errors.validation([{ field: 'password', code: 'password_policy', message: problem }]);
      const passwordHash = await hashPassword(password);
      const created = await inOneTransaction(ctx, async (txCtx, trx) => {
        const roleIds = await checkRoleIds(trx, roles);
        const record = await createRecord(txCtx, actor, 'user_account', {
          login,
          employee: employee ?? null,
        });
        const id = Number(record.id);
        await trx
          .updateTable('user_account')
          .set({ password_hash: passwordHash })
          .where('id', '=', id)
          .execute();
        if (roleIds.length > 0) {
          await trx
            .insertInto('account_role')
            .values(roleIds.map((role_id) => ({ account_id: id, role_id })))
            .execute();
        }
        await bumpAccessRevision(trx);
        return describe(txCtx, trx, id);
      });
      await logSecurityEvent(dialect.db, {
        kind: 'account_created',
        accountId: actor.kind === 'user' ? actor.userId : null,
        login: actor.kind === 'user' ? actor.login : null,
        ip: request.ip,
        details: { account: created.id, login: created.login, roles: created.roles },
        at: services.now(),
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/access/accounts/:id/deactivate',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Deactivate an account: it cannot log in, its sessions end and its tokens are revoked',
        params: idParams,
        response: { 200: accountSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      const account = await inOneTransaction(ctx, async (txCtx, trx) => {
        const row = await loadRow(trx, ctx.registry.get('user_account') ?? never(), id);
        if (!row || row.deleted_at) throw errors.notFound(`No account with id ${id}`);
        await updateRecord(txCtx, actor, 'user_account', id, { active: false, version: Number(row.version) });
        await assertAdministratorRemains(trx);
        return describe(txCtx, trx, id);
      });
      await endOtherSessions(dialect.db, id, null);
      await revokeAllTokens(dialect.db, id, services.now());
      await logSecurityEvent(dialect.db, {
        kind: 'account_deactivated',
        accountId: actor.kind === 'user' ? actor.userId : null,
        login: actor.kind === 'user' ? actor.login : null,
        ip: request.ip,
        details: { account: id },
        at: services.now(),
      });
      return account;
    },
  );

  app.post(
    '/api/access/accounts/:id/reset-password',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary:
          'Set a new password (or generate one, returned once); the account’s sessions end and its tokens are revoked',
        params: idParams,
        body: z.object({ password: z.string().max(200).optional() }).default({}),
        response: { 200: z.object({ id: z.number(), password: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      const row = await loadRow(dialect.db, ctx.registry.get('user_account') ?? never(), id);
      if (!row || row.deleted_at) throw errors.notFound(`No account with id ${id}`);
      const given = request.body.password;
      const password = given ?? generatePassword(String(row.login));
      const problem = checkPasswordPolicy(password, { login: String(row.login) });
      if (problem)
        throw errors.validation([{ field: 'password', code: 'password_policy', message: problem }]);
      await dialect.db
        .updateTable('user_account')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', id)
        .execute();
      await endOtherSessions(dialect.db, id, null);
      await revokeAllTokens(dialect.db, id, services.now());
      await logSecurityEvent(dialect.db, {
        kind: 'password_reset',
        accountId: actor.kind === 'user' ? actor.userId : null,
        login: actor.kind === 'user' ? actor.login : null,
        ip: request.ip,
        details: { account: id },
        at: services.now(),
      });
      return { id, password: given ? null : password };
    },
  );
}

function never(): never {
  throw new Error('user_account is not declared');
}
