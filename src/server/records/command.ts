import type { Tx } from '../db/dialects/dialect.ts';
import type { RecordsContext } from './context.ts';

/**
 * Runs a command of several records writes in one transaction that every write inside joins
 * (a request accepted and its task given, a reminder fired and its next one queued), then lets
 * the event consumers see what it committed.
 */
export async function inOneTransaction<T>(
  ctx: RecordsContext,
  work: (txCtx: RecordsContext, trx: Tx) => Promise<T>,
): Promise<T> {
  const result = await ctx.dialect.db.transaction().execute((trx) => work({ ...ctx, transaction: trx }, trx));
  void ctx.events.kick();
  return result;
}
