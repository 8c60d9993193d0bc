import { z } from 'zod';
import type { AppInstance, AppServices } from '../../http/types.ts';

const tags = ['access'];

/** What administrators read: every account with its roles, and the security log. */
export async function auditRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;

  app.get(
    '/api/access/accounts',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Every account (not deleted) with its employee, roles, two-factor state and last login',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                login: z.string(),
                employee: z.number().nullable(),
                active: z.boolean(),
                roles: z.array(z.number()),
                totpEnabled: z.boolean(),
                totpRequired: z.boolean(),
                lastLoginAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = await dialect.db
        .selectFrom('user_account')
        .select(['id', 'login', 'employee_id', 'active', 'totp_enabled_at', 'require_totp', 'last_login_at'])
        .where('deleted_at', 'is', null)
        .orderBy('login')
        .execute();
      const roles = await dialect.db.selectFrom('account_role').select(['account_id', 'role_id']).execute();
      return {
        items: rows.map((row) => ({
          id: Number(row.id),
          login: String(row.login),
          employee: row.employee_id === null ? null : Number(row.employee_id),
          active: dialect.decodeBoolean(row.active) === true,
          roles: roles
            .filter((r) => Number(r.account_id) === Number(row.id))
            .map((r) => Number(r.role_id))
            .sort((a, b) => a - b),
          totpEnabled: row.totp_enabled_at !== null,
          totpRequired: dialect.decodeBoolean(row.require_totp) === true,
          lastLoginAt: row.last_login_at === null ? null : String(row.last_login_at),
        })),
      };
    },
  );

  app.get(
    '/api/access/security-events',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'The security log, newest first: logins, failures, lockouts, two-factor and rights changes…',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
          kind: z.string().max(50).optional(),
          account: z.coerce.number().int().positive().optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                kind: z.string(),
                account: z.number().nullable(),
                login: z.string().nullable(),
                ip: z.string().nullable(),
                details: z.unknown(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { limit, before, kind, account } = request.query;
      let query = dialect.db.selectFrom('security_event').selectAll();
      if (before !== undefined) query = query.where('id', '<', before);
      if (kind !== undefined) query = query.where('kind', '=', kind);
      if (account !== undefined) query = query.where('account_id', '=', account);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return {
        items: rows.map((row) => ({
          id: Number(row.id),
          at: new Date(String(row.at)).toISOString(),
          kind: String(row.kind),
          account: row.account_id === null ? null : Number(row.account_id),
          login: (row.login as string | null) ?? null,
          ip: (row.ip as string | null) ?? null,
          details: typeof row.details === 'string' ? JSON.parse(row.details) : (row.details ?? null),
        })),
      };
    },
  );
}
