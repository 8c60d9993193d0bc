import { type RawBuilder, sql } from 'kysely';
import { foldText } from '../../../shared/text/fold.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import type { Dialect, Executor } from '../../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';

/**
 * When a row of an import is a record that already exists. In order: a registry number (NIP,
 * REGON, KRS, EU VAT), an e-mail (without case), a phone (E.164; any of the row's against any
 * stored), then the name: a company's in the same city (when the row names one), a person's at
 * the same company. The first rule that finds a record decides. Names are compared by the name
 * key the duplicates module keeps (`name_key`: folded, legal form dropped) where the object
 * declares it, else folded. A field the object no longer has is not compared.
 */
interface ObjectRules {
  taxIds: string[];
  emails: string[];
  phones: string[];
  name: { fields: string[]; within: string; withinRequired: boolean };
}

const RULES: Record<string, ObjectRules> = {
  company: {
    taxIds: ['tax_id', 'regon', 'krs', 'eu_vat'],
    emails: ['email'],
    phones: ['phone'],
    name: { fields: ['name'], within: 'city', withinRequired: false },
  },
  person: {
    taxIds: [],
    emails: ['email'],
    phones: ['phone', 'mobile'],
    name: { fields: ['first_name', 'last_name'], within: 'company', withinRequired: true },
  },
};

const NAME_KEY = 'name_key';

export type MatchRule = 'taxId' | 'email' | 'phone' | 'name';

export interface Match {
  rule: MatchRule;
  /** Every live record the rule finds (more than one: the row is ambiguous). */
  ids: number[];
}

export function hasDuplicateRules(object: string): boolean {
  return object in RULES;
}

/** The fields a row's values are compared on, for the in-file duplicate check. */
export function duplicateKeys(definition: ObjectDefinition, values: Record<string, unknown>): string[] {
  const rules = RULES[definition.key];
  if (!rules) return [];
  const keys: string[] = [];
  for (const key of rules.taxIds) if (typeof values[key] === 'string') keys.push(`taxId:${values[key]}`);
  for (const key of rules.emails)
    if (typeof values[key] === 'string') keys.push(`email:${String(values[key]).toLowerCase()}`);
  for (const key of rules.phones) if (typeof values[key] === 'string') keys.push(`phone:${values[key]}`);
  const name = nameKey(definition, values);
  const within = values[rules.name.within];
  if (name && (within !== null && within !== undefined ? true : !rules.name.withinRequired)) {
    keys.push(`name:${name}:${within === null || within === undefined ? '' : foldText(String(within))}`);
  }
  return keys;
}

function nameKey(definition: ObjectDefinition, values: Record<string, unknown>): string | null {
  const rules = RULES[definition.key];
  if (!rules?.name.fields.every((key) => definition.field(key))) return null;
  const derived = definition.derivedColumns?.[NAME_KEY];
  if (derived) {
    const key = derived.compute(Object.fromEntries(derived.from.map((key) => [key, values[key] ?? null])));
    return key === null || key === '' ? null : String(key);
  }
  const parts = rules.name.fields.map((key) =>
    typeof values[key] === 'string' ? foldText(String(values[key]).trim()) : '',
  );
  return parts.some((part) => part === '') ? null : parts.join('\u0000');
}

interface Lookup {
  executor: Executor;
  dialect: Dialect;
  definition: ObjectDefinition;
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

function column(definition: ObjectDefinition, key: string): string | null {
  return definition.field(key)?.column ?? null;
}

/** For each row's values (checked, as stored), the records it duplicates, or null. */
export async function findDuplicates(
  lookup: Lookup,
  rows: Array<Record<string, unknown>>,
): Promise<Array<Match | null>> {
  const rules = RULES[lookup.definition.key];
  const matches: Array<Match | null> = rows.map(() => null);
  if (!rules) return matches;
  const { definition } = lookup;
  const decide = (rule: MatchRule, idsOf: (values: Record<string, unknown>) => number[]) => {
    rows.forEach((values, index) => {
      if (matches[index]) return;
      const ids = [...new Set(idsOf(values))].sort((a, b) => a - b);
      if (ids.length > 0) matches[index] = { rule, ids };
    });
  };
  const exact = async (
    keys: string[],
    fold: (value: string) => string,
    expression: (col: string) => RawBuilder<unknown>,
  ) => {
    const byValue = new Map<string, number[]>();
    for (const key of keys) {
      const col = column(definition, key);
      if (!col) continue;
      const wanted = [
        ...new Set(
          rows.flatMap((values) => (typeof values[key] === 'string' ? [fold(String(values[key]))] : [])),
        ),
      ];
      for (const hit of await select(lookup, expression(col), wanted)) {
        const value = String(hit.key);
        byValue.set(value, [...(byValue.get(value) ?? []), hit.id]);
      }
    }
    return (values: Record<string, unknown>) =>
      keys.flatMap((key) =>
        typeof values[key] === 'string' ? (byValue.get(fold(String(values[key]))) ?? []) : [],
      );
  };
  const same = (value: string) => value;
  const ref = (col: string) => sql`${sql.ref(`${ALIAS}.${col}`)}`;
  decide('taxId', await exact(rules.taxIds, same, ref));
  decide(
    'email',
    await exact(
      rules.emails,
      (v) => v.toLowerCase(),
      (col) => sql`lower(${sql.ref(`${ALIAS}.${col}`)})`,
    ),
  );
  // Any of the row's numbers against any stored column (a phone stored as someone's mobile).
  const phoneColumns = rules.phones.filter((key) => column(definition, key));
  const phoneHits = new Map<string, number[]>();
  const phones = [
    ...new Set(
      rows.flatMap((values) =>
        phoneColumns.flatMap((key) => (typeof values[key] === 'string' ? [String(values[key])] : [])),
      ),
    ),
  ];
  for (const key of phoneColumns) {
    for (const hit of await select(lookup, ref(column(definition, key) as string), phones)) {
      phoneHits.set(String(hit.key), [...(phoneHits.get(String(hit.key)) ?? []), hit.id]);
    }
  }
  decide('phone', (values) =>
    phoneColumns.flatMap((key) =>
      typeof values[key] === 'string' ? (phoneHits.get(String(values[key])) ?? []) : [],
    ),
  );
  await decideByName(lookup, rules, rows, decide);
  return matches;
}

async function decideByName(
  lookup: Lookup,
  rules: ObjectRules,
  rows: Array<Record<string, unknown>>,
  decide: (rule: MatchRule, idsOf: (values: Record<string, unknown>) => number[]) => void,
): Promise<void> {
  const { definition, dialect } = lookup;
  const withinField = definition.field(rules.name.within);
  if (!rules.name.fields.every((key) => definition.field(key)) || !withinField?.column) return;
  // People are compared by name only within a company: rows without one need no look-up.
  const comparable = rows.filter(
    (values) => !rules.name.withinRequired || hasValue(values[rules.name.within]),
  );
  const keyed = comparable.map((values) => nameKey(definition, values));
  const wanted = [...new Set(keyed.filter((key): key is string => key !== null))];
  if (wanted.length === 0) return;
  const hasKey = definition.derivedColumns?.[NAME_KEY] !== undefined;
  const firstColumn = column(definition, rules.name.fields[0] as string) as string;
  const restColumns = rules.name.fields.slice(1).map((key) => column(definition, key) as string);
  const keyExpression = hasKey
    ? sql`${sql.ref(`${ALIAS}.${NAME_KEY}`)}`
    : dialect.folded(sql.ref(`${ALIAS}.${firstColumn}`));
  const searched = hasKey ? wanted : [...new Set(wanted.map((key) => key.split('\u0000')[0] as string))];
  const extra = [
    sql`${sql.ref(`${ALIAS}.${withinField.column}`)}`,
    ...restColumns.map((col) => dialect.folded(sql.ref(`${ALIAS}.${col}`))),
  ];
  const hits = await select(lookup, keyExpression, searched, extra);
  const stored = hits.map((hit) => ({
    id: hit.id,
    key: hasKey ? String(hit.key) : [String(hit.key), ...hit.extra.slice(1).map(String)].join('\u0000'),
    within: hit.extra[0],
  }));
  decide('name', (values) => {
    const key = nameKey(definition, values);
    if (!key) return [];
    const within = values[rules.name.within];
    const known = within !== null && within !== undefined && within !== '';
    if (!known && rules.name.withinRequired) return [];
    return stored
      .filter((record) => record.key === key)
      .filter((record) => !known || sameWithin(record.within, within))
      .map((record) => record.id);
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
