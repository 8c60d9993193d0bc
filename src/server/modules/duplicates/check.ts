import { type RawBuilder, sql } from 'kysely';
import type { DuplicateCandidate, DuplicateReason } from '../../../shared/duplicates/types.ts';
import { foldText } from '../../../shared/text/fold.ts';
import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import { defaultCountry, executorOf, type RecordsContext } from '../../records/context.ts';
import { inputContext } from '../../records/input.ts';
import { loadRefs } from '../../records/present.ts';
import { checkId, objectOrThrow } from '../../records/reader.ts';
import { combinedScore, type IdentifierRule, type NameRule, rulesFor } from './rules.ts';

/** Candidates each rule may bring; a value shared by more records than this is not telling anyway. */
const PER_RULE = 20;
export const MAX_CANDIDATES = 10;
const ALIAS = 'd0';

type Matches = Map<number, DuplicateReason[]>;

/**
 * Likely duplicates of the values of a record being created or edited (`values.id`: the record
 * itself, left out), among the records the reader may see, best first. Values are read as a
 * write would store them (a phone typed nationally becomes E.164); a value that would not pass
 * the write's check is not compared. Objects without duplicate rules have no duplicates.
 */
export async function findDuplicates(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  values: Record<string, unknown>,
): Promise<DuplicateCandidate[]> {
  const definition = objectOrThrow(ctx, object);
  const grant = authorize(ctx.registry, actor, object, 'read');
  const rules = rulesFor(ctx.registry, actor, definition, grant);
  if (!rules) return [];
  const self = values.id === undefined || values.id === null ? null : checkId(values.id);
  const executor = executorOf(ctx);
  const stored = await storedForms(ctx, definition, values, self);
  const scope = (alias: string) => conditions(grant, alias, self);
  const probes = [
    ...rules.identifiers.flatMap((rule) => identifierProbes(definition, rule, stored, scope)),
    ...(rules.name ? nameProbe(ctx, definition, rules.name, stored, scope) : []),
  ];
  const matches = await runProbes(executor, probes);
  if (matches.size === 0) return [];
  const ranked = [...matches]
    .map(([id, reasons]) => ({ id, reasons, score: combinedScore(reasons.map((r) => r.code)) }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
  const refs = await loadRefs(
    executor,
    definition,
    ranked.map((candidate) => candidate.id),
    actor.locale,
    grant.rows,
  );
  return ranked
    .filter((candidate) => refs.has(candidate.id))
    .slice(0, MAX_CANDIDATES)
    .map((candidate) => ({ ...candidate, title: refs.get(candidate.id)?.title ?? '' }));
}

/** Live records the reader may see, other than the one being edited. */
function conditions(grant: AccessGrant, alias: string, self: number | null): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`${sql.ref(`${alias}.deleted_at`)} IS NULL`];
  if (grant.rows) parts.push(grant.rows(alias));
  if (self !== null) parts.push(sql`${sql.ref(`${alias}.id`)} <> ${self}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The given values as a write would store them, by field key; values the write would refuse
 * (a half-typed phone) are left out rather than refused: the form is still being filled.
 */
async function storedForms(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  values: Record<string, unknown>,
  self: number | null,
): Promise<Map<string, unknown>> {
  const context = await inputContext(
    executorOf(ctx),
    ctx.registry,
    definition,
    values,
    self,
    defaultCountry(ctx),
  );
  const stored = new Map<string, unknown>();
  for (const [key, raw] of Object.entries(values)) {
    const field = definition.field(key);
    if (!field || field.system || field.through || raw === null || raw === undefined || raw === '') continue;
    const checked = serverType(field).check(raw, field, context);
    if (checked.issue === undefined && checked.value !== null) stored.set(key, checked.value);
  }
  return stored;
}

function columnOf(definition: ObjectDefinition, key: string): string {
  const column = definition.field(key)?.column;
  if (!column) throw new Error(`${definition.key}.${key} has no column`);
  return column;
}

/**
 * The records one rule finds on one field, as (id, code, field) rows: a probe walks one index.
 * All probes go to the database as one statement (UNION ALL of limited subqueries), one round
 * trip however many rules apply.
 */
interface Probe {
  id: RawBuilder<unknown>;
  code: RawBuilder<unknown>;
  field: string;
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
}

function identifierProbes(
  definition: ObjectDefinition,
  rule: IdentifierRule,
  stored: Map<string, unknown>,
  scope: (alias: string) => RawBuilder<unknown>,
): Probe[] {
  const wanted = [
    ...new Set(
      rule.fields.flatMap((key) => {
        const value = stored.get(key);
        return typeof value === 'string' ? [rule.comparable(value)] : [];
      }),
    ),
  ];
  if (wanted.length === 0) return [];
  const table = sql`${sql.table(definition.table)} AS ${sql.raw(ALIAS)}`;
  const probes = rule.fields.map((field) => ({
    id: sql.ref(`${ALIAS}.id`),
    code: sql`${rule.code}`,
    field,
    from: table,
    where: sql`${rule.expression(ALIAS, columnOf(definition, field))} IN (${sql.join(wanted)}) AND ${scope(ALIAS)}`,
  }));
  for (const child of rule.children) {
    const c = 'dc';
    const childScope = child.rows ? sql` AND ${child.rows(c)}` : sql``;
    const parent = sql.ref(`${c}.${child.parentColumn}`);
    probes.push({
      id: parent,
      code: sql`${rule.code}`,
      field: child.field,
      from: sql`${sql.table(child.object.table)} AS ${sql.raw(c)}`,
      where: sql`${rule.expression(c, child.column)} IN (${sql.join(wanted)})
        AND ${sql.ref(`${c}.deleted_at`)} IS NULL${childScope}
        AND EXISTS (SELECT 1 FROM ${sql.table(definition.table)} AS ${sql.raw(ALIAS)}
          WHERE ${sql.ref(`${ALIAS}.id`)} = ${parent} AND ${scope(ALIAS)})`,
    });
  }
  return probes;
}

/**
 * The same name key, and for a company the same city (or one of the two without a city: a
 * weaker reason), for a person the same company. The key comes from the object's own derived
 * column declaration, so the look-up and the stored keys are computed by one function.
 */
function nameProbe(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  rule: NameRule,
  stored: Map<string, unknown>,
  scope: (alias: string) => RawBuilder<unknown>,
): Probe[] {
  if (!rule.from.some((key) => stored.has(key))) return [];
  const key = rule.compute(Object.fromEntries(rule.from.map((f) => [f, stored.get(f) ?? null])));
  if (key === null) return [];
  const within = stored.get(rule.within);
  const known = within !== undefined && within !== null;
  if (rule.withinRequired && !known) return [];
  const withinRef = sql.ref(`${ALIAS}.${rule.withinColumn}`);
  const reference = definition.field(rule.within)?.target !== undefined;
  const missing = sql`(${withinRef} IS NULL OR ${withinRef} = '')`;
  let withinCondition: RawBuilder<unknown> = sql`1 = 1`;
  let code: RawBuilder<unknown> = sql`${'name'}`;
  if (known && reference) {
    withinCondition = sql`${withinRef} = ${within}`;
    code = sql`${'nameCompany'}`;
  } else if (known) {
    withinCondition = sql`(${missing} OR ${ctx.dialect.folded(withinRef)} = ${foldText(String(within))})`;
    code = sql`CASE WHEN ${missing} THEN ${'name'} ELSE ${'nameCity'} END`;
  }
  const where = sql`${sql.ref(`${ALIAS}.${rule.keyColumn}`)} = ${key} AND ${withinCondition} AND ${scope(ALIAS)}`;
  const table = sql`${sql.table(definition.table)} AS ${sql.raw(ALIAS)}`;
  return [{ id: sql.ref(`${ALIAS}.id`), code, field: rule.from[0] ?? rule.keyColumn, from: table, where }];
}

/** Runs the probes as one statement; reasons per record, each once. */
async function runProbes(executor: Executor, probes: Probe[]): Promise<Matches> {
  const matches: Matches = new Map();
  if (probes.length === 0) return matches;
  // Each in a subquery of its own: SQLite takes LIMIT only there, not on a member of a UNION.
  const selects = probes.map(
    (p, i) => sql`SELECT * FROM (SELECT ${p.id} AS id, ${p.code} AS code, ${p.field} AS field
      FROM ${p.from} WHERE ${p.where} LIMIT ${PER_RULE}) AS ${sql.raw(`probe${i}`)}`,
  );
  const found = await sql<{ id: number | string; code: DuplicateReason['code']; field: string }>`${sql.join(
    selects,
    sql` UNION ALL `,
  )}`.execute(executor);
  for (const row of found.rows) {
    const id = Number(row.id);
    const reasons = matches.get(id) ?? [];
    if (!reasons.some((r) => r.code === row.code && r.field === row.field))
      reasons.push({ code: row.code, field: row.field });
    matches.set(id, reasons);
  }
  return matches;
}
