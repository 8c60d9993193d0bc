import type { Tx } from '../../db/dialects/dialect.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { createRecords } from '../../records/batch-writer.ts';
import type { RecordsContext } from '../../records/context.ts';
import { updateRecord } from '../../records/writer.ts';
import type { Decision, RelatedStep, RunState } from './decide.ts';
import { insertOutcomes, type Outcome, type RowIssue } from './store.ts';

/** Another worker took the import over (a lease ran out): this one stops without writing. */
export class Superseded extends Error {}

/** Carries a dry run's outcomes out of the transaction it rolls back. */
class DryRunRollback extends Error {
  constructor(readonly outcomes: Outcome[]) {
    super('dry run');
  }
}

function issuesOf(error: AppError, prefix = ''): RowIssue[] {
  const fields = (error.details as { fields?: FieldIssue[] } | undefined)?.fields;
  if (!fields) return [{ column: null, field: null, code: error.code, message: error.message }];
  return fields.map((issue) => ({
    column: null,
    field: `${prefix}${issue.field}`,
    code: issue.code,
    message: issue.message,
  }));
}

function relatedOf(decision: Decision): RelatedStep[] {
  return decision.kind === 'create' || decision.kind === 'update' ? decision.related : [];
}

/**
 * Writes a batch's decisions through the engine inside `trx`: related records first (each new
 * one once), then the rows' own creates in one `createRecords`, then updates. Returns an
 * outcome for every row and every related record created.
 */
async function writeDecisions(state: RunState, trx: Tx, decisions: Decision[]): Promise<Outcome[]> {
  const ctx: RecordsContext = { ...state.ctx, transaction: trx };
  const { plan, actor } = state;
  const outcomes: Outcome[] = [];
  const groupIds = new Map<string, number>();
  const groupIssues = new Map<string, RowIssue[]>();
  for (const relatedPlan of plan.related) {
    const groups = new Map<string, { body: Record<string, unknown>; rows: number[]; counted: boolean }>();
    for (const decision of decisions) {
      for (const step of relatedOf(decision)) {
        if (step.via !== relatedPlan.via.key || !('create' in step)) continue;
        const group = groups.get(step.group) ?? { body: step.create, rows: [], counted: false };
        group.rows.push(decision.row.rowNumber);
        group.counted ||= step.counted || !state.dryRun;
        groups.set(step.group, group);
      }
    }
    const entries = [...groups];
    const created =
      entries.length === 0
        ? []
        : await createRecords(
            ctx,
            actor,
            relatedPlan.target.key,
            entries.map(([, group]) => group.body),
          );
    entries.forEach(([key, group], position) => {
      const result = created[position];
      if (result?.id !== undefined) {
        groupIds.set(key, result.id);
        if (group.counted) {
          outcomes.push({
            rowNumber: group.rows[0] as number,
            object: relatedPlan.target.key,
            action: 'created',
            recordId: result.id,
            rowHash: null,
            detail: null,
          });
        }
      } else if (result?.error) groupIssues.set(key, issuesOf(result.error, `${relatedPlan.via.key}.`));
    });
  }
  const withRelated = (
    decision: Decision,
    body: Record<string, unknown>,
  ): Record<string, unknown> | RowIssue[] => {
    const filled = { ...body };
    for (const step of relatedOf(decision)) {
      if ('link' in step) filled[step.via] = step.link;
      else {
        const issues = groupIssues.get(step.group);
        if (issues) return issues;
        filled[step.via] = groupIds.get(step.group);
      }
    }
    return filled;
  };
  const failed = (decision: Decision, issues: RowIssue[]): Outcome => ({
    rowNumber: decision.row.rowNumber,
    object: plan.definition.key,
    action: 'failed',
    recordId: null,
    rowHash: decision.hash,
    detail: issues,
  });
  const creates: Array<{ decision: Decision; body: Record<string, unknown> }> = [];
  for (const decision of decisions) {
    if (decision.kind !== 'create') continue;
    const body = withRelated(decision, decision.body);
    if (Array.isArray(body)) outcomes.push(failed(decision, body));
    else creates.push({ decision, body });
  }
  const created =
    creates.length === 0
      ? []
      : await createRecords(
          ctx,
          actor,
          plan.definition.key,
          creates.map((entry) => entry.body),
        );
  creates.forEach(({ decision }, position) => {
    const result = created[position];
    if (result?.id !== undefined) {
      outcomes.push({
        rowNumber: decision.row.rowNumber,
        object: plan.definition.key,
        action: 'created',
        recordId: result.id,
        rowHash: decision.hash,
        detail: null,
      });
    } else if (result?.error) outcomes.push(failed(decision, issuesOf(result.error)));
  });
  for (const decision of decisions) {
    const base = { rowNumber: decision.row.rowNumber, object: plan.definition.key, rowHash: decision.hash };
    if (decision.kind === 'update') {
      const body = withRelated(decision, decision.body);
      if (Array.isArray(body)) {
        outcomes.push(failed(decision, body));
        continue;
      }
      await updateRecord(ctx, actor, plan.definition.key, decision.recordId, body);
      const changes = Object.fromEntries(
        Object.entries(decision.changes).map(([key, [old, next]]) => [key, [old, next ?? body[key] ?? null]]),
      ) as Record<string, [unknown, unknown]>;
      outcomes.push({ ...base, action: 'updated', recordId: decision.recordId, detail: changes });
    } else if (decision.kind === 'unchanged')
      outcomes.push({ ...base, action: 'unchanged', recordId: decision.recordId, detail: null });
    else if (decision.kind === 'skipped') {
      outcomes.push({
        ...base,
        action: 'skipped',
        recordId: decision.recordId,
        detail: { reason: decision.reason, rowNumber: decision.otherRow },
      });
    } else if (decision.kind === 'failed') outcomes.push(failed(decision, decision.issues));
  }
  return outcomes;
}

/** Adds a batch's outcomes and counts to the import, if no other worker moved it meanwhile. */
async function record(
  state: RunState,
  trx: Tx,
  outcomes: Outcome[],
  rows: number,
  expected: number,
): Promise<void> {
  const main = outcomes.filter((outcome) => outcome.object === state.plan.definition.key);
  const count = (...actions: string[]) => main.filter((outcome) => actions.includes(outcome.action)).length;
  const relatedCreated = outcomes.length - main.length;
  const result = await trx
    .updateTable('data_import')
    .set((eb) => ({
      processed: eb('processed', '+', rows),
      created: eb('created', '+', count('created')),
      updated: eb('updated', '+', count('updated')),
      skipped: eb('skipped', '+', count('skipped', 'unchanged')),
      failed: eb('failed', '+', count('failed')),
      related_created: eb('related_created', '+', relatedCreated),
    }))
    .where('id', '=', state.importId)
    .where('processed', '=', expected)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Superseded('the import was taken over or stopped');
  await insertOutcomes(trx, state.ctx.dialect.name, state.importId, outcomes);
}

/** Writes (or, in a dry run, tries and rolls back) some decisions, and records their outcomes. */
async function commit(state: RunState, decisions: Decision[], expected: number): Promise<void> {
  const db = state.ctx.dialect.db;
  if (!state.dryRun) {
    await db.transaction().execute(async (trx) => {
      const outcomes = await writeDecisions(state, trx, decisions);
      await record(state, trx, outcomes, decisions.length, expected);
    });
    return;
  }
  let outcomes: Outcome[];
  try {
    await db.transaction().execute(async (trx) => {
      throw new DryRunRollback(await writeDecisions(state, trx, decisions));
    });
    throw new Error('unreachable: a dry run always rolls back');
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    outcomes = error.outcomes;
  }
  await db.transaction().execute((trx) => record(state, trx, outcomes, decisions.length, expected));
}

/**
 * Writes a batch in one transaction. When the engine refuses something only a write can show
 * (a record outside the importer's scope, a unique clash), the batch is rolled back whole and
 * written again row by row, each in its own transaction, so the one row at fault is reported
 * failed and every other row is written: none is written without its outcome, none half.
 * Returns how many rows the import has processed after it.
 */
export async function writeBatch(state: RunState, decisions: Decision[], expected: number): Promise<number> {
  try {
    await commit(state, decisions, expected);
    // Writes inside the batch's transaction do not dispatch; the events exist from its commit on.
    if (!state.dryRun) void state.ctx.events.kick();
    return expected + decisions.length;
  } catch (error) {
    if (error instanceof Superseded || !(error instanceof AppError)) throw error;
  }
  let processed = expected;
  for (const decision of decisions) {
    try {
      await commit(state, [decision], processed);
    } catch (error) {
      if (error instanceof Superseded || !(error instanceof AppError)) throw error;
      const outcome: Outcome = {
        rowNumber: decision.row.rowNumber,
        object: state.plan.definition.key,
        action: 'failed',
        recordId: null,
        rowHash: decision.hash,
        detail: issuesOf(error),
      };
      await state.ctx.dialect.db.transaction().execute((trx) => record(state, trx, [outcome], 1, processed));
    }
    processed += 1;
  }
  if (!state.dryRun) void state.ctx.events.kick();
  return processed;
}
