import type { Executor } from '../../db/dialects/dialect.ts';
import { invalidField } from '../cases/rules.ts';

/**
 * A record valid over a span of days (a tax rate, a price list) cannot end before it starts:
 * `valid_to` is the last day it applies, empty while it has no end.
 */
export function validToNotBeforeFrom(table: string) {
  return async (executor: Executor, id: number): Promise<void> => {
    const row = await executor
      .selectFrom(table)
      .select(['valid_from', 'valid_to'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.valid_to === null || row.valid_from === null) return;
    if (String(row.valid_to) < String(row.valid_from))
      throw invalidField('valid_to', 'before_start', 'must not be before the first day it is valid');
  };
}
