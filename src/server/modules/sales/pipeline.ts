import { sql } from 'kysely';
import type { MoneyValue } from '../../../shared/field-types/money.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { BASIS_POINTS, divideHalfUp } from '../../../shared/money/arithmetic.ts';
import type { Actor } from '../../access/actor.ts';
import type { RecordsContext } from '../../records/context.ts';
import { getRecord, listRecords } from '../../records/reader.ts';
import { compileSelection, SELECTION_ALIAS, selectionSource } from '../../records/selection.ts';

/** Cards a column shows at first and per further page; the totals count every deal. */
export const CARDS_PER_PAGE = 50;
const DAY_MS = 86_400_000;

export interface PipelineQuery {
  /** Deals of these owners only. */
  owner?: number[];
  /** Deals whose owner is in this department. */
  team?: number;
  /** Expected close on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export interface StageTotals {
  count: number;
  /** Deals in the scenario's currency: their amounts and the amounts × probability. */
  sum: MoneyValue;
  weightedSum: MoneyValue;
  /** Deals in other currencies, summed apart (never converted). */
  otherCurrencies: Array<{ currency: string; count: number; sum: MoneyValue; weightedSum: MoneyValue }>;
}

export interface BoardStage {
  id: number;
  name: string;
  position: number;
  kind: string;
  probability: number;
  rotsAfterDays: number | null;
  colour: string | null;
}

export interface BoardCard {
  id: number;
  version: number;
  name: string;
  company: { id: number; title: string } | null;
  owner: { id: number; title: string } | null;
  amount: MoneyValue | null;
  probability: number | null;
  expectedClose: string | null;
  stageChangedAt: string | null;
  /** Open and untouched for longer than its stage allows. */
  rotting: boolean;
}

export interface BoardColumn extends StageTotals {
  stage: BoardStage;
  cards: BoardCard[];
  nextCursor: string | null;
}

/** The reader's filter of the board as the records engine's filter grammar. */
function boardFilter(scenario: number, query: PipelineQuery, stage?: number): unknown {
  return {
    and: [
      { field: 'scenario', op: 'eq', value: scenario },
      ...(stage === undefined ? [] : [{ field: 'stage', op: 'eq', value: stage }]),
      ...(query.owner && query.owner.length > 0 ? [{ field: 'owner', op: 'in', value: query.owner }] : []),
      ...(query.team === undefined ? [] : [{ field: 'owner.department', op: 'eq', value: query.team }]),
      ...(query.from ? [{ field: 'expected_close', op: 'gte', value: query.from }] : []),
      ...(query.to ? [{ field: 'expected_close', op: 'lte', value: query.to }] : []),
    ],
  };
}

export async function scenarioStages(
  ctx: RecordsContext,
  actor: Actor,
  scenario: number,
): Promise<BoardStage[]> {
  const { items } = await listRecords(ctx, actor, 'sales_stage', {
    filter: { field: 'scenario', op: 'eq', value: scenario },
    sort: [{ field: 'position', direction: 'asc' }],
    limit: 200,
  });
  const nameKey: Record<Locale, string> = { en: 'name_en', pl: 'name_pl', hu: 'name_hu' };
  return items.map((stage) => ({
    id: Number(stage.id),
    name: String(stage[nameKey[actor.locale]] ?? stage.name_en),
    position: Number(stage.position),
    kind: String(stage.kind),
    probability: Number(stage.probability),
    rotsAfterDays: stage.rots_after_days === null ? null : Number(stage.rots_after_days),
    colour: typeof stage.colour === 'string' ? stage.colour : null,
  }));
}

/**
 * Count, sum and weighted sum per stage over every deal of the scenario the reader may see and
 * the filter keeps — not over the loaded cards. Amounts are summed per probability in SQL (few
 * distinct ones), so the weighting is exact BigInt arithmetic rounded once per column.
 */
async function stageTotals(
  ctx: RecordsContext,
  actor: Actor,
  scenario: number,
  currency: string,
  query: PipelineQuery,
): Promise<Map<number, StageTotals>> {
  const selection = await compileSelection(ctx, actor, 'opportunity', {
    filter: boardFilter(scenario, query),
  });
  const t = (column: string) => sql.ref(`${SELECTION_ALIAS}.${column}`);
  const rows = await sql<{
    stage_id: number;
    currency: string | null;
    probability: number | null;
    n: number | string;
    total: number | string | null;
  }>`SELECT ${t('stage_id')} AS stage_id, ${t('amount_currency')} AS currency, ${t('probability')} AS probability,
      count(*) AS n, sum(${t('amount_amount')}) AS total
    ${selectionSource(selection)}
    GROUP BY ${t('stage_id')}, ${t('amount_currency')}, ${t('probability')}`.execute(ctx.dialect.db);
  const sums = new Map<number, Map<string, { count: number; sum: bigint; weighted: bigint }>>();
  const counts = new Map<number, number>();
  for (const row of rows.rows) {
    const stage = Number(row.stage_id);
    counts.set(stage, (counts.get(stage) ?? 0) + Number(row.n));
    if (row.currency === null) continue;
    const byCurrency = sums.get(stage) ?? new Map();
    const entry = byCurrency.get(row.currency) ?? { count: 0, sum: 0n, weighted: 0n };
    const total = BigInt(String(row.total ?? 0));
    entry.count += Number(row.n);
    entry.sum += total;
    entry.weighted += total * BigInt(row.probability ?? 0);
    byCurrency.set(row.currency, entry);
    sums.set(stage, byCurrency);
  }
  const money = (amount: bigint, code: string): MoneyValue => ({ amount: Number(amount), currency: code });
  const totals = new Map<number, StageTotals>();
  for (const [stage, count] of counts) {
    const byCurrency = sums.get(stage) ?? new Map();
    const own = byCurrency.get(currency);
    totals.set(stage, {
      count,
      sum: money(own?.sum ?? 0n, currency),
      weightedSum: money(divideHalfUp(own?.weighted ?? 0n, BASIS_POINTS), currency),
      otherCurrencies: [...byCurrency.entries()]
        .filter(([code]) => code !== currency)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, entry]) => ({
          currency: code,
          count: entry.count,
          sum: money(entry.sum, code),
          weightedSum: money(divideHalfUp(entry.weighted, BASIS_POINTS), code),
        })),
    });
  }
  return totals;
}

/**
 * One page of a column's cards, in their place on the board (`board_position`, the move
 * command's; cards never moved come after, oldest first). The cursor is the offset into the
 * column, small and bounded by what a person scrolls.
 */
export async function stageCards(
  ctx: RecordsContext,
  actor: Actor,
  scenario: number,
  stage: BoardStage,
  query: PipelineQuery,
  cursor: string | null,
): Promise<{ cards: BoardCard[]; nextCursor: string | null }> {
  const offset = cursor === null ? 0 : Number.parseInt(cursor, 10) || 0;
  const selection = await compileSelection(ctx, actor, 'opportunity', {
    filter: boardFilter(scenario, query, stage.id),
  });
  const id = sql.ref(`${SELECTION_ALIAS}.id`);
  const position = sql.ref(`${SELECTION_ALIAS}.board_position`);
  const page = await sql<{ id: number }>`SELECT ${id} AS id ${selectionSource(selection)}
    ORDER BY CASE WHEN ${position} IS NULL THEN 1 ELSE 0 END, ${position}, ${id}
    LIMIT ${CARDS_PER_PAGE + 1} OFFSET ${offset}`.execute(ctx.dialect.db);
  const ids = page.rows.slice(0, CARDS_PER_PAGE).map((row) => Number(row.id));
  if (ids.length === 0) return { cards: [], nextCursor: null };
  const { items } = await listRecords(ctx, actor, 'opportunity', {
    filter: { field: 'id', op: 'in', value: ids },
    fields: [
      'id',
      'version',
      'name',
      'company',
      'owner',
      'amount',
      'probability',
      'expected_close',
      'stage_changed_at',
      'updated_at',
    ],
    expand: ['company', 'owner'],
    limit: ids.length,
  });
  const byId = new Map(items.map((item) => [Number(item.id), item]));
  const now = ctx.now().getTime();
  const cards = ids.flatMap((cardId): BoardCard[] => {
    const item = byId.get(cardId);
    if (!item) return [];
    const expanded = (item._expanded ?? {}) as Record<string, { id: number; title: string } | null>;
    const touched = Date.parse(String(item.updated_at ?? ''));
    return [
      {
        id: cardId,
        version: Number(item.version),
        name: String(item.name ?? ''),
        company: expanded.company ?? null,
        owner: expanded.owner ?? null,
        amount: (item.amount as MoneyValue | null) ?? null,
        probability: typeof item.probability === 'number' ? item.probability : null,
        expectedClose: typeof item.expected_close === 'string' ? item.expected_close : null,
        stageChangedAt: typeof item.stage_changed_at === 'string' ? item.stage_changed_at : null,
        rotting:
          stage.kind === 'open' &&
          stage.rotsAfterDays !== null &&
          Number.isFinite(touched) &&
          now - touched > stage.rotsAfterDays * DAY_MS,
      },
    ];
  });
  return { cards, nextCursor: page.rows.length > CARDS_PER_PAGE ? String(offset + CARDS_PER_PAGE) : null };
}

/** The board of a scenario: every stage in order with its totals and first page of cards. */
export async function pipelineBoard(
  ctx: RecordsContext,
  actor: Actor,
  scenarioId: number,
  query: PipelineQuery,
): Promise<{ scenario: { id: number; name: string; currency: string }; columns: BoardColumn[] }> {
  const scenario = await getRecord(ctx, actor, 'sales_scenario', scenarioId, {
    fields: ['name', 'currency'],
  });
  const currency = String(scenario.currency);
  const stages = await scenarioStages(ctx, actor, scenarioId);
  const totals = await stageTotals(ctx, actor, scenarioId, currency, query);
  const empty: StageTotals = {
    count: 0,
    sum: { amount: 0, currency },
    weightedSum: { amount: 0, currency },
    otherCurrencies: [],
  };
  const columns: BoardColumn[] = [];
  for (const stage of stages) {
    const page = await stageCards(ctx, actor, scenarioId, stage, query, null);
    columns.push({ stage, ...(totals.get(stage.id) ?? empty), ...page });
  }
  return { scenario: { id: scenarioId, name: String(scenario.name), currency }, columns };
}
