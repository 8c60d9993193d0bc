import {
  type FieldAccess,
  RECORD_RIGHTS,
  SCOPES,
  type Scope,
  widerScope,
} from '../../../shared/access/rights.ts';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import type { Role, RoleBody } from './types.ts';

/** A role as the editor holds it: scopes by object and right, field rules by object and field. */
export interface RoleDraft {
  name: string;
  description: string;
  requireTotp: boolean;
  /** object → right → scope; a missing right is `none`. */
  grants: Record<string, Record<string, Scope>>;
  /** object → field → access; a missing field is `edit` (the default). */
  fields: Record<string, Record<string, FieldAccess>>;
}

export function draftOf(role: Role | null): RoleDraft {
  const draft: RoleDraft = {
    name: role?.name ?? '',
    description: role?.description ?? '',
    requireTotp: role?.requireTotp ?? false,
    grants: {},
    fields: {},
  };
  for (const grant of role?.grants ?? []) {
    const rights = draft.grants[grant.object] ?? {};
    rights[grant.right] = widerScope(rights[grant.right] ?? 'none', grant.scope);
    draft.grants[grant.object] = rights;
  }
  for (const rule of role?.fields ?? []) {
    draft.fields[rule.object] = { ...draft.fields[rule.object], [rule.field]: rule.access };
  }
  return draft;
}

/** The rights a role can grant on an object: the six every object has, then its named actions. */
export function rightsOf(meta: ObjectMeta): string[] {
  return [...RECORD_RIGHTS, ...(meta.actions ?? [])];
}

/** Records without an owner are nobody's "own": their scope is all or nothing. */
export function scopesFor(meta: ObjectMeta): readonly Scope[] {
  return meta.owner ? SCOPES : ['none', 'all'];
}

/**
 * Fields that can have a rule. The server refuses rules on id, version and the title fields (a
 * record without them could not be shown or saved); system fields are the engine's own.
 */
export function ruleFields(meta: ObjectMeta): FieldMeta[] {
  return meta.fields.filter((field) => !field.system && !meta.titleFields.includes(field.key));
}

export function scopeIn(draft: RoleDraft, object: string, right: string): Scope {
  return draft.grants[object]?.[right] ?? 'none';
}

export function fieldAccessIn(draft: RoleDraft, object: string, field: string): FieldAccess {
  return draft.fields[object]?.[field] ?? 'edit';
}

export function withGrant(draft: RoleDraft, object: string, right: string, scope: Scope): RoleDraft {
  return { ...draft, grants: { ...draft.grants, [object]: { ...draft.grants[object], [right]: scope } } };
}

export function withFieldRule(
  draft: RoleDraft,
  object: string,
  field: string,
  access: FieldAccess,
): RoleDraft {
  return { ...draft, fields: { ...draft.fields, [object]: { ...draft.fields[object], [field]: access } } };
}

/**
 * The request body: only what differs from the defaults (`none` scopes and `edit` fields are
 * left out), only for objects and fields that still exist, and scopes an unowned object cannot
 * have are widened to `all` rather than sent to be refused.
 */
export function bodyOf(draft: RoleDraft, objects: ObjectMeta[]): RoleBody {
  const grants: RoleBody['grants'] = [];
  const fields: RoleBody['fields'] = [];
  for (const meta of objects) {
    for (const right of rightsOf(meta)) {
      const scope = scopeIn(draft, meta.key, right);
      if (scope === 'none') continue;
      grants.push({ object: meta.key, right, scope: scopesFor(meta).includes(scope) ? scope : 'all' });
    }
    for (const field of ruleFields(meta)) {
      const access = fieldAccessIn(draft, meta.key, field.key);
      if (access !== 'edit') fields.push({ object: meta.key, field: field.key, access });
    }
  }
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    requireTotp: draft.requireTotp,
    grants,
    fields,
  };
}

/** How many field rules an object has (shown beside it in the field rules tab). */
export function ruleCount(draft: RoleDraft, object: string): number {
  return Object.values(draft.fields[object] ?? {}).filter((access) => access !== 'edit').length;
}
