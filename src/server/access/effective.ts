import { type EffectiveRights, type ObjectRights, RECORD_RIGHTS } from '../../shared/access/rights.ts';
import type { MetadataRegistry } from '../metadata/registry.ts';
import type { Actor } from './actor.ts';
import { restrictedRights, scopeOf } from './policy.ts';

/** The caller's effective rights as `GET /api/access/me` reports them: object → right → scope. */
export function effectiveRights(registry: MetadataRegistry, actor: Actor): EffectiveRights {
  if (actor.kind !== 'user') throw new Error('effective rights are a user account’s');
  const rights = restrictedRights(actor);
  const objects: Record<string, ObjectRights> = {};
  for (const definition of registry.list()) {
    const perRight: ObjectRights['rights'] = {};
    for (const right of [...RECORD_RIGHTS, ...definition.actions]) {
      perRight[right] = scopeOf(actor, definition.key, right);
    }
    const fields = rights?.objects.get(definition.key)?.fields ?? new Map();
    const readable = perRight.read !== 'none';
    objects[definition.key] = {
      rights: perRight,
      hiddenFields: readable ? [...fields].filter(([, a]) => a === 'hidden').map(([k]) => k) : [],
      readOnlyFields: readable ? [...fields].filter(([, a]) => a === 'read').map(([k]) => k) : [],
    };
  }
  return {
    accountId: actor.userId,
    employeeId: actor.employeeId,
    administrator: actor.rights.administrator,
    roles: [...actor.rights.roles],
    objects,
  };
}
