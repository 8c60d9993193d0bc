import { performance } from 'node:perf_hooks';
import { type RawBuilder, sql } from 'kysely';
import type { DuplicateGroup, DuplicateGroupPage } from '../../../shared/duplicates/types.ts';
import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import { titleOf } from '../../records/present.ts';
import { objectOrThrow } from '../../records/reader.ts';
import {
  ALIAS,
  type FoundGroup,
  type GroupingRule,
  groupIdOf,
  groupingRules,
  keyColumns,
  keyOf,
  listedBefore,
  partitionOf,
  reasonsOf,
  sharedRules,
} from './list-reasons.ts';
import { combinedScore } from './rules.ts';

/** Keys looked at per query: a page of groups usually needs one such batch. */
const KEY_BATCH = 200;
/**
 * How long a page may keep looking. Where duplicates are rare a batch can walk a whole index
 * (a million entries); past this the page is returned shorter, with a cursor to go on from.
 */
const PAGE_BUDGET_MS = 250;
const MEMBERS_PER_GROUP = 20;

type Key = Array<string | number>;

interface Cursor {
  rule: number;
  after: Key | null;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.rule, cursor.after])).toString('base64url');
}

function decodeCursor(raw: string | undefined, rules: GroupingRule[]): Cursor {
  if (raw === undefined || raw === '') return { rule: 0, after: null };
  try {
    const [rule, after] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    const keyOk =
      after === null ||
      (Array.isArray(after) &&
        after.length === rules[Number(rule)]?.keys.length &&
        after.every((part) => typeof part === 'string' || typeof part === 'number'));
    if (Number.isSafeInteger(rule) && Number(rule) >= 0 && Number(rule) < rules.length && keyOk)
      return { rule: Number(rule), after: after as Key | null };
  } catch {
    // refused below
  }
  throw errors.badRequest('cursor must be the nextCursor of the previous page');
}

/**
 * Groups of records of one object that share a value, strongest reason first, paged by cursor.
 * Built for a million rows: a page walks an index for values held more than once (`GROUP BY …
 * HAVING count(*) > 1`, in key order, from the cursor), then reads the records of those values
 * that the reader may see; a group is shown when at least two of them are visible and live.
 * A set of records is listed once, under the strongest rule that groups exactly that set, with
 * every reason its records share (a stronger rule grouping more records is another set).
 */
export async function listDuplicateGroups(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: { limit?: number; cursor?: string },
): Promise<DuplicateGroupPage> {
  const definition = objectOrThrow(ctx, object);
  const grant = authorize(ctx.registry, actor, object, 'read');
  const rules = groupingRules(ctx, actor, definition, grant);
  const limit = Math.min(Math.max(request.limit ?? 20, 1), 100);
  let cursor = decodeCursor(request.cursor, rules);
  const items: DuplicateGroup[] = [];
  const deadline = performance.now() + PAGE_BUDGET_MS;
  for (let batch = 0; items.length < limit && (batch === 0 || performance.now() < deadline); batch++) {
    const rule = rules[cursor.rule];
    if (!rule) return { items, nextCursor: null };
    const keys = await sharedKeys(ctx.dialect.db, definition, rule, cursor.after);
    let last: Key | null = null;
    for (const group of await groupsOf(ctx.dialect.db, definition, grant, rules, cursor.rule, keys, actor)) {
      // A value's groups (same name, per city) stay on one page: the cursor goes past the value.
      if (items.length >= limit && group.key !== last) break;
      items.push(group.group);
      last = group.key;
    }
    if (items.length >= limit && last) {
      cursor = { rule: cursor.rule, after: last };
      break;
    }
    cursor =
      keys.length < KEY_BATCH
        ? { rule: cursor.rule + 1, after: null }
        : { ...cursor, after: keys.at(-1) ?? null };
  }
  return { items, nextCursor: cursor.rule < rules.length ? encodeCursor(cursor) : null };
}

/** Values held by more than one row (any state: the trash is sorted out with the records), in key order. */
async function sharedKeys(
  executor: Executor,
  definition: ObjectDefinition,
  rule: GroupingRule,
  after: Key | null,
): Promise<Key[]> {
  const notNull = rule.keys.map((key) => sql`${key} IS NOT NULL`);
  const row = (parts: RawBuilder<unknown>[]) =>
    parts.length === 1 ? (parts[0] as RawBuilder<unknown>) : sql`(${sql.join(parts)})`;
  const from = after ? [sql`${row(rule.keys)} > ${row(after.map((part) => sql`${part}`))}`] : [];
  const found = await sql<Record<string, string | number>>`SELECT ${sql.join(
    rule.keys.map((key, i) => sql`${key} AS ${sql.ref(`k${i}`)}`),
  )}
    FROM ${sql.table(definition.table)} AS ${sql.raw(ALIAS)}
    WHERE ${sql.join([...notNull, ...from], sql` AND `)}
    GROUP BY ${sql.join(rule.keys)} HAVING count(*) > 1
    ORDER BY ${sql.join(rule.keys)} LIMIT ${KEY_BATCH}`.execute(executor);
  return found.rows.map((r) => rule.keys.map((_, i) => normalisedKeyPart(r[`k${i}`])));
}

/** Text keys stay text; ids (a person's company) stay numbers, as the cursor carries them. */
function normalisedKeyPart(value: unknown): string | number {
  return typeof value === 'number' ? value : String(value);
}

/**
 * The groups of the given keys under rule `k`, as the reader sees them (live records within
 * their rows), each with every reason its records share. A group that a stronger rule lists as
 * the same set is left out: it is there already, with this reason among its own.
 */
async function groupsOf(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  rules: GroupingRule[],
  k: number,
  keys: Key[],
  actor: Actor,
): Promise<Array<{ key: Key; group: DuplicateGroup }>> {
  const rule = rules[k];
  if (!rule || keys.length === 0) return [];
  const matchesKey = keys.map(
    (key) =>
      sql`(${sql.join(
        rule.keys.map((expression, i) => sql`${expression} = ${key[i]}`),
        sql` AND `,
      )})`,
  );
  const scope = grant.rows ? sql` AND ${grant.rows(ALIAS)}` : sql``;
  const found = await sql<
    Record<string, unknown>
  >`SELECT ${sql.raw(`${ALIAS}.*`)}, ${sql.join(keyColumns(rules))}
    FROM ${sql.table(definition.table)} AS ${sql.raw(ALIAS)}
    WHERE (${sql.join(matchesKey, sql` OR `)}) AND ${sql.ref(`${ALIAS}.deleted_at`)} IS NULL${scope}
    ORDER BY ${sql.ref(`${ALIAS}.id`)}`.execute(executor);
  const byGroup = new Map<string, { key: string[]; partition: string; rows: Record<string, unknown>[] }>();
  for (const row of found.rows) {
    const id = groupIdOf(rules, k, row);
    if (id === null) continue;
    const group = byGroup.get(id) ?? {
      key: keyOf(rules, k, row).map(String),
      partition: partitionOf(rule, row),
      rows: [],
    };
    group.rows.push(row);
    byGroup.set(id, group);
  }
  const order = new Map(keys.map((key, index) => [JSON.stringify(key.map(String)), index]));
  const groups = [...byGroup.values()]
    .filter((group) => group.rows.length > 1)
    .sort(
      (a, b) =>
        (order.get(JSON.stringify(a.key)) ?? 0) - (order.get(JSON.stringify(b.key)) ?? 0) ||
        a.partition.localeCompare(b.partition),
    )
    .map((group): FoundGroup & { key: Key } => ({
      key: keys[order.get(JSON.stringify(group.key)) ?? 0] ?? group.key,
      rows: group.rows,
      shared: sharedRules(rules, group.rows),
    }));
  const repeated = await listedBefore(executor, definition, grant, rules, k, groups);
  return groups
    .filter((group) => !repeated.has(group))
    .map((group) => {
      const reasons = reasonsOf(rules, group.shared, group.rows[0] ?? {});
      const [strongest] = reasons;
      return {
        key: group.key,
        group: {
          code: strongest?.code ?? rule.code,
          field: strongest?.field ?? rule.field,
          value: strongest?.value ?? null,
          score: combinedScore(reasons.map((reason) => reason.code)),
          reasons,
          records: group.rows.slice(0, MEMBERS_PER_GROUP).map((row) => ({
            id: Number(row.id),
            title: titleOf(definition, row, actor.locale),
          })),
        },
      };
    });
}
