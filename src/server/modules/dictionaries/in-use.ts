import { errors } from '../../errors.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';

/**
 * A dictionary value that records still use cannot go to the trash (their status or industry
 * would point at nothing a user can pick or see); it can be deactivated instead. Every field
 * of every object that takes values of this value's dictionary is checked.
 */
export async function refuseDeletingUsedValue(fact: WriteFact): Promise<void> {
  if (fact.action !== 'delete') return;
  const { ctx } = fact;
  const value = await executorOf(ctx)
    .selectFrom('dictionary_value')
    .select('dictionary')
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!value) return;
  let uses = 0;
  for (const definition of ctx.registry.list()) {
    for (const field of definition.fields) {
      if (field.dictionary !== value.dictionary || !field.column) continue;
      const row = await executorOf(ctx)
        .selectFrom(definition.table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where(field.column, '=', fact.recordId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      uses += Number(row?.n ?? 0);
    }
  }
  if (uses > 0) {
    throw errors.conflict(
      `This value is used by ${uses} record(s) and cannot be deleted; deactivate it so it is no longer offered`,
      { uses },
    );
  }
}
