import type { Actor } from '../../access/actor.ts';
import { createRecords } from '../../records/batch-writer.ts';
import { inOneTransaction } from '../../records/command.ts';
import type { RecordsContext } from '../../records/context.ts';
import { executorOf } from '../../records/context.ts';
import { readRateTable, type TableRate } from './rate-files.ts';

export interface RateImport {
  source: TableRate['source'];
  days: string[];
  /** Rates written now. */
  imported: number;
  /** Rates of the same day, currency and source already there (an import run twice). */
  alreadyThere: number;
}

const keyOf = (rate: Pick<TableRate, 'day' | 'currency' | 'base' | 'source'>) =>
  `${rate.day}|${rate.currency}|${rate.base}|${rate.source}`;

/**
 * Imports a bank's table file as exchange_rate records, through the records engine (the
 * writer's right to create rates, history, events): all of it or nothing. A rate already there
 * for its day, currency and source is left as it is, so the same file imported twice adds nothing.
 */
export async function importExchangeRates(
  ctx: RecordsContext,
  actor: Actor,
  file: string,
): Promise<RateImport> {
  const rates = readRateTable(file);
  const days = [...new Set(rates.map((rate) => rate.day))].sort();
  return inOneTransaction(ctx, async (txCtx) => {
    const present = new Set(
      (
        await executorOf(txCtx)
          .selectFrom('exchange_rate')
          .select(['day', 'currency', 'base', 'source'])
          .where('day', 'in', days)
          .where('deleted_at', 'is', null)
          .execute()
      ).map((row) =>
        keyOf({
          day: String(row.day).slice(0, 10),
          currency: String(row.currency),
          base: String(row.base),
          source: String(row.source) as TableRate['source'],
        }),
      ),
    );
    const fresh = rates.filter((rate) => !present.has(keyOf(rate)));
    const outcomes = await createRecords(
      txCtx,
      actor,
      'exchange_rate',
      fresh.map((rate) => ({
        currency: rate.currency,
        base: rate.base,
        units: rate.units,
        rate: Number(rate.rate),
        day: rate.day,
        source: rate.source,
        table_number: rate.tableNumber,
      })),
    );
    const refused = outcomes.find((outcome) => outcome.error);
    if (refused?.error) throw refused.error;
    return {
      source: rates[0]?.source ?? 'nbp',
      days,
      imported: fresh.length,
      alreadyThere: rates.length - fresh.length,
    };
  });
}
