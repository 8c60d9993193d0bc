import type { Actor } from '../access/actor.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import type { Creator, ObjectDefinition } from '../metadata/define-object.ts';
import type { CreateDefaultsContext } from '../metadata/field-types/module.ts';

/**
 * The context of creates of this object by this writer: who and when, and the dictionary values
 * its select fields name by `defaultCode` (one query, only for objects that have such fields).
 * A code whose value was deleted or deactivated gives no default: the field is then as if it
 * had none (required: the writer is asked for it).
 */
export async function createDefaultsContext(
  executor: Executor,
  definition: ObjectDefinition,
  creator: Creator,
): Promise<CreateDefaultsContext> {
  const wanted = definition.fields.filter((field) => field.defaultCode && field.dictionary);
  const selections = new Map<string, number>();
  if (wanted.length > 0) {
    const rows = await executor
      .selectFrom('dictionary_value')
      .select(['id', 'dictionary', 'code', 'active'])
      .where('dictionary', 'in', [...new Set(wanted.map((field) => field.dictionary ?? ''))])
      .where('code', 'in', [...new Set(wanted.map((field) => field.defaultCode ?? ''))])
      .where('deleted_at', 'is', null)
      .execute();
    // Booleans are 0/1 on SQLite.
    const active = rows.filter((row) => row.active === true || Number(row.active) === 1);
    for (const field of wanted) {
      const row = active.find((r) => r.dictionary === field.dictionary && r.code === field.defaultCode);
      if (row) selections.set(field.key, Number(row.id));
    }
  }
  return { creator, selections };
}

/** The actor as the creator of a record at `now`: their zone and their employee. */
export function creatorOf(actor: Actor, now: Date): Creator {
  return { now, timeZone: actor.timeZone, employeeId: actor.kind === 'user' ? actor.employeeId : null };
}
