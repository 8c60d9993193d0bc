import { sql } from 'kysely';
import type { RecordCan } from '../../shared/access/rights.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import { AppError } from '../errors.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { RecordsContext } from './context.ts';
import type { ApiRecord } from './present.ts';

/**
 * Adds `_can: {update, delete, share}` to each record: what this reader may do with it, from
 * the same predicates the writer enforces, so the web app shows exactly the actions that will
 * work. One query per right for a whole page, none when the right reaches every row or none.
 */
export async function attachPermissions(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  definition: ObjectDefinition,
  items: ApiRecord[],
): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((item) => Number(item.id));
  const update = await reachable(ctx, executor, actor, definition, 'update', ids);
  const remove = await reachable(ctx, executor, actor, definition, 'delete', ids);
  for (const item of items) {
    const id = Number(item.id);
    const can: RecordCan = { update: update(id), delete: remove(id), share: update(id) };
    item._can = can;
  }
}

async function reachable(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  definition: ObjectDefinition,
  right: 'update' | 'delete',
  ids: number[],
): Promise<(id: number) => boolean> {
  let rows: ReturnType<typeof authorize>['rows'];
  try {
    rows = authorize(ctx.registry, actor, definition.key, right).rows;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return () => false;
    throw error;
  }
  if (!rows) return () => true;
  const alias = 'p0';
  const found = await sql<{ id: number | string }>`SELECT ${sql.ref(`${alias}.id`)} AS id
    FROM ${sql.table(definition.table)} AS ${sql.raw(alias)}
    WHERE ${sql.ref(`${alias}.id`)} IN (${sql.join(ids)}) AND ${rows(alias)}`.execute(executor);
  const allowed = new Set(found.rows.map((row) => Number(row.id)));
  return (id) => allowed.has(id);
}
