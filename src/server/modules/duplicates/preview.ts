import type { MergePreview } from '../../../shared/duplicates/types.ts';
import type { Actor } from '../../access/actor.ts';
import { canReadObject } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import type { RecordsContext } from '../../records/context.ts';
import { checkId, objectOrThrow } from '../../records/reader.ts';
import { liveParty, mergeGrants } from './parties.ts';
import { membershipIds, visibleReferenceCounts } from './references.ts';
import { requireRules } from './rules.ts';

/**
 * What merging `mergeId` into `keepId` would move, for the merge screen: per object and field
 * the referencing records the reader can read, and per membership field the memberships of the
 * merged record that the kept one does not have yet.
 */
export async function mergePreview(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawKeepId: unknown,
  rawMergeId: unknown,
): Promise<MergePreview> {
  const definition = objectOrThrow(ctx, object);
  const { read } = mergeGrants(ctx, actor, definition);
  requireRules(ctx.registry, actor, definition, read);
  const keepId = checkId(rawKeepId);
  const mergeId = checkId(rawMergeId);
  if (keepId === mergeId)
    throw errors.badRequest(`A record cannot be merged with itself (${object} ${keepId})`);
  const db = ctx.dialect.db;
  await liveParty(db, definition, read, keepId);
  await liveParty(db, definition, read, mergeId);
  const references = await visibleReferenceCounts(db, ctx.registry, actor, definition, mergeId, keepId);
  const memberships: MergePreview['memberships'] = [];
  for (const field of definition.fields) {
    if (!field.through || read.hiddenFields.has(field.key)) continue;
    if (!field.target || !canReadObject(actor, field.target)) continue;
    const kept = new Set(await membershipIds(db, field, keepId));
    const added = (await membershipIds(db, field, mergeId)).filter((id) => !kept.has(id));
    if (added.length > 0) memberships.push({ field: field.key, count: added.length });
  }
  return { references, memberships };
}
