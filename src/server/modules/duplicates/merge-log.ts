import { sql } from 'kysely';
import type { MergeLogEntry } from '../../../shared/duplicates/types.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import { titleOf } from '../../records/present.ts';
import { objectOrThrow } from '../../records/reader.ts';
import type { MovedReference } from './references.ts';

/** One merge as the log keeps it: enough to undo it exactly. */
export interface MergeLogRow {
  id: number;
  object: string;
  keptId: number;
  mergedId: number;
  mergedAt: string;
  mergedBy: number | null;
  /** API values of the kept record's fields that the merge set, before and after it. */
  keptBefore: Record<string, unknown>;
  keptAfter: Record<string, unknown>;
  /** The merged record's values (fields a write may set) when it was merged. */
  mergedBefore: Record<string, unknown>;
  moved: MovedReference[];
  undoneAt: string | null;
}

/** jsonb arrives parsed from PostgreSQL, text from SQLite. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function fromRow(row: Record<string, unknown>): MergeLogRow {
  return {
    id: Number(row.id),
    object: String(row.object),
    keptId: Number(row.kept_id),
    mergedId: Number(row.merged_id),
    mergedAt: String(row.merged_at),
    mergedBy: row.merged_by === null ? null : Number(row.merged_by),
    keptBefore: parsed(row.kept_before),
    keptAfter: parsed(row.kept_after),
    mergedBefore: parsed(row.merged_before),
    moved: parsed(row.moved),
    undoneAt: row.undone_at === null ? null : String(row.undone_at),
  };
}

export async function writeMergeLog(
  executor: Executor,
  entry: Omit<MergeLogRow, 'id' | 'undoneAt'>,
): Promise<number> {
  const row = await executor
    .insertInto('record_merge')
    .values({
      object: entry.object,
      kept_id: entry.keptId,
      merged_id: entry.mergedId,
      merged_at: entry.mergedAt,
      merged_by: entry.mergedBy,
      kept_before: JSON.stringify(entry.keptBefore),
      kept_after: JSON.stringify(entry.keptAfter),
      merged_before: JSON.stringify(entry.mergedBefore),
      moved: JSON.stringify(entry.moved),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function readMergeLog(executor: Executor, id: number): Promise<MergeLogRow | undefined> {
  const row = await executor.selectFrom('record_merge').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Marks a merge undone, inside the undo's transaction. Only one of two undos racing each other
 * gets true: the other is told the merge is undone already.
 */
export async function claimUndo(
  executor: Executor,
  id: number,
  at: string,
  actorId: number | null,
): Promise<boolean> {
  const result = await executor
    .updateTable('record_merge')
    .set({ undone_at: at, undone_by: actorId })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Titles of records in any state (a merged record is in the trash), of those the reader may see. */
async function titlesOf(
  executor: Executor,
  definition: ObjectDefinition,
  ids: number[],
  rows: RowPredicate | null,
  actor: Actor,
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const alias = 'm1';
  const scope = rows ? sql` AND ${rows(alias)}` : sql``;
  const found = await sql<Record<string, unknown>>`SELECT ${sql.raw(`${alias}.*`)}
    FROM ${sql.table(definition.table)} AS ${sql.raw(alias)}
    WHERE ${sql.ref(`${alias}.id`)} IN (${sql.join(ids)})${scope}`.execute(executor);
  return new Map(found.rows.map((row) => [Number(row.id), titleOf(definition, row, actor.locale)]));
}

const PAGE = 50;

/**
 * The merges of an object whose kept record the reader may see, newest first, paged by id.
 * A merged record outside their rows shows without its title.
 */
export async function listMergeLog(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  cursor: number | null,
): Promise<{ items: MergeLogEntry[]; nextCursor: string | null }> {
  const definition = objectOrThrow(ctx, object);
  const rows = authorize(ctx.registry, actor, object, 'read').rows;
  const executor = ctx.dialect.db;
  const kept = 'm0';
  const visible = rows
    ? sql` AND EXISTS (SELECT 1 FROM ${sql.table(definition.table)} AS ${sql.raw(kept)}
        WHERE ${sql.ref(`${kept}.id`)} = record_merge.kept_id AND ${rows(kept)})`
    : sql``;
  const before = cursor === null ? sql`` : sql` AND record_merge.id < ${cursor}`;
  const found = await sql<Record<string, unknown>>`SELECT * FROM record_merge
    WHERE record_merge.object = ${object}${before}${visible}
    ORDER BY record_merge.id DESC LIMIT ${PAGE + 1}`.execute(executor);
  const entries = found.rows.slice(0, PAGE).map(fromRow);
  const titles = await titlesOf(
    executor,
    definition,
    [...new Set(entries.flatMap((e) => [e.keptId, e.mergedId]))],
    rows,
    actor,
  );
  const items = entries.map(
    (entry): MergeLogEntry => ({
      id: entry.id,
      object: entry.object,
      keptId: entry.keptId,
      keptTitle: titles.get(entry.keptId) ?? null,
      mergedId: entry.mergedId,
      mergedTitle: titles.get(entry.mergedId) ?? null,
      mergedAt: entry.mergedAt,
      mergedBy: entry.mergedBy,
      undoneAt: entry.undoneAt,
    }),
  );
  const last = entries.at(-1);
  return { items, nextCursor: found.rows.length > PAGE && last ? String(last.id) : null };
}

export function parseLogCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return null;
  if (!/^\d{1,15}$/.test(cursor)) throw errors.badRequest('cursor must be the cursor of the previous page');
  return Number(cursor);
}
