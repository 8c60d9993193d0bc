import type { Executor } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';

/**
 * A create's body with the values its fields inherit (`FieldDefinition.inheritFrom`): a subtask
 * given only its parent lands in the parent's register. Only fields the body leaves out (or
 * null) inherit, only from a record it names by a positive id, and the inherited value is then
 * checked like a typed one; a referenced record that is missing or in the trash gives nothing
 * (the reference check then refuses it). Whether the writer may read the referenced record is
 * the object's own rule (its effects refuse references to unreadable records, rolling back).
 */
export async function withInheritedValues(
  executor: Executor,
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  body: unknown,
): Promise<unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const given = body as Record<string, unknown>;
  const filled: Record<string, unknown> = { ...given };
  for (const field of definition.fields) {
    if (!field.inheritFrom || (given[field.key] !== undefined && given[field.key] !== null)) continue;
    const [via = '', from = ''] = field.inheritFrom.split('.');
    const id = given[via];
    const reference = definition.field(via);
    const source = registry.get(reference?.target ?? '');
    const column = source?.field(from)?.column;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || !source || !column) continue;
    const row: Record<string, unknown> | undefined = await executor
      .selectFrom(source.table)
      .select(column)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const value = row?.[column];
    if (value !== null && value !== undefined) filled[field.key] = Number(value);
  }
  return filled;
}
