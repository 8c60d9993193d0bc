import type { Tx } from '../db/dialects/dialect.ts';
import { errors } from '../errors.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { BulkAction } from './bulk.ts';

/**
 * A bulk request that takes back (part of) an action just done: the opposite action on the
 * records it changed, each expected at the version the action left it at. Sent back as it is
 * (`POST …/bulk` with `selection: {ids}`, `action` and `versions`), it refuses with 409 when
 * anyone changed one of those records meanwhile, so an undo never overwrites someone's edit.
 */
export interface BulkUndo {
  action: BulkAction;
  ids: number[];
  versions: Record<string, number>;
}

/** Collects, record by record, what would take an action back; one request per distinct opposite. */
export class UndoCollector {
  private readonly groups = new Map<string, { action: BulkAction; ids: number[] }>();

  add(id: number, opposite: BulkAction): void {
    const key = JSON.stringify(opposite);
    const group = this.groups.get(key) ?? { action: opposite, ids: [] };
    group.ids.push(id);
    this.groups.set(key, group);
  }

  /** The undo requests, with the versions the changed records have now (inside the action's transaction). */
  async requests(trx: Tx, definition: ObjectDefinition): Promise<BulkUndo[]> {
    const groups = [...this.groups.values()];
    const versions = await versionsOf(
      trx,
      definition,
      groups.flatMap((group) => group.ids),
    );
    return groups.map((group) => ({
      action: group.action,
      ids: group.ids,
      versions: Object.fromEntries(group.ids.map((id) => [String(id), versions.get(id) ?? 0])),
    }));
  }
}

const READ_BATCH = 500;

async function versionsOf(
  trx: Tx,
  definition: ObjectDefinition,
  ids: number[],
): Promise<Map<number, number>> {
  const versions = new Map<number, number>();
  for (let start = 0; start < ids.length; start += READ_BATCH) {
    const rows = await trx
      .selectFrom(definition.table)
      .select(['id', 'version'])
      .where('id', 'in', ids.slice(start, start + READ_BATCH))
      .execute();
    for (const row of rows) versions.set(Number(row.id), Number(row.version));
  }
  return versions;
}

/**
 * The records must still be at the versions the caller saw (an undo's own): otherwise nothing
 * is written and the 409 names the records someone changed meanwhile.
 */
export async function assertVersions(
  trx: Tx,
  definition: ObjectDefinition,
  ids: number[],
  expected: Record<string, number>,
): Promise<void> {
  const unknown = ids.filter((id) => expected[String(id)] === undefined);
  if (unknown.length > 0) {
    throw errors.badRequest('versions must give the version of every selected record', {
      ids: unknown.slice(0, 100),
    });
  }
  const current = await versionsOf(trx, definition, ids);
  const changed = ids.filter((id) => current.get(id) !== expected[String(id)]);
  if (changed.length > 0) {
    throw errors.conflict(
      `${changed.length} of the ${definition.key} records changed since; nothing was done`,
      { ids: changed.slice(0, 100) },
    );
  }
}
