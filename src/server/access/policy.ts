import type { ResolvedFilter } from '../../shared/filter/validate.ts';
import { errors } from '../errors.ts';
import type { Actor } from './actor.ts';

export type RecordAction = 'read' | 'create' | 'update' | 'delete' | 'restore';

/** What an actor may do with one object: the single enforcement point of the records engine. */
export interface AccessGrant {
  /** Extra condition every row must meet (own / team / department…); null is all rows. */
  rowScope: ResolvedFilter | null;
  /** Fields the actor may not see; they are dropped from projections, filters and sorts. */
  hiddenFields: ReadonlySet<string>;
}

const FULL_ACCESS: AccessGrant = { rowScope: null, hiddenFields: new Set() };

/**
 * Roles map to grants. Only the full-access role exists yet; the roles-and-scopes issue
 * replaces this table with rights per object, field and row scope stored in the database,
 * and every list, search, export and API call already goes through here.
 */
const ROLE_GRANTS: Record<string, (object: string, action: RecordAction) => AccessGrant | null> = {
  admin: () => FULL_ACCESS,
};

export const ROLES = Object.keys(ROLE_GRANTS);

/** Returns the grant, or throws 403 when the actor may not perform the action at all. */
export function authorize(actor: Actor, object: string, action: RecordAction): AccessGrant {
  if (actor.kind === 'system') return FULL_ACCESS;
  const grant = ROLE_GRANTS[actor.role]?.(object, action) ?? null;
  if (!grant) throw errors.forbidden(`You may not ${action} ${object} records`);
  return grant;
}
