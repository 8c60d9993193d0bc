import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { AppError, errors } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';

/**
 * The most records one merge moves: it is one transaction, and one holding the write lock for
 * longer would stall every other writer (on SQLite, the whole server).
 */
export const MAX_MERGE_REFERENCES = 10_000;

/**
 * A field of some object that points at records of the merged object: a relation (a person's
 * company, an address's company, a case's client…) or a membership list of another object
 * (multiRelation). Found in the registry, so objects added later (cases, activities,
 * documents, child objects) are moved by a merge without this module naming them.
 */
export interface ReferenceSource {
  object: ObjectDefinition;
  field: FieldDefinition;
  kind: 'relation' | 'membership';
}

/** One referencing record that a merge moves from the merged record to the kept one. */
export interface MovedReference {
  object: string;
  field: string;
  recordId: number;
  kind: 'relation' | 'membership';
  /** membership: the list had the kept record already, so the merge only removed the merged one. */
  hadKept?: boolean;
}

/**
 * Every field that can point at `target`. Fields the system sets (created_by…) and read-only
 * fields are left out: they record what happened ("converted from"), which a merge must not
 * rewrite, and no write may set them.
 */
export function referenceSources(registry: MetadataRegistry, target: string): ReferenceSource[] {
  return registry
    .list()
    .flatMap((object) =>
      object.fields
        .filter((field) => field.target === target && !field.system && !field.readOnly)
        .map(
          (field): ReferenceSource => ({ object, field, kind: field.through ? 'membership' : 'relation' }),
        ),
    );
}

/**
 * The live records that point at `recordId` through `source`. Records in the trash keep their
 * reference (no write reaches them); the kept and merged records themselves are handled by the
 * merge as its two parties.
 */
export async function referencingIds(
  executor: Executor,
  source: ReferenceSource,
  recordId: number,
  exclude: number[],
  rows: RowPredicate | null = null,
): Promise<number[]> {
  const alias = 'r0';
  const table = sql.table(source.object.table);
  const excluded =
    exclude.length > 0 ? sql` AND ${sql.ref(`${alias}.id`)} NOT IN (${sql.join(exclude)})` : sql``;
  const scope = rows ? sql` AND ${rows(alias)}` : sql``;
  let points: RawBuilder<unknown>;
  if (source.kind === 'relation') {
    points = sql`${sql.ref(`${alias}.${source.field.column}`)} = ${recordId}`;
  } else {
    const through = source.field.through;
    if (!through) throw new Error(`${source.object.key}.${source.field.key} has no link table`);
    points = sql`${sql.ref(`${alias}.id`)} IN (SELECT ${sql.ref(through.sourceColumn)} FROM ${sql.table(through.table)}
      WHERE ${sql.ref(through.targetColumn)} = ${recordId})`;
  }
  const found = await sql<{ id: number | string }>`SELECT ${sql.ref(`${alias}.id`)} AS id
    FROM ${table} AS ${sql.raw(alias)}
    WHERE ${points} AND ${sql.ref(`${alias}.deleted_at`)} IS NULL${excluded}${scope}
    ORDER BY ${sql.ref(`${alias}.id`)}
    LIMIT ${MAX_MERGE_REFERENCES + 1}`.execute(executor);
  return found.rows.map((row) => Number(row.id));
}

/** Every record the merge will move, refused above the bulk limit: that is a job, not a click. */
export async function referencesToMove(
  executor: Executor,
  registry: MetadataRegistry,
  target: ObjectDefinition,
  mergedId: number,
  keptId: number,
): Promise<MovedReference[]> {
  const moved: MovedReference[] = [];
  for (const source of referenceSources(registry, target.key)) {
    const own = source.object.key === target.key ? [mergedId, keptId] : [];
    for (const recordId of await referencingIds(executor, source, mergedId, own)) {
      moved.push({ object: source.object.key, field: source.field.key, recordId, kind: source.kind });
    }
    if (moved.length > MAX_MERGE_REFERENCES) {
      throw new AppError(
        400,
        'merge_too_large',
        `More than ${MAX_MERGE_REFERENCES} records point at ${target.key} ${mergedId}; a merge moves at most that many`,
        { max: MAX_MERGE_REFERENCES },
      );
    }
  }
  return moved;
}

/**
 * What a merge would move, as the reader may see it: per object and field, how many of the
 * referencing records they can read. Objects they cannot read are left out; the merge moves
 * those records too (see the module's README), but a preview must not tell that they exist.
 */
export async function visibleReferenceCounts(
  executor: Executor,
  registry: MetadataRegistry,
  actor: Actor,
  target: ObjectDefinition,
  mergedId: number,
  keptId: number,
): Promise<Array<{ object: string; field: string; count: number }>> {
  const counts: Array<{ object: string; field: string; count: number }> = [];
  for (const source of referenceSources(registry, target.key)) {
    let rows: RowPredicate | null;
    try {
      rows = authorize(registry, actor, source.object.key, 'read').rows;
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 403) continue;
      throw error;
    }
    const own = source.object.key === target.key ? [mergedId, keptId] : [];
    const ids = await referencingIds(executor, source, mergedId, own, rows);
    if (ids.length > 0)
      counts.push({ object: source.object.key, field: source.field.key, count: ids.length });
  }
  return counts;
}

/** The id list of a membership field of one record, ascending. */
export async function membershipIds(
  executor: Executor,
  field: FieldDefinition,
  recordId: number,
): Promise<number[]> {
  const through = field.through;
  if (!through) throw errors.badRequest(`${field.key} is not a membership field`);
  const rows = await executor
    .selectFrom(through.table)
    .select(through.targetColumn)
    .where(through.sourceColumn, '=', recordId)
    .orderBy(through.targetColumn)
    .execute();
  return rows.map((row) => Number(row[through.targetColumn]));
}
