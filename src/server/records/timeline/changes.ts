import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../context.ts';
import { readGrant } from '../visible.ts';
import {
  afterCursor,
  CHANGE_TYPE,
  direction,
  type EntryKey,
  instant,
  type TimelineQuery,
} from './sources.ts';

/**
 * Which history rows of an object are entries: every change of a field the reader may see,
 * deletions, restores and merges; of a creation (one row per field) only the row of its
 * defining title field, so a new person is one entry, not fifteen.
 */
function entryRows(definition: ObjectDefinition, hidden: ReadonlySet<string>): RawBuilder<unknown> {
  const titleField =
    definition.titleFields.find((key) => definition.field(key)?.required) ??
    definition.titleFields[0] ??
    'id';
  const visible =
    hidden.size === 0 ? sql`1 = 1` : sql`(h.field IS NULL OR h.field NOT IN (${sql.join([...hidden])}))`;
  return sql`(h.action <> 'create' OR h.field IS NULL OR h.field = ${titleField})
    AND (h.action <> 'update' OR h.field IS NOT NULL) AND ${visible}`;
}

/**
 * Field changes and other history of the records about the subject whose objects are not
 * timeline entries themselves (the client's own fields, its people, addresses, phones…): one
 * query per object through the index on (subject, object, id), each row checked against the
 * reader's row scope on the record it belongs to.
 */
export async function changeEntries(
  ctx: RecordsContext,
  actor: Actor,
  executor: Executor,
  query: TimelineQuery,
  rank: number,
  ranks: ReadonlyMap<string, number>,
): Promise<EntryKey[]> {
  if (query.types && !query.types.has(CHANGE_TYPE)) return [];
  // Changes name no person, employee, case or words of their own to filter by.
  if (query.person !== null || query.employee !== null || query.caseId !== null || query.tokens.length > 0)
    return [];
  const subject = query.subject;
  const reads: Array<Promise<EntryKey[]>> = [];
  for (const definition of ctx.registry.list()) {
    if (definition.timeline) continue;
    const own = definition.key === subject.definition.key;
    if (!own && !definition.subject) continue;
    const grant = readGrant(ctx, actor, definition.key);
    if (!grant) continue;
    const aboutSubject = sql`h.subject_object = ${subject.definition.key} AND h.subject_id = ${subject.id} AND h.object = ${definition.key}`;
    // A record that is itself the subject (a person's own page) and not its own subject.
    const itself =
      own && definition.subject !== 'self'
        ? sql`h.object = ${definition.key} AND h.record_id = ${subject.id}`
        : null;
    const inScope = grant.rows
      ? sql`EXISTS (SELECT 1 FROM ${sql.table(definition.table)} AS r WHERE r.id = h.record_id AND ${grant.rows('r')})`
      : null;
    const conditions = [
      entryRows(definition, grant.hiddenFields),
      inScope,
      query.from ? sql`h.changed_at >= ${query.from}` : null,
      query.to ? sql`h.changed_at < ${query.to}` : null,
      afterCursor(sql.ref('h.changed_at'), sql.ref('h.id'), rank, query.after, ranks, query.ascending),
    ].filter((c): c is RawBuilder<unknown> => c !== null);
    for (const which of [aboutSubject, itself]) {
      if (!which) continue;
      // History ids grow with time, so id order is time order and the index serves it.
      reads.push(
        sql<{ id: number | string; at: unknown }>`
          SELECT h.id AS id, h.changed_at AS at FROM record_history h
          WHERE ${which} AND ${sql.join(conditions, sql` AND `)}
          ORDER BY h.id ${direction(query)} LIMIT ${query.limit}`
          .execute(executor)
          .then((rows) =>
            rows.rows.map((row) => ({ type: CHANGE_TYPE, id: Number(row.id), at: instant(row.at) })),
          ),
      );
    }
  }
  // Side by side on PostgreSQL's pool, in turn on SQLite: see readTimeline.
  return (await Promise.all(reads)).flat();
}
