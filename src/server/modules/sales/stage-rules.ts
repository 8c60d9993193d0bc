import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { actorUserId } from '../../access/actor.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { createRecord, updateRecord } from '../../records/writer.ts';
import { invalidField } from '../cases/rules.ts';
import { requiredFieldsOf, type StageKind } from './scenario.ts';

interface StageRow {
  id: number;
  scenario_id: number;
  kind: StageKind;
  probability: number;
  required_fields: string | null;
}

async function stageById(executor: Executor, id: number): Promise<StageRow | undefined> {
  const row = await executor
    .selectFrom('sales_stage')
    .select(['id', 'scenario_id', 'kind', 'probability', 'required_fields'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: Number(row.id),
        scenario_id: Number(row.scenario_id),
        kind: row.kind as StageKind,
        // Stored in basis points, as the percent field keeps it.
        probability: Number(row.probability) / 100,
        required_fields: row.required_fields === null ? null : String(row.required_fields),
      }
    : undefined;
}

/** The actor of an opportunity's effects: what they write follows nothing further. */
const FOLLOW_UP_WRITER = 'opportunity.effects';

/** The scenario's first open stage: where a deal starts unless the writer puts it elsewhere. */
export async function firstOpenStage(executor: Executor, scenarioId: number): Promise<number | null> {
  const row = await executor
    .selectFrom('sales_stage')
    .select('id')
    .where('scenario_id', '=', scenarioId)
    .where('kind', '=', 'open')
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** A deal's stage is one of its scenario's. */
export async function stageOfTheScenario(executor: Executor, id: number): Promise<void> {
  const row = await executor
    .selectFrom('opportunity as o')
    .leftJoin('sales_stage as s', 's.id', 'o.stage_id')
    .select(['o.stage_id', 'o.scenario_id', 's.scenario_id as stage_scenario_id'])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  if (row.stage_id === null)
    throw invalidField('stage', 'required', 'is required: the scenario has no open stage');
  if (Number(row.stage_scenario_id) !== Number(row.scenario_id))
    throw invalidField(
      'stage',
      'other_scenario',
      `stage ${row.stage_id} is not a stage of scenario ${row.scenario_id}`,
    );
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** The employee who made a write (a person, or the person an effect acts for), if any. */
async function writerEmployee(executor: Executor, fact: WriteFact): Promise<number | null> {
  if (fact.writer.kind === 'user') return fact.writer.employeeId;
  const userId = actorUserId(fact.writer);
  if (userId === null) return null;
  const account = await executor
    .selectFrom('user_account')
    .select('employee_id')
    .where('id', '=', userId)
    .executeTakeFirst();
  return account?.employee_id === null || account?.employee_id === undefined
    ? null
    : Number(account.employee_id);
}

/**
 * What entering a stage means for a deal, inside its write: a deal without a stage starts at
 * its scenario's first open one; the stage's required fields must have values; the step is kept
 * in `stage_history` (from, to, when, by whom, the amount then); the probability follows the
 * stage unless the same write gives one; a won or lost stage closes the deal today, an open one
 * reopens it. The follow-up values are written through the engine, so the history says they
 * came with the stage.
 */
export async function followStage(fact: WriteFact): Promise<void> {
  if (fact.action === 'delete') return;
  // The follow-up values below are this effect's own write: nothing more to follow.
  if (fact.writer.kind === 'system' && fact.writer.name === FOLLOW_UP_WRITER) return;
  const { ctx } = fact;
  const executor = executorOf(ctx);
  const deal = await executor
    .selectFrom('opportunity')
    .selectAll()
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!deal) return;
  const stageId =
    deal.stage_id === null ? await firstOpenStage(executor, Number(deal.scenario_id)) : Number(deal.stage_id);
  // Without one the invariant refuses the deal.
  if (stageId === null) return;
  const stageChange = fact.changes.find((change) => change.field === 'stage');
  if (fact.action !== 'create' && !stageChange) return;
  const stage = await stageById(executor, stageId);
  if (!stage) return;
  const missing = requiredFieldsOf(stage.required_fields).filter((key) => {
    const column =
      key === 'contact' || key === 'source' ? `${key}_id` : key === 'amount' ? 'amount_amount' : key;
    return isEmpty(deal[column]);
  });
  if (missing.length > 0)
    throw invalidField(
      'stage',
      'stage_requirements',
      `needs ${missing.join(', ')} before a deal enters this stage`,
    );
  const from = stageChange && typeof stageChange.old === 'number' ? stageChange.old : null;
  await createRecord(ctx, fact.actor, 'stage_history', {
    opportunity: fact.recordId,
    from_stage: from,
    to_stage: stage.id,
    changed_at: ctx.now().toISOString(),
    changed_by: await writerEmployee(executor, fact),
    amount:
      deal.amount_amount === null
        ? null
        : { amount: Number(deal.amount_amount), currency: String(deal.amount_currency) },
  });
  const follow: Record<string, unknown> = deal.stage_id === null ? { stage: stageId } : {};
  const probabilityGiven = fact.changes.some((change) => change.field === 'probability');
  const probability = deal.probability === null ? null : Number(deal.probability) / 100;
  if (!probabilityGiven && probability !== stage.probability) follow.probability = stage.probability;
  const closing = stage.kind !== 'open';
  if (closing && deal.closed_on === null) follow.closed_on = todayIn(fact.writer.timeZone, ctx.now());
  if (!closing && deal.closed_on !== null) follow.closed_on = null;
  if (Object.keys(follow).length === 0) return;
  await updateRecord(ctx, fact.actor, 'opportunity', fact.recordId, {
    ...follow,
    version: Number(deal.version),
  });
}
