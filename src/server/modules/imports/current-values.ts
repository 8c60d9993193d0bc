import type { ObjectDefinition } from '../../metadata/define-object.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import { executorOf, type RecordsContext } from '../../records/context.ts';

export interface StoredRecord {
  version: number;
  /** Every field's API value, memberships as sorted ids. */
  values: Record<string, unknown>;
}

/**
 * Live records as the API would give them, by id, in two queries plus one per membership
 * field: what an update compares the file's values with, and what undo checks before it
 * restores a value.
 */
export async function currentValues(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  ids: number[],
): Promise<Map<number, StoredRecord>> {
  const result = new Map<number, StoredRecord>();
  if (ids.length === 0) return result;
  const executor = executorOf(ctx);
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 500) {
    const part = unique.slice(start, start + 500);
    const rows = await executor
      .selectFrom(definition.table)
      .selectAll()
      .where('id', 'in', part)
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) {
      const values: Record<string, unknown> = {};
      for (const field of definition.fields) {
        if (field.system || field.columns.length === 0) continue;
        values[field.key] = serverType(field).decode(row, field, ctx.dialect);
      }
      result.set(Number(row.id), { version: Number(row.version), values });
    }
    for (const field of definition.fields) {
      const through = field.through;
      if (!through) continue;
      const members = await executor
        .selectFrom(through.table)
        .select([through.sourceColumn, through.targetColumn])
        .where(through.sourceColumn, 'in', part)
        .execute();
      for (const id of part) {
        const record = result.get(id);
        if (record) record.values[field.key] = [];
      }
      for (const member of members) {
        const record = result.get(Number(member[through.sourceColumn]));
        (record?.values[field.key] as number[] | undefined)?.push(Number(member[through.targetColumn]));
      }
      for (const id of part)
        (result.get(id)?.values[field.key] as number[] | undefined)?.sort((a, b) => a - b);
    }
  }
  return result;
}
