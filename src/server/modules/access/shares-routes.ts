import { z } from 'zod';
import { SHARE_ACCESS } from '../../../shared/access/rights.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { bumpAccessRevision } from '../../access/rights.ts';
import { logSecurityEvent } from '../../access/security-log.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { checkId, loadRowInScope, objectOrThrow } from '../../records/reader.ts';

const tags = ['access'];
const recordParams = z.object({ object: z.string().max(64), id: z.string().max(20) });
const shareSchema = z.object({
  id: z.number(),
  account: z.number().nullable(),
  department: z.number().nullable(),
  workGroup: z.number().nullable(),
  access: z.enum(SHARE_ACCESS),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
});

/**
 * Sharing one record with an account, a department or a work group, for reading or editing.
 * Whoever may edit a record may share it; whoever may read it sees its shares.
 */
export async function shareRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { dialect } = services;
  const ctx = services.records;

  /** The record, within the rows `right` reaches for the actor; else 404 (or 403 when readable). */
  const reach = async (actor: Actor, object: string, rawId: string, right: 'read' | 'update') => {
    const definition = objectOrThrow(ctx, object);
    const id = checkId(rawId);
    const readable = await loadRowInScope(
      dialect.db,
      definition,
      authorize(ctx.registry, actor, object, 'read'),
      id,
    );
    if (!readable || readable.deleted_at) throw errors.notFound(`${object} ${id} does not exist`);
    if (right === 'update') {
      const grant = authorize(ctx.registry, actor, object, 'update');
      if (!(await loadRowInScope(dialect.db, definition, grant, id))) {
        throw errors.forbidden(`You may not share ${object} ${id}: only those who may edit it can`);
      }
    }
    return { definition, id };
  };

  app.get(
    '/api/records/:object/:id/shares',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Who a record is shared with',
        params: recordParams,
        response: { 200: z.object({ items: z.array(shareSchema) }) },
      },
    },
    async (request) => {
      const { definition, id } = await reach(
        actorOf(request),
        request.params.object,
        request.params.id,
        'read',
      );
      return { items: await sharesOf(dialect.db, definition.key, id) };
    },
  );

  app.post(
    '/api/records/:object/:id/shares',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Share a record with one account, department or work group, for "read" or "edit"',
        params: recordParams,
        body: z
          .object({
            account: z.number().int().positive().optional(),
            department: z.number().int().positive().optional(),
            workGroup: z.number().int().positive().optional(),
            access: z.enum(SHARE_ACCESS),
          })
          .strict(),
        response: { 201: shareSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { definition, id } = await reach(actor, request.params.object, request.params.id, 'update');
      const { account, department, workGroup, access } = request.body;
      const targets = [account, department, workGroup].filter((v) => v !== undefined);
      if (targets.length !== 1)
        throw errors.badRequest('Name exactly one of account, department or workGroup');
      const [table, target] =
        account !== undefined
          ? ['user_account', account]
          : department !== undefined
            ? ['department', department]
            : ['work_group', workGroup ?? 0];
      const exists = await dialect.db
        .selectFrom(table)
        .select('id')
        .where('id', '=', target)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!exists) throw errors.badRequest(`No ${table.replace('_', ' ')} with id ${target}`);
      const at = services.now().toISOString();
      const shareId = await dialect.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('record_share')
          .values({
            object: definition.key,
            record_id: id,
            account_id: account ?? null,
            department_id: department ?? null,
            work_group_id: workGroup ?? null,
            access,
            created_at: at,
            created_by: actor.kind === 'user' ? actor.userId : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await bumpAccessRevision(trx);
        return Number(row.id);
      });
      await logSecurityEvent(dialect.db, {
        kind: 'share_created',
        accountId: actor.kind === 'user' ? actor.userId : null,
        login: actor.kind === 'user' ? actor.login : null,
        ip: request.ip,
        details: {
          object: definition.key,
          record: id,
          share: shareId,
          account,
          department,
          workGroup,
          access,
        },
        at: services.now(),
      });
      const created = (await sharesOf(dialect.db, definition.key, id)).find((s) => s.id === shareId);
      if (!created) throw new Error(`share ${shareId} vanished after its commit`);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/records/:object/:id/shares/:shareId',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Stop sharing a record with someone',
        params: recordParams.extend({ shareId: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { definition, id } = await reach(actor, request.params.object, request.params.id, 'update');
      const removed = await dialect.db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('record_share')
          .where('id', '=', request.params.shareId)
          .where('object', '=', definition.key)
          .where('record_id', '=', id)
          .executeTakeFirst();
        await bumpAccessRevision(trx);
        return Number(result.numDeletedRows);
      });
      if (removed === 0)
        throw errors.notFound(`No share ${request.params.shareId} on ${definition.key} ${id}`);
      await logSecurityEvent(dialect.db, {
        kind: 'share_removed',
        accountId: actor.kind === 'user' ? actor.userId : null,
        login: actor.kind === 'user' ? actor.login : null,
        ip: request.ip,
        details: { object: definition.key, record: id, share: request.params.shareId },
        at: services.now(),
      });
      return reply.status(204).send(null);
    },
  );
}

async function sharesOf(db: Executor, object: string, id: number) {
  const rows = await db
    .selectFrom('record_share')
    .selectAll()
    .where('object', '=', object)
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();
  const idOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows.map((row) => ({
    id: Number(row.id),
    account: idOrNull(row.account_id),
    department: idOrNull(row.department_id),
    workGroup: idOrNull(row.work_group_id),
    access: String(row.access) as (typeof SHARE_ACCESS)[number],
    createdAt: String(row.created_at),
    createdBy: idOrNull(row.created_by),
  }));
}
