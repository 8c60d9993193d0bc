import type { RECORD_RIGHTS, Scope } from '../../shared/access/rights.ts';
import { errors } from '../errors.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import type { Actor } from './actor.ts';
import type { AccessRights } from './rights.ts';
import {
  allOf,
  anyOf,
  audiencePredicate,
  ownerPredicate,
  type RowPredicate,
  sharePredicate,
} from './row-scope.ts';

/** A record right, `restore` (granted with `delete`), or a named action such as `offer.accept`. */
export type RecordAction = (typeof RECORD_RIGHTS)[number] | 'restore' | `${string}.${string}`;

/**
 * What an actor may do with one object: the single enforcement point of the records engine.
 * The engine puts `rows` into the one query that lists, counts, exports, bulk-edits or
 * reads a record, so no caller applies it, and none can forget to.
 */
export interface AccessGrant {
  object: string;
  /** The scope the actor's roles grant for the right (`all` for the system and administrators). */
  scope: Scope;
  /** Which rows the right reaches (also readable ones only); null means every row. */
  rows: RowPredicate | null;
  /** Fields the actor may not see: absent from projections, filters, sorts, history and search. */
  hiddenFields: ReadonlySet<string>;
  /** Fields the actor may see but not change. */
  readOnlyFields: ReadonlySet<string>;
  /**
   * Equalities every row in `rows` meets ("owner = my employee"), for the list planner: a row
   * scope narrows a list as much as a filter does, and the best plan depends on it.
   */
  equalities: Array<{ column: string; values: number }>;
}

const NOTHING: ReadonlySet<string> = new Set();

function fullAccess(object: string): AccessGrant {
  return { object, scope: 'all', rows: null, hiddenFields: NOTHING, readOnlyFields: NOTHING, equalities: [] };
}

/** The rights of a user actor, or null for the system and administrators (everything). */
export function restrictedRights(actor: Actor): AccessRights | null {
  if (actor.kind === 'system' || actor.rights.administrator) return null;
  return actor.rights;
}

/** The scope the actor's roles grant for one right on one object (no shares counted). */
export function scopeOf(actor: Actor, object: string, right: string): Scope {
  const rights = restrictedRights(actor);
  if (!rights) return 'all';
  const access = rights.objects.get(object);
  const read = access?.rights.get('read') ?? 'none';
  if (read === 'none') return 'none';
  return right === 'read' ? read : (access?.rights.get(right) ?? 'none');
}

/** Whether the actor may read the object at all (it appears in their navigation and metadata). */
export function canReadObject(actor: Actor, object: string): boolean {
  return scopeOf(actor, object, 'read') !== 'none';
}

/**
 * Returns the grant, or throws 403 when the actor may not perform the action on any record of
 * the object. Shares widen `read` (any share) and `update` (edit shares) of an object the
 * actor can read; other rights come from roles only.
 */
export function authorize(
  registry: MetadataRegistry,
  actor: Actor,
  object: string,
  action: RecordAction,
): AccessGrant {
  const rights = restrictedRights(actor);
  if (!rights) return fullAccess(object);
  const definition = registry.get(object);
  if (!definition) throw errors.notFound(`Unknown object "${object}"`);
  const right = action === 'restore' ? 'delete' : action;
  const readRows = rowsFor(registry, definition, rights, actor, 'read');
  const rightRows = right === 'read' ? null : rowsFor(registry, definition, rights, actor, right);
  if (readRows === 'none' || rightRows === 'none') {
    throw errors.forbidden(`You may not ${action} ${object} records`);
  }
  const fields = rights.objects.get(object)?.fields ?? new Map();
  const with_ = (access: string) => new Set([...fields].filter(([, a]) => a === access).map(([key]) => key));
  return {
    object,
    scope: scopeOf(actor, object, right),
    rows: allOf([readRows, rightRows]),
    hiddenFields: with_('hidden'),
    readOnlyFields: with_('read'),
    equalities: [
      ...ownerEquality(registry, definition, rights, actor, 'read'),
      ...ownerEquality(registry, definition, rights, actor, right),
    ],
  };
}

/** `owner column = my employee` when a right's rows are exactly the own ones (no shares, one hop). */
function ownerEquality(
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  rights: AccessRights,
  actor: Actor,
  right: string,
): AccessGrant['equalities'] {
  if (scopeOf(actor, definition.key, right) !== 'own' || !definition.owner || definition.owner === 'self')
    return [];
  if ((right === 'read' || right === 'update') && rights.sharedObjects.has(definition.key)) return [];
  if (right === 'read' && definition.audience.length > 0) return [];
  const path = registry.ownerPath(definition);
  const column = path.length === 1 ? path[0]?.column : undefined;
  return column ? [{ column, values: 1 }] : [];
}

/** The rows one right reaches: a predicate, null for all rows, or 'none' when it reaches none. */
function rowsFor(
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  rights: AccessRights,
  actor: Actor,
  right: string,
): RowPredicate | null | 'none' {
  const scope = scopeOf(actor, definition.key, right);
  if (scope === 'all') return null;
  const shareAccess = right === 'read' ? 'read' : right === 'update' ? 'edit' : null;
  const shares =
    shareAccess !== null &&
    rights.sharedObjects.has(definition.key) &&
    scopeOf(actor, definition.key, 'read') !== 'none';
  // Without an owner, only none or all make sense (the role editor refuses the rest).
  const owned = scope !== 'none' && definition.owner !== undefined;
  // Those an object's audience names read it like a share would (see ObjectDefinition.audience).
  const audience =
    right === 'read' && scope !== 'none' ? audiencePredicate(registry, definition, rights) : null;
  if (!owned && !shares && !audience) return 'none';
  const parts: RowPredicate[] = [];
  const byOwner = owned ? ownerPredicate(registry, definition, scope, rights) : null;
  if (byOwner) parts.push(byOwner);
  if (shares && shareAccess) parts.push(sharePredicate(definition, rights, shareAccess));
  if (audience) parts.push(audience);
  return anyOf(parts);
}
