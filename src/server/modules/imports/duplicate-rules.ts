import { type RawBuilder, sql } from 'kysely';
import { foldText } from '../../../shared/text/fold.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { ResolvedRules } from '../duplicates/rules.ts';

export { hasDuplicateRules } from '../duplicates/rules.ts';

/**
 * When a row of an import is a record that already exists, by the duplicates module's rules as
 * the importing account may use them (`rulesFor`): a registry number (each field against the
 * same field), an e-mail (without case), a phone (any of the row's against any stored), then the
 * name key — a company's in the same city when the row names one, a person's at the same company.
 * The first rule that finds a record decides. Here whole batches of rows are looked up at once.
 */
export type MatchRule = 'taxId' | 'email' | 'phone' | 'name';

export interface Match {
  rule: MatchRule;
  /** Every live record the rule finds (more than one: the row is ambiguous). */
  ids: number[];
}

/** The fields a row's values are compared on, for the in-file duplicate check. */
export function duplicateKeys(rules: ResolvedRules | null, values: Record<string, unknown>): string[] {
  if (!rules) return [];
  const keys: string[] = [];
  for (const rule of rules.identifiers) {
    const scope = rule.code === 'taxId' ? `${rule.code}:${rule.fields.join(',')}` : rule.code;
    for (const field of rule.fields) {
      const value = values[field];
      if (typeof value === 'string') keys.push(`${scope}:${rule.comparable(value)}`);
    }
  }
  const name = nameKey(rules, values);
  const within = values[rules.name?.within ?? ''];
  if (name && (hasValue(within) || !rules.name?.withinRequired)) {
    keys.push(`name:${name}:${hasValue(within) ? foldText(String(within)) : ''}`);
  }
  return keys;
}

function nameKey(rules: ResolvedRules, values: Record<string, unknown>): string | null {
  const rule = rules.name;
  if (!rule) return null;
  const key = rule.compute(Object.fromEntries(rule.from.map((field) => [field, values[field] ?? null])));
  return key === null || key === '' ? null : String(key);
}

interface Lookup {
  executor: Executor;
  definition: ObjectDefinition;
  rules: ResolvedRules | null;
  /** The reader's rows: a record they cannot see is not a duplicate they could update or skip. */
  rows: RowPredicate | null;
}

const ALIAS = 'm0';

async function select(
  lookup: Lookup,
  key: RawBuilder<unknown>,
  values: unknown[],
  extra: RawBuilder<unknown>[] = [],
): Promise<Array<{ id: number; key: unknown; extra: unknown[] }>> {
  if (values.length === 0) return [];
  const found: Array<{ id: number; key: unknown; extra: unknown[] }> = [];
  const scope = lookup.rows ? sql` AND ${lookup.rows(ALIAS)}` : sql``;
  for (let start = 0; start < values.length; start += 500) {
    const part = values.slice(start, start + 500);
    const columns = [
      sql`${sql.ref(`${ALIAS}.id`)} AS id`,
      sql`${key} AS k`,
      ...extra.map((e, i) => sql`${e} AS ${sql.raw(`x${i}`)}`),
    ];
    const result = await sql<Record<string, unknown>>`SELECT ${sql.join(columns)}
      FROM ${sql.table(lookup.definition.table)} AS ${sql.raw(ALIAS)}
      WHERE ${key} IN (${sql.join(part)}) AND ${sql.ref(`${ALIAS}.deleted_at`)} IS NULL${scope}`.execute(
      lookup.executor,
    );
    for (const row of result.rows) {
      found.push({ id: Number(row.id), key: row.k, extra: extra.map((_, i) => row[`x${i}`]) });
    }
  }
  return found;
}

/** For each row's values (checked, as stored), the records it duplicates, or null. */
export async function findDuplicates(
  lookup: Lookup,
  rows: Array<Record<string, unknown>>,
): Promise<Array<Match | null>> {
  const matches: Array<Match | null> = rows.map(() => null);
  const { rules, definition } = lookup;
  if (!rules) return matches;
  const decide = (rule: MatchRule, idsOf: (values: Record<string, unknown>) => number[]) => {
    rows.forEach((values, index) => {
      if (matches[index]) return;
      const ids = [...new Set(idsOf(values))].sort((a, b) => a - b);
      if (ids.length > 0) matches[index] = { rule, ids };
    });
  };
  for (const rule of rules.identifiers) {
    const comparableOf = (values: Record<string, unknown>) =>
      rule.fields.flatMap((field) =>
        typeof values[field] === 'string' ? [rule.comparable(String(values[field]))] : [],
      );
    const wanted = [...new Set(rows.flatMap(comparableOf))];
    // Any of the row's values against any of the rule's stored columns (a phone kept as a mobile).
    const hits = new Map<string, number[]>();
    for (const field of rule.fields) {
      const column = definition.field(field)?.column;
      if (!column) continue;
      for (const hit of await select(lookup, rule.expression(ALIAS, column), wanted)) {
        hits.set(String(hit.key), [...(hits.get(String(hit.key)) ?? []), hit.id]);
      }
    }
    decide(rule.code, (values) => comparableOf(values).flatMap((value) => hits.get(value) ?? []));
  }
  await decideByName(lookup, rules, rows, decide);
  return matches;
}

async function decideByName(
  lookup: Lookup,
  rules: ResolvedRules,
  rows: Array<Record<string, unknown>>,
  decide: (rule: MatchRule, idsOf: (values: Record<string, unknown>) => number[]) => void,
): Promise<void> {
  const rule = rules.name;
  if (!rule) return;
  // People are compared by name only within a company: rows without one need no look-up.
  const comparable = rows.filter((values) => !rule.withinRequired || hasValue(values[rule.within]));
  const wanted = [
    ...new Set(comparable.map((values) => nameKey(rules, values)).filter((key) => key !== null)),
  ];
  if (wanted.length === 0) return;
  const hits = await select(lookup, sql`${sql.ref(`${ALIAS}.${rule.keyColumn}`)}`, wanted, [
    sql`${sql.ref(`${ALIAS}.${rule.withinColumn}`)}`,
  ]);
  decide('name', (values) => {
    const key = nameKey(rules, values);
    if (!key) return [];
    const within = values[rule.within];
    const known = hasValue(within);
    if (!known && rule.withinRequired) return [];
    return hits
      .filter((hit) => String(hit.key) === key && (!known || sameWithin(hit.extra[0], within)))
      .map((hit) => hit.id);
  });
}

function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

/** A city compared folded; a company id compared as a number. */
function sameWithin(stored: unknown, given: unknown): boolean {
  if (typeof given === 'number') return Number(stored) === given;
  return typeof stored === 'string' && foldText(stored.trim()) === foldText(String(given).trim());
}
