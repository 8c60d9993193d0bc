import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import type { RecordsContext } from '../context.ts';
import { readGrant } from '../visible.ts';
import type { TimelinePosition } from './cursor.ts';

/** The entries' type of field changes and other history of the subject's records. */
export const CHANGE_TYPE = 'change';

/** What a timeline page asks for, checked. */
export interface TimelineQuery {
  subject: { definition: ObjectDefinition; id: number };
  types: ReadonlySet<string> | null;
  person: number | null;
  employee: number | null;
  caseId: number | null;
  from: string | null;
  to: string | null;
  tokens: string[];
  after: TimelinePosition | null;
  /** Oldest first (what is coming, from now on) instead of newest first. */
  ascending: boolean;
  limit: number;
}

/** One entry found: which source, which row, when. */
export interface EntryKey {
  type: string;
  id: number;
  at: string;
}

/** Objects whose records are entries (TimelineSpec), in the order entries of one instant sort. */
export function timelineTypes(registry: MetadataRegistry): string[] {
  return [
    ...registry
      .list()
      .filter((d) => d.timeline)
      .map((d) => d.key),
    CHANGE_TYPE,
  ];
}

let aliasCounter = 0;
const nextAlias = () => {
  aliasCounter = (aliasCounter + 1) % 1_000_000;
  return `tlp${aliasCounter}`;
};

/** Rows of `alias` whose path of relations leads to record `id` (one IN subquery per hop). */
function leadsTo(
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  alias: string,
  steps: string[],
  id: number,
): RawBuilder<unknown> {
  const [head, ...rest] = steps;
  const field = head ? definition.field(head) : undefined;
  const target = field?.target ? registry.get(field.target) : undefined;
  if (!field || !target) throw new Error(`${definition.key}: timeline path through ${head}`);
  const inner = (column: RawBuilder<unknown>) => {
    if (rest.length === 0) return sql`${column} = ${id}`;
    const next = nextAlias();
    return sql`${column} IN (SELECT ${sql.ref(`${next}.id`)} FROM ${sql.table(target.table)} AS ${sql.raw(next)}
      WHERE ${leadsTo(registry, target, next, rest, id)})`;
  };
  if (field.through) {
    const through = field.through;
    return sql`${sql.ref(`${alias}.id`)} IN (SELECT ${sql.ref(through.sourceColumn)} FROM ${sql.table(through.table)}
      WHERE ${inner(sql.ref(through.targetColumn))})`;
  }
  return inner(sql.ref(`${alias}.${field.column}`));
}

/**
 * Entries after the cursor, in (time desc, type rank, id desc) order, or in its exact reverse
 * (time asc, type rank desc, id asc) when `ascending`.
 */
export function afterCursor(
  at: RawBuilder<unknown>,
  id: RawBuilder<unknown>,
  rank: number,
  after: TimelinePosition | null,
  ranks: ReadonlyMap<string, number>,
  ascending: boolean,
): RawBuilder<unknown> | null {
  if (!after) return null;
  const afterRank = ranks.get(after.type) ?? 0;
  const beyond = ascending ? sql.raw('>') : sql.raw('<');
  // Of one instant, a lower rank comes first when newest-first, last when oldest-first.
  const sameInstantFirst = ascending ? rank > afterRank : rank < afterRank;
  if (rank !== afterRank)
    return sameInstantFirst ? sql`${at} ${beyond} ${after.at}` : sql`${at} ${beyond}= ${after.at}`;
  return sql`(${at} ${beyond} ${after.at} OR (${at} = ${after.at} AND ${id} ${beyond} ${after.id}))`;
}

function anyLink(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  alias: string,
  keys: string[] | undefined,
  id: number | null,
): RawBuilder<unknown> | null | false {
  if (id === null) return null;
  if (!keys || keys.length === 0) return false;
  return sql`(${sql.join(
    keys.map((key) => leadsTo(ctx.registry, definition, alias, [key], id)),
    sql` OR `,
  )})`;
}

function textMatch(
  ctx: RecordsContext,
  columns: string[],
  alias: string,
  tokens: string[],
): RawBuilder<unknown> | null | false {
  if (tokens.length === 0) return null;
  if (columns.length === 0) return false;
  return sql`(${sql.join(
    tokens.map((token) => {
      const pattern = `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const any = columns.map(
        (column) => sql`${ctx.dialect.folded(sql.ref(`${alias}.${column}`))} LIKE ${pattern} ESCAPE '\\'`,
      );
      return sql`(${sql.join(any, sql` OR `)})`;
    }),
    sql` AND `,
  )})`;
}

function isTextual(field: FieldDefinition | undefined): field is FieldDefinition & { column: string } {
  // Rich text is matched in its stored HTML (a word inside a tag name could match): good enough
  // for finding a note, and no second column to keep in step.
  const types = ['text', 'longText', 'richText'];
  return field !== undefined && types.includes(field.type) && field.column !== undefined;
}

/**
 * The first `limit` entries of one object's records about the subject, through the reader's
 * rights: rows out of their scope are not read at all, so they leave no trace in the page.
 */
export async function recordEntries(
  ctx: RecordsContext,
  actor: Actor,
  executor: Executor,
  definition: ObjectDefinition,
  query: TimelineQuery,
  ranks: ReadonlyMap<string, number>,
): Promise<EntryKey[]> {
  const spec = definition.timeline;
  if (!spec || (query.types && !query.types.has(definition.key))) return [];
  const subject = query.subject;
  const paths = spec.about.filter(
    (path) => ctx.registry.pathTarget(definition, path) === subject.definition.key,
  );
  if (paths.length === 0) return [];
  const grant = readGrant(ctx, actor, definition.key);
  if (!grant) return [];
  const alias = 'tl';
  const atColumn = definition.field(spec.at)?.column ?? spec.at;
  const at = sql.ref(`${alias}.${atColumn}`);
  const id = sql.ref(`${alias}.id`);
  const conditions: Array<RawBuilder<unknown> | null | false> = [
    sql`${sql.ref(`${alias}.deleted_at`)} IS NULL`,
    grant.rows ? grant.rows(alias) : null,
    anyLink(
      ctx,
      definition,
      alias,
      spec.people?.filter((k) => !grant.hiddenFields.has(k)),
      query.person,
    ),
    anyLink(
      ctx,
      definition,
      alias,
      spec.employees?.filter((k) => !grant.hiddenFields.has(k)),
      query.employee,
    ),
    caseCondition(ctx, definition, alias, query.caseId),
    query.from ? sql`${at} >= ${query.from}` : null,
    query.to ? sql`${at} < ${query.to}` : null,
    textMatch(
      ctx,
      [...definition.titleFields, ...spec.summary]
        .filter((key) => !grant.hiddenFields.has(key))
        .map((key) => definition.field(key))
        .filter(isTextual)
        .map((field) => field.column),
      alias,
      query.tokens,
    ),
    afterCursor(at, id, ranks.get(definition.key) ?? 0, query.after, ranks, query.ascending),
  ];
  if (conditions.includes(false)) return [];
  const where = conditions.filter((c): c is RawBuilder<unknown> => c !== null && c !== false);
  // One query per path to the subject, merged here (the caller sorts and cuts the page): an OR
  // of paths, one of them through a subquery, kept PostgreSQL from either index and it read
  // every note of a million clients; each path alone is one index range.
  const found = new Map<number, EntryKey>();
  for (const path of paths) {
    const about = leadsTo(ctx.registry, definition, alias, path.split('.'), subject.id);
    const rows = await sql<{ id: number | string; at: unknown }>`
      SELECT ${id} AS id, ${at} AS at FROM ${sql.table(definition.table)} AS ${sql.raw(alias)}
      WHERE ${sql.join([...where, about], sql` AND `)}
      ORDER BY ${at} ${direction(query)}, ${id} ${direction(query)} LIMIT ${query.limit}`.execute(executor);
    for (const row of rows.rows)
      found.set(Number(row.id), { type: definition.key, id: Number(row.id), at: instant(row.at) });
  }
  return [...found.values()];
}

/** `case=ID`: the case's own entry and the entries that name it; nothing from sources without a case. */
function caseCondition(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  alias: string,
  caseId: number | null,
): RawBuilder<unknown> | null | false {
  if (caseId === null) return null;
  const spec = definition.timeline;
  if (spec?.case) return leadsTo(ctx.registry, definition, alias, [spec.case], caseId);
  const caseObject = ctx.registry
    .list()
    .map((d) => (d.timeline?.case ? d.field(d.timeline.case)?.target : undefined))
    .find((target) => target !== undefined);
  return caseObject === definition.key ? sql`${sql.ref(`${alias}.id`)} = ${caseId}` : false;
}

/** `DESC` for newest first, `ASC` for oldest first. */
export function direction(query: Pick<TimelineQuery, 'ascending'>): RawBuilder<unknown> {
  return sql.raw(query.ascending ? 'ASC' : 'DESC');
}

export function instant(value: unknown): string {
  return new Date(value instanceof Date ? value : String(value)).toISOString();
}
