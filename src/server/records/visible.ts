import type { MetadataLookup } from '../../shared/filter/validate.ts';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { Actor } from '../access/actor.ts';
import { type AccessGrant, authorize, canReadObject, restrictedRights } from '../access/policy.ts';
import type { AccessRights } from '../access/rights.ts';
import type { RowPredicate } from '../access/row-scope.ts';
import { AppError } from '../errors.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import type { RecordsContext } from './context.ts';

const cache = new WeakMap<AccessRights, Map<string, ObjectMeta | null>>();

/**
 * The metadata as one reader may see it: objects they cannot read are absent, hidden fields
 * are absent, fields they may only read are read-only. Filters are resolved against this, so
 * a filter, sort or relation path naming something hidden is "unknown" (400) and never an
 * oracle, and the web app builds its forms and lists from the same description.
 */
export function visibleLookup(registry: MetadataRegistry, actor: Actor): MetadataLookup {
  const rights = restrictedRights(actor);
  if (!rights) return registry.lookup;
  let perObject = cache.get(rights);
  if (!perObject) {
    perObject = new Map();
    cache.set(rights, perObject);
  }
  const known = perObject;
  return (key) => {
    const cached = known.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const meta = registry.describe(key);
    const visible = meta && canReadObject(actor, key) ? narrow(meta, rights) : null;
    known.set(key, visible);
    return visible ?? undefined;
  };
}

function narrow(meta: ObjectMeta, rights: AccessRights): ObjectMeta {
  const rules = rights.objects.get(meta.key)?.fields;
  if (!rules || rules.size === 0) return meta;
  return {
    ...meta,
    fields: meta.fields
      .filter((f) => rules.get(f.key) !== 'hidden')
      .map((f) => (rules.get(f.key) === 'read' ? { ...f, readOnly: true } : f)),
  };
}

/** The read grant, or null when the actor may not read the object at all. */
export function readGrant(ctx: RecordsContext, actor: Actor, object: string): AccessGrant | null {
  try {
    return authorize(ctx.registry, actor, object, 'read');
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return null;
    throw error;
  }
}

/**
 * Rows of an object the actor may read, for titles of related records: undefined when they may
 * read none (the reference keeps its id, without a title), null when they may read all.
 */
export function readableRows(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
): RowPredicate | null | undefined {
  const grant = readGrant(ctx, actor, object);
  return grant ? grant.rows : undefined;
}
