import { type RawBuilder, sql } from 'kysely';
import type { DuplicateGroupReason, DuplicateReasonCode } from '../../../shared/duplicates/types.ts';
import { foldText } from '../../../shared/text/fold.ts';
import type { Actor } from '../../access/actor.ts';
import type { AccessGrant } from '../../access/policy.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import { requireRules } from './rules.ts';

export const ALIAS = 'g0';

type Row = Record<string, unknown>;

/** A value records share, as SQL over the table: one or two expressions and how groups split. */
export interface GroupingRule {
  code: DuplicateReasonCode;
  field: string;
  keys: RawBuilder<unknown>[];
  /** Shown with the group (the shared e-mail…); names are compared by key and show none. */
  showsValue: boolean;
  /** A column that splits a group further in memory (the city of same-named companies). */
  partitionColumn?: string;
}

/**
 * The strongest rules first: registry numbers, e-mails, phones (each field on its own, so the
 * walk stays on one index), then names (companies by name key, split by city; people by name
 * key and company, both in the index).
 */
export function groupingRules(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
): GroupingRule[] {
  const rules = requireRules(ctx.registry, actor, definition, grant);
  const grouping: GroupingRule[] = [];
  for (const rule of rules.identifiers) {
    for (const field of rule.fields) {
      const column = definition.field(field)?.column ?? field;
      grouping.push({ code: rule.code, field, keys: [rule.expression(ALIAS, column)], showsValue: true });
    }
  }
  const name = rules.name;
  if (name) {
    const key = sql.ref(`${ALIAS}.${name.keyColumn}`);
    const byReference = definition.field(name.within)?.target !== undefined;
    grouping.push(
      byReference
        ? {
            code: 'nameCompany',
            field: name.from[0] ?? name.keyColumn,
            keys: [key, sql.ref(`${ALIAS}.${name.withinColumn}`)],
            showsValue: false,
          }
        : {
            code: 'nameCity',
            field: name.from[0] ?? name.keyColumn,
            keys: [key],
            showsValue: false,
            partitionColumn: name.withinColumn,
          },
    );
  }
  return grouping;
}

/** The column a rule's key part is read into; `rk` keeps it clear of the table's own columns. */
function keyAlias(rule: number, part: number): string {
  return `rk${rule}_${part}`;
}

/**
 * Every rule's key expressions as extra columns of a select. The keys of other rules are read
 * by the database rather than recomputed here, so `lower()` and the rest fold a value exactly as
 * the walk's `GROUP BY` does (SQLite's `lower()` folds ASCII only, unlike `toLowerCase()`).
 */
export function keyColumns(rules: GroupingRule[]): RawBuilder<unknown>[] {
  return rules.flatMap((rule, r) => rule.keys.map((key, i) => sql`${key} AS ${sql.ref(keyAlias(r, i))}`));
}

/** The key parts of a row under a rule, as read by `keyColumns`. */
export function keyOf(rules: GroupingRule[], r: number, row: Row): unknown[] {
  return (rules[r]?.keys ?? []).map((_, i) => row[keyAlias(r, i)]);
}

/** The city a same-named company is grouped in, folded as the walk splits groups. */
export function partitionOf(rule: GroupingRule, row: Row): string {
  return rule.partitionColumn ? foldText(String(row[rule.partitionColumn] ?? '')).trim() : '';
}

/** Which group of a rule a row is in (key and partition as one string), or null when it is in none. */
export function groupIdOf(rules: GroupingRule[], r: number, row: Row): string | null {
  const rule = rules[r];
  const key = keyOf(rules, r, row);
  if (!rule || key.some((part) => part === null || part === undefined)) return null;
  return JSON.stringify([...key.map(String), partitionOf(rule, row)]);
}

/** The rules (by index, strongest first) under which all the rows are in one group. */
export function sharedRules(rules: GroupingRule[], rows: Row[]): number[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  return rules.flatMap((_, r) => {
    const id = groupIdOf(rules, r, first);
    return id !== null && rest.every((row) => groupIdOf(rules, r, row) === id) ? [r] : [];
  });
}

/** The reasons for the shared rules, as a group carries them; a company without a city only says `name`. */
export function reasonsOf(rules: GroupingRule[], shared: number[], row: Row): DuplicateGroupReason[] {
  return shared.flatMap((r) => {
    const rule = rules[r];
    if (!rule) return [];
    const code: DuplicateReasonCode =
      rule.partitionColumn && partitionOf(rule, row) === '' ? 'name' : rule.code;
    return rule.showsValue
      ? [{ code, field: rule.field, value: String(keyOf(rules, r, row)[0]) }]
      : [{ code, field: rule.field }];
  });
}

/** A group found under one rule: its live rows the reader may see and the rules they all share. */
export interface FoundGroup {
  rows: Row[];
  shared: number[];
}

/**
 * The groups found under rule `k` that a stronger rule lists as the very same set: their rows
 * share its key and no other record the reader may see does. The walk goes through the rules
 * in order, so that group was listed before (with rule `k` among its reasons) and this one is
 * left out. A stronger group with more visible members is another set, and both are listed.
 * The counts obey the same row scope as the groups, so what decides is what this reader sees.
 */
export async function listedBefore(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  rules: GroupingRule[],
  k: number,
  groups: FoundGroup[],
): Promise<Set<FoundGroup>> {
  const samples = new Map<number, Map<string, Row>>();
  for (const group of groups) {
    const [first] = group.rows;
    for (const r of group.shared) {
      const id = first && r < k ? groupIdOf(rules, r, first) : null;
      if (!first || id === null) continue;
      const byGroup = samples.get(r) ?? new Map<string, Row>();
      samples.set(r, byGroup.set(id, first));
    }
  }
  const visible = new Map<number, Map<string, number>>();
  for (const [r, rows] of samples)
    visible.set(r, await visibleCounts(executor, definition, grant, rules, r, [...rows.values()]));
  return new Set(
    groups.filter((group) =>
      group.shared.some((r) => {
        const [first] = group.rows;
        const id = first && r < k ? groupIdOf(rules, r, first) : null;
        return id !== null && visible.get(r)?.get(id) === group.rows.length;
      }),
    ),
  );
}

/** How many live records the reader may see are in each of the groups of the sample rows under rule `r`. */
async function visibleCounts(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  rules: GroupingRule[],
  r: number,
  samples: Row[],
): Promise<Map<string, number>> {
  const rule = rules[r];
  const counts = new Map<string, number>();
  if (!rule || samples.length === 0) return counts;
  const matches = samples.map(
    (row) =>
      sql`(${sql.join(
        keyOf(rules, r, row).map((part, i) => sql`${rule.keys[i]} = ${part}`),
        sql` AND `,
      )})`,
  );
  const partition = rule.partitionColumn ? [sql.ref(`${ALIAS}.${rule.partitionColumn}`)] : [];
  const selected = [
    ...rule.keys.map((key, i) => sql`${key} AS ${sql.ref(keyAlias(r, i))}`),
    ...partition.map((column) => sql`${column} AS ${sql.ref(rule.partitionColumn ?? '')}`),
  ];
  const scope = grant.rows ? sql` AND ${grant.rows(ALIAS)}` : sql``;
  const found = await sql<Row & { n: number | string }>`SELECT ${sql.join(selected)}, count(*) AS n
    FROM ${sql.table(definition.table)} AS ${sql.raw(ALIAS)}
    WHERE (${sql.join(matches, sql` OR `)}) AND ${sql.ref(`${ALIAS}.deleted_at`)} IS NULL${scope}
    GROUP BY ${sql.join([...rule.keys, ...partition])}`.execute(executor);
  // Cities are folded here, as the walk folds them: `Łódź` and `LODZ` are one group.
  for (const row of found.rows) {
    const id = groupIdOf(rules, r, row);
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + Number(row.n));
  }
  return counts;
}
