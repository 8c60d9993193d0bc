import { sql } from 'kysely';
import type { MoneyValue } from '../../../shared/field-types/money.ts';
import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { BASIS_POINTS, divideHalfUp } from '../../../shared/money/arithmetic.ts';
import type { Actor } from '../../access/actor.ts';
import type { RecordsContext } from '../../records/context.ts';
import { listRecords } from '../../records/reader.ts';
import { compileSelection, SELECTION_ALIAS, selectionSource } from '../../records/selection.ts';

export type ForecastGrouping = 'month' | 'owner' | 'team';

export interface ForecastQuery {
  from: string;
  to: string;
  groupBy: ForecastGrouping;
  currency: string;
}

export interface ForecastRow {
  /** `2027-03`, or the owner's / team's id as text ("none" for deals without one). */
  key: string;
  count: number;
  pipeline: MoneyValue;
  weighted: MoneyValue;
  won: MoneyValue;
  target: MoneyValue | null;
}

export interface Forecast {
  currency: string;
  rows: ForecastRow[];
  /** Open deals whose expected close has passed: they slip unless someone acts. */
  slipping: { count: number; sum: MoneyValue };
}

interface Bucket {
  count: number;
  pipeline: bigint;
  weighted: bigint;
  won: bigint;
  target: bigint | null;
}

/** The key a deal or target is counted under. */
function keyExpression(groupBy: ForecastGrouping, dayColumn: string) {
  const t = (column: string) => sql.ref(`${SELECTION_ALIAS}.${column}`);
  if (groupBy === 'owner') return sql`${t('owner_id')}`;
  if (groupBy === 'team')
    return sql`(SELECT e.department_id FROM employee AS e WHERE e.id = ${t('owner_id')})`;
  return sql`${t(dayColumn)}`;
}

function bucketKey(groupBy: ForecastGrouping, raw: unknown): string {
  if (raw === null || raw === undefined) return 'none';
  return groupBy === 'month' ? String(raw).slice(0, 7) : String(Number(raw));
}

/**
 * The weighted pipeline for a period (open deals by expected close, amount × probability, in one
 * currency — deals in others are not converted), what was won in it (deals closed in a won stage)
 * and the targets set for it, by month, owner or team; and the open deals already past their
 * expected close. Every figure counts only deals the reader may see.
 */
export async function forecast(ctx: RecordsContext, actor: Actor, query: ForecastQuery): Promise<Forecast> {
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string) => {
    const found = buckets.get(key) ?? { count: 0, pipeline: 0n, weighted: 0n, won: 0n, target: null };
    buckets.set(key, found);
    return found;
  };
  const inCurrency = { field: 'amount', op: 'isNotEmpty' };
  const open = await compileSelection(ctx, actor, 'opportunity', {
    filter: {
      and: [
        { field: 'stage.kind', op: 'eq', value: 'open' },
        { field: 'expected_close', op: 'between', value: [query.from, query.to] },
        inCurrency,
      ],
    },
  });
  const t = (column: string) => sql.ref(`${SELECTION_ALIAS}.${column}`);
  const currency = sql`${t('amount_currency')} = ${query.currency}`;
  const pipeline = await sql<{
    k: unknown;
    probability: number | null;
    n: number | string;
    total: number | string;
  }>`
    SELECT ${keyExpression(query.groupBy, 'expected_close')} AS k, ${t('probability')} AS probability,
      count(*) AS n, sum(${t('amount_amount')}) AS total
    ${selectionSource(open)} AND ${currency}
    GROUP BY 1, 2`.execute(ctx.dialect.db);
  for (const row of pipeline.rows) {
    const entry = bucket(bucketKey(query.groupBy, row.k));
    const total = BigInt(String(row.total));
    entry.count += Number(row.n);
    entry.pipeline += total;
    entry.weighted += total * BigInt(row.probability ?? 0);
  }
  const won = await compileSelection(ctx, actor, 'opportunity', {
    filter: {
      and: [
        { field: 'stage.kind', op: 'eq', value: 'won' },
        { field: 'closed_on', op: 'between', value: [query.from, query.to] },
        inCurrency,
      ],
    },
  });
  const wonRows = await sql<{ k: unknown; total: number | string }>`
    SELECT ${keyExpression(query.groupBy, 'closed_on')} AS k, sum(${t('amount_amount')}) AS total
    ${selectionSource(won)} AND ${currency}
    GROUP BY 1`.execute(ctx.dialect.db);
  for (const row of wonRows.rows) bucket(bucketKey(query.groupBy, row.k)).won += BigInt(String(row.total));

  const { items: targets } = await listRecords(ctx, actor, 'sales_target', {
    filter: { field: 'month', op: 'between', value: [query.from, query.to] },
    fields: ['month', 'employee', 'department', 'amount'],
    limit: 1000,
  });
  for (const target of targets) {
    const amount = target.amount as MoneyValue | null;
    if (!amount || amount.currency !== query.currency) continue;
    const holder =
      query.groupBy === 'owner'
        ? target.employee
        : query.groupBy === 'team'
          ? target.department
          : target.month;
    // By owner or team, only that holder's targets count; by month, every target of the month.
    if (query.groupBy !== 'month' && (holder === null || holder === undefined)) continue;
    const entry = bucket(bucketKey(query.groupBy, holder));
    entry.target = (entry.target ?? 0n) + BigInt(amount.amount);
  }

  const slipping = await compileSelection(ctx, actor, 'opportunity', {
    filter: {
      and: [
        { field: 'stage.kind', op: 'eq', value: 'open' },
        { field: 'expected_close', op: 'lt', value: todayIn(actor.timeZone, ctx.now()) },
      ],
    },
  });
  const late = await sql<{ n: number | string; total: number | string | null }>`
    SELECT count(*) AS n, sum(CASE WHEN ${currency} THEN ${t('amount_amount')} END) AS total
    ${selectionSource(slipping)}`.execute(ctx.dialect.db);

  const money = (amount: bigint): MoneyValue => ({ amount: Number(amount), currency: query.currency });
  const rows = [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, entry]) => ({
      key,
      count: entry.count,
      pipeline: money(entry.pipeline),
      weighted: money(divideHalfUp(entry.weighted, BASIS_POINTS)),
      won: money(entry.won),
      target: entry.target === null ? null : money(entry.target),
    }));
  return {
    currency: query.currency,
    rows,
    slipping: { count: Number(late.rows[0]?.n ?? 0), sum: money(BigInt(String(late.rows[0]?.total ?? 0))) },
  };
}
