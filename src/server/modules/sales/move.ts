import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { inOneTransaction } from '../../records/command.ts';
import type { RecordsContext } from '../../records/context.ts';
import { executorOf } from '../../records/context.ts';
import type { ApiRecord } from '../../records/present.ts';
import { getRecord } from '../../records/reader.ts';
import { updateRecord } from '../../records/writer.ts';

/** Room between two neighbours on the board; a column is renumbered when a gap closes. */
const POSITION_STEP = 1024;

export interface Move {
  stage: number;
  /** Where the card lands in the target column, counted from 0 among the other cards. */
  position: number;
  version: number;
  note?: string;
}

/** The column's other cards in their place, as the board shows them to everyone. */
async function columnOrder(executor: Executor, scenario: number, stage: number, moved: number) {
  const rows = await executor
    .selectFrom('opportunity')
    .select(['id', 'board_position'])
    .where('scenario_id', '=', scenario)
    .where('stage_id', '=', stage)
    .where('deleted_at', 'is', null)
    .where('id', '!=', moved)
    .orderBy(sql`CASE WHEN board_position IS NULL THEN 1 ELSE 0 END`)
    .orderBy('board_position')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    position: row.board_position === null ? null : Number(row.board_position),
  }));
}

/**
 * The board position for a card landing at `index`: halfway between its new neighbours. When
 * they leave no room (or have no positions yet), the column is renumbered in steps first —
 * one UPDATE per card of the column, rare, and inside the move's transaction.
 */
async function landingPosition(
  executor: Executor,
  scenario: number,
  stage: number,
  moved: number,
  index: number,
): Promise<number> {
  let others = await columnOrder(executor, scenario, stage, moved);
  const at = Math.max(0, Math.min(index, others.length));
  const gapAt = (list: typeof others) => {
    const before = at === 0 ? 0 : list[at - 1]?.position;
    const after = at === list.length ? (before ?? 0) + 2 * POSITION_STEP : list[at]?.position;
    return before === null ||
      before === undefined ||
      after === null ||
      after === undefined ||
      after - before < 2
      ? null
      : Math.floor((before + after) / 2);
  };
  const direct = gapAt(others);
  if (direct !== null) return direct;
  for (const [place, card] of others.entries()) {
    const position = (place + 1) * POSITION_STEP;
    if (card.position !== position)
      await executor
        .updateTable('opportunity')
        .set({ board_position: position })
        .where('id', '=', card.id)
        .execute();
  }
  others = others.map((card, place) => ({ ...card, position: (place + 1) * POSITION_STEP }));
  return gapAt(others) ?? (at + 1) * POSITION_STEP;
}

/**
 * Drags a deal to a stage and a place in its column, in one transaction: the stage change is an
 * ordinary write with its version (a stale one is the 409 the conflict dialog answers; the
 * stage's rules, history and events follow), then the card takes its place among the others.
 */
export async function moveOpportunity(
  ctx: RecordsContext,
  actor: Actor,
  id: number,
  move: Move,
): Promise<ApiRecord> {
  await inOneTransaction(ctx, async (txCtx) => {
    const executor = executorOf(txCtx);
    const before = await executor
      .selectFrom('opportunity')
      .select('stage_id')
      .where('id', '=', id)
      .executeTakeFirst();
    await updateRecord(txCtx, actor, 'opportunity', id, { stage: move.stage, version: move.version });
    const deal = await executor
      .selectFrom('opportunity')
      .select(['scenario_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // The order of a column is the board's, shared by all: renumbering it touches no record's
    // version or history, so it needs no right beyond the one the stage change was checked for.
    const position = await landingPosition(executor, Number(deal.scenario_id), move.stage, id, move.position);
    await executor
      .updateTable('opportunity')
      .set({ board_position: position })
      .where('id', '=', id)
      .execute();
    const entered = Number(before?.stage_id) !== move.stage;
    if (entered && move.note) {
      const latest = await executor
        .selectFrom('stage_history')
        .select('id')
        .where('opportunity_id', '=', id)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest)
        await executor
          .updateTable('stage_history')
          .set({ note: move.note })
          .where('id', '=', latest.id)
          .execute();
    }
  });
  return getRecord(ctx, actor, 'opportunity', id);
}
