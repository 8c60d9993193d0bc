/**
 * The vocabulary of access control, shared by the server (which enforces it) and the web app
 * (which shows the role editor and hides what the reader may not do).
 */

/** Rights every object has. Named actions (`offer.accept`) are declared by their objects. */
export const RECORD_RIGHTS = ['read', 'create', 'update', 'delete', 'export', 'bulk'] as const;
export type RecordRight = (typeof RECORD_RIGHTS)[number];

/**
 * Which records a right reaches, from nothing to everything. The order matters: when several
 * roles grant the same right, the most permissive scope (the later one here) wins.
 */
export const SCOPES = ['none', 'own', 'department', 'subtree', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** What a reader may do with one field; without a rule a field of a readable object is `edit`. */
export const FIELD_ACCESS = ['hidden', 'read', 'edit'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

/** What a record share grants: `read`, or `edit` (read and update). */
export const SHARE_ACCESS = ['read', 'edit'] as const;
export type ShareAccess = (typeof SHARE_ACCESS)[number];

export function widerScope(a: Scope, b: Scope): Scope {
  return SCOPES.indexOf(a) >= SCOPES.indexOf(b) ? a : b;
}

export function widerFieldAccess(a: FieldAccess, b: FieldAccess): FieldAccess {
  return FIELD_ACCESS.indexOf(a) >= FIELD_ACCESS.indexOf(b) ? a : b;
}

/** The built-in role that has every right and cannot be edited into uselessness. */
export const ADMINISTRATOR_ROLE = 'administrator';

/** One object's rights as `GET /api/access/me` reports them. */
export interface ObjectRights {
  /** right (or named action) → scope; rights not listed are `none`. */
  rights: Record<string, Scope>;
  hiddenFields: string[];
  readOnlyFields: string[];
}

export interface EffectiveRights {
  accountId: number;
  employeeId: number | null;
  administrator: boolean;
  roles: Array<{ id: number; name: string }>;
  objects: Record<string, ObjectRights>;
}

/** What the reader may do with one record, carried by every record in an API response. */
export interface RecordCan {
  update: boolean;
  delete: boolean;
  share: boolean;
}
