import type { Executor, Tx } from '../db/dialects/dialect.ts';
import { errors, type FieldIssue } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition, Through } from '../metadata/define-object.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import type { RecordsContext } from './context.ts';
import type { CheckedInput } from './input.ts';

// The parts of a write that turn checked values into rows: references checked against the
// database, columns encoded by each field's type, memberships replaced in their link tables.

/**
 * The issue when some of `ids` are not live records of the field's target (of the field's
 * dictionary, for dictionary values), or null when all are; reported under `reportAs`. With
 * `mustBeActive`, those of the ids that are deactivated (where the target can be) are an issue
 * too, found by the same query.
 */
export async function missingReference(
  ctx: RecordsContext,
  executor: Executor,
  field: FieldDefinition,
  ids: number[],
  reportAs: string = field.key,
  mustBeActive: readonly number[] = [],
): Promise<FieldIssue | null> {
  const target = ctx.registry.get(field.target ?? '');
  if (!target || ids.length === 0) return null;
  const activeColumn =
    mustBeActive.length > 0 && target.activeField ? target.field(target.activeField)?.column : undefined;
  let query = executor
    .selectFrom(target.table)
    .select(activeColumn ? ['id', activeColumn] : ['id'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null);
  if (field.dictionary) query = query.where('dictionary', '=', field.dictionary);
  const rows = await query.execute();
  const found = new Set(rows.map((row) => Number(row.id)));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const what = field.dictionary ? `${field.dictionary} value` : target.key;
    return { field: reportAs, code: 'not_found', message: `no ${what} with id ${missing.join(', ')}` };
  }
  const inactive = activeColumn
    ? rows.find(
        (row) =>
          mustBeActive.includes(Number(row.id)) && ctx.dialect.decodeBoolean(row[activeColumn]) === false,
      )
    : undefined;
  if (inactive) {
    return {
      field: reportAs,
      code: 'inactive',
      message: `${target.key} ${Number(inactive.id)} is deactivated and cannot be chosen`,
    };
  }
  // A dynamic group's members follow its filter: nobody is put into it by hand.
  const rule = field.through ? target.dynamicMembers : undefined;
  const kindColumn = rule ? target.field(rule.kindField)?.column : undefined;
  if (!rule || !kindColumn) return null;
  const dynamic = await executor
    .selectFrom(target.table)
    .select('id')
    .where('id', 'in', ids)
    .where(kindColumn, '=', rule.dynamicValue)
    .execute();
  if (dynamic.length === 0) return null;
  return {
    field: reportAs,
    code: 'dynamic_group',
    message: `${target.key} ${dynamic.map((row) => row.id).join(', ')} takes its members from its filter`,
  };
}

/**
 * References must point at existing, not deleted records (and dictionary values of the right
 * dictionary); a newly set one must still be active where its object can be deactivated (a
 * record keeping the value it has is fine: `stored` is the row before an update). One query
 * per referenced field: this runs on every write.
 */
export async function checkReferences(
  ctx: RecordsContext,
  trx: Tx,
  input: CheckedInput,
  stored?: Record<string, unknown>,
): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [field, value] of input.values) {
    if (!field.target || typeof value !== 'number') continue;
    const newlyChosen = field.column !== undefined && Number(stored?.[field.column]) !== value;
    const issue = await missingReference(ctx, trx, field, [value], field.key, newlyChosen ? [value] : []);
    if (issue) issues.push(issue);
  }
  for (const [field, ids] of input.memberships) {
    const issue = await missingReference(ctx, trx, field, ids);
    if (issue) issues.push(issue);
  }
  // Missing records first, then deactivated ones, whatever the fields' order.
  const rank = (issue: FieldIssue) => (issue.code === 'inactive' ? 1 : 0);
  if (issues.length > 0) throw errors.validation(issues.sort((a, b) => rank(a) - rank(b)));
}

export function encodeValues(ctx: RecordsContext, input: CheckedInput): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, value] of input.values)
    Object.assign(row, serverType(field).encode(value, field, ctx.dialect));
  return row;
}

/** The record's columns its membership rows carry (`Through.carry`), from its stored row. */
export function carriedValues(through: Through, row: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of through.carry ?? []) values[column] = row[column] ?? null;
  return values;
}

export async function replaceMemberships(
  trx: Tx,
  recordId: number,
  field: FieldDefinition,
  ids: number[],
  actorId: number | null,
  at: string,
  row: Record<string, unknown>,
): Promise<void> {
  const through = field.through;
  if (!through) return;
  await trx.deleteFrom(through.table).where(through.sourceColumn, '=', recordId).execute();
  if (ids.length === 0) return;
  const carried = carriedValues(through, row);
  await trx
    .insertInto(through.table)
    .values(
      ids.map((id) => ({
        [through.sourceColumn]: recordId,
        [through.targetColumn]: id,
        created_at: at,
        created_by: actorId,
        ...carried,
      })),
    )
    .execute();
}

/**
 * After a change of the record that left its memberships as they were: the columns they carry
 * follow the record (an activity moved to another day is found on that day).
 */
export async function refreshCarried(
  trx: Tx,
  definition: ObjectDefinition,
  recordId: number,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  replaced: ReadonlySet<FieldDefinition>,
): Promise<void> {
  for (const field of definition.fields) {
    const through = field.through;
    if (!through?.carry?.length || replaced.has(field)) continue;
    if (through.carry.every((column) => String(before[column]) === String(after[column]))) continue;
    await trx
      .updateTable(through.table)
      .set(carriedValues(through, after))
      .where(through.sourceColumn, '=', recordId)
      .execute();
  }
}

export async function currentMemberships(
  trx: Tx,
  recordId: number,
  field: FieldDefinition,
): Promise<number[]> {
  const through = field.through;
  if (!through) return [];
  const rows = await trx
    .selectFrom(through.table)
    .select(through.targetColumn)
    .where(through.sourceColumn, '=', recordId)
    .orderBy(through.targetColumn)
    .execute();
  return rows.map((row) => Number(row[through.targetColumn]));
}

export function sortedIds(ids: number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}
