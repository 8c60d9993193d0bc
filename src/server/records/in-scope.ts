import { sql } from 'kysely';
import type { AccessGrant } from '../access/policy.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import { idLists } from '../db/id-lists.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';

/** The alias of the record's table in these checks (row predicates are written against it). */
const ROOT = 't0';

/** Whether the grant reaches the record; run inside the write's transaction. */
export async function inScope(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  id: number,
): Promise<boolean> {
  if (!grant.rows) return true;
  const found = await sql`SELECT 1 AS one FROM ${sql.table(definition.table)} AS ${sql.raw(ROOT)}
    WHERE ${sql.ref(`${ROOT}.id`)} = ${id} AND ${grant.rows(ROOT)}`.execute(executor);
  return found.rows.length > 0;
}

/**
 * Which of these records the grant reaches (a batch's worth of `inScope` in one query per
 * thousand ids): for work done on behalf of many readers at once, such as notifications.
 */
export async function idsInScope(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  ids: Iterable<number>,
): Promise<Set<number>> {
  // As `inScope`: a grant without a row predicate reaches every record.
  if (!grant.rows) return new Set(ids);
  const found = new Set<number>();
  for (const chunk of idLists(ids)) {
    const result = await sql<{ id: number | string }>`SELECT ${sql.ref(`${ROOT}.id`)} AS id
      FROM ${sql.table(definition.table)} AS ${sql.raw(ROOT)}
      WHERE ${sql.ref(`${ROOT}.id`)} IN (${sql.join(chunk)}) AND ${grant.rows(ROOT)}`.execute(executor);
    for (const row of result.rows) found.add(Number(row.id));
  }
  return found;
}
