import { setImmediate as nextTurn } from 'node:timers/promises';
import { actorOfAccount } from '../../access/account-actor.ts';
import type { Actor } from '../../access/actor.ts';
import type { Tx } from '../../db/dialects/dialect.ts';
import { AppError } from '../../errors.ts';
import type { AppServices } from '../../http/types.ts';
import type { JobContext } from '../../jobs/queue.ts';
import type { RecordsContext } from '../../records/context.ts';
import { deleteRecord, updateRecord } from '../../records/writer.ts';
import { currentValues } from './current-values.ts';
import { loadImport } from './store.ts';

export const UNDO_JOB = 'imports.undo';
const UNDO_BATCH = 200;

interface UndoItem {
  rowNumber: number;
  object: string;
  action: 'created' | 'updated';
  recordId: number;
  changes: Record<string, [unknown, unknown]>;
}

/**
 * Undoes one batch inside `trx`, through the engine (so every step has its history and event):
 * created records go to the trash; an updated record gets back each value the import changed,
 * unless someone changed that value since (that field is left as it is and counted as a
 * conflict). Returns how many items could not be undone, all or in part.
 */
async function undoItems(ctx: RecordsContext, actor: Actor, items: UndoItem[]): Promise<number> {
  let conflicts = 0;
  const byObject = new Map<string, number[]>();
  for (const item of items)
    if (item.action === 'updated')
      byObject.set(item.object, [...(byObject.get(item.object) ?? []), item.recordId]);
  const current = new Map<string, Awaited<ReturnType<typeof currentValues>>>();
  for (const [object, ids] of byObject) {
    const definition = ctx.registry.get(object);
    if (definition) current.set(object, await currentValues(ctx, definition, ids));
  }
  for (const item of items) {
    if (item.action === 'created') {
      const live = await ctx.transaction
        ?.selectFrom(ctx.registry.get(item.object)?.table ?? item.object)
        .select('id')
        .where('id', '=', item.recordId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (live) await deleteRecord(ctx, actor, item.object, item.recordId);
      continue;
    }
    const stored = current.get(item.object)?.get(item.recordId);
    if (!stored) {
      conflicts += 1;
      continue;
    }
    const body: Record<string, unknown> = {};
    let changedSince = false;
    for (const [field, [old, next]] of Object.entries(item.changes)) {
      if (JSON.stringify(stored.values[field] ?? null) === JSON.stringify(next ?? null)) body[field] = old;
      else changedSince = true;
    }
    if (changedSince) conflicts += 1;
    if (Object.keys(body).length > 0)
      await updateRecord(ctx, actor, item.object, item.recordId, { ...body, version: stored.version });
  }
  return conflicts;
}

async function markDone(
  services: AppServices,
  trx: Tx,
  importId: number,
  items: UndoItem[],
  undone: boolean,
  conflicts: number,
) {
  for (const item of items) {
    await trx
      .updateTable('data_import_outcome')
      .set({ undone: services.dialect.encodeBoolean(undone) })
      .where('import_id', '=', importId)
      .where('row_number', '=', item.rowNumber)
      .where('object', '=', item.object)
      .execute();
  }
  await trx
    .updateTable('data_import')
    .set((eb) => ({
      undo_processed: eb('undo_processed', '+', items.length),
      undo_conflicts: eb('undo_conflicts', '+', conflicts),
    }))
    .where('id', '=', importId)
    .execute();
}

async function nextItems(
  services: AppServices,
  importId: number,
  object: string,
  main: boolean,
): Promise<UndoItem[]> {
  const rows = await services.dialect.db
    .selectFrom('data_import_outcome')
    .select(['row_number', 'object', 'action', 'record_id', 'detail'])
    .where('import_id', '=', importId)
    .where('undone', 'is', null)
    .where('action', 'in', ['created', 'updated'])
    .where('object', main ? '=' : '<>', object)
    .orderBy('row_number', 'desc')
    .limit(UNDO_BATCH)
    .execute();
  return rows.map((row) => ({
    rowNumber: Number(row.row_number),
    object: String(row.object),
    action: row.action as UndoItem['action'],
    recordId: Number(row.record_id),
    changes:
      row.action === 'updated' ? (JSON.parse(String(row.detail)) as Record<string, [unknown, unknown]>) : {},
  }));
}

/**
 * The undo job: the import's own records first (people), then the related ones it created
 * (their companies), newest row first, in batches with their progress. A batch the engine
 * refuses is undone item by item, so one record that cannot be undone (deleted meanwhile, out
 * of the undoer's reach) is counted and the rest still are.
 */
export async function undoImport(services: AppServices, importId: number, _job: JobContext): Promise<void> {
  const found = await loadImport(services.dialect, importId);
  if (found?.status !== 'undoing' || !found.object) return;
  const actor = await actorOfAccount(services.dialect, services.rights, found.undoneBy ?? found.createdBy);
  const db = services.dialect.db;
  for (const main of [true, false]) {
    for (;;) {
      const items = await nextItems(services, importId, found.object, main);
      if (items.length === 0) break;
      try {
        await db.transaction().execute(async (trx) => {
          const conflicts = await undoItems({ ...services.records, transaction: trx }, actor, items);
          await markDone(services, trx, importId, items, true, conflicts);
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        for (const item of items) {
          try {
            await db.transaction().execute(async (trx) => {
              const conflicts = await undoItems({ ...services.records, transaction: trx }, actor, [item]);
              await markDone(services, trx, importId, [item], true, conflicts);
            });
          } catch (itemError) {
            if (!(itemError instanceof AppError)) throw itemError;
            await db.transaction().execute((trx) => markDone(services, trx, importId, [item], false, 1));
          }
        }
      }
      void services.records.events.kick();
      await nextTurn();
    }
  }
  await db
    .updateTable('data_import')
    .set({ status: 'undone', undone_at: services.now().toISOString() })
    .where('id', '=', importId)
    .execute();
}
