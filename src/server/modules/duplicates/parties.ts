import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize, type RecordAction } from '../../access/policy.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { RecordsContext } from '../../records/context.ts';
import { inScope } from '../../records/in-scope.ts';
import { grantFor, loadRowInScope } from '../../records/reader.ts';

/**
 * The rights a merge (and its undo) needs, as grants: `update` on the kept record, `delete` on
 * the merged one (it goes to the trash; undo restores it), plus the object's named action
 * `<object>.merge` on both when the object declares it. Moving the records that point at the
 * merged one is part of the merge itself (see README.md in this folder): it needs no right on
 * them. Throws 403 when a right reaches no record at all.
 */
export interface MergeGrants {
  read: AccessGrant;
  keep: AccessGrant;
  merge: AccessGrant;
}

export function mergeGrants(ctx: RecordsContext, actor: Actor, definition: ObjectDefinition): MergeGrants {
  const action = `${definition.key}.merge` as const;
  const named: RecordAction[] = definition.actions.includes(action) ? [action] : [];
  return {
    read: authorize(ctx.registry, actor, definition.key, 'read'),
    keep: grantFor(ctx, actor, definition.key, ['update', ...named]),
    merge: grantFor(ctx, actor, definition.key, ['delete', ...named]),
  };
}

/**
 * One of the two records, stored row, inside the transaction: missing, deleted and not readable
 * are all 404, so nobody learns that a record they may not see exists.
 */
export async function liveParty(
  executor: Executor,
  definition: ObjectDefinition,
  read: AccessGrant,
  id: number,
): Promise<Record<string, unknown>> {
  const row = await loadRowInScope(executor, definition, read, id);
  if (!row || row.deleted_at) throw errors.notFound(`${definition.key} ${id} does not exist or was deleted`);
  return row;
}

/** A readable record outside the rows a right reaches: the reader may see it, so 403 says why. */
export async function assertWithin(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  id: number,
  what: string,
): Promise<void> {
  if (!(await inScope(executor, definition, grant, id)))
    throw errors.forbidden(`You may not ${what} ${definition.key} ${id}`);
}

/** The values of `keys` in a record as the API shows them. */
export function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
