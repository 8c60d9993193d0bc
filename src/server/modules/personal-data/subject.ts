import { traitsOf } from '../../../shared/field-types/registry.ts';
import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize, type RecordAction } from '../../access/policy.ts';
import { errors } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import type { RecordsContext } from '../../records/context.ts';
import { inScope } from '../../records/in-scope.ts';
import { objectOrThrow } from '../../records/reader.ts';

/** The object whose records are people with personal data (GDPR data subjects). */
export const SUBJECT = 'person';

/**
 * The tools of this module act on people only; another object in the address is refused with
 * 400 (the route exists for every object, like the other record routes, so it says why).
 */
export function subjectOrThrow(ctx: RecordsContext, object: string, what: string): ObjectDefinition {
  const definition = objectOrThrow(ctx, object);
  if (definition.key !== SUBJECT) {
    throw errors.badRequest(`${what} is available for people (${SUBJECT}) only, not for ${definition.key}`);
  }
  return definition;
}

/**
 * The right a tool needs: the object's named action when it declares one (`person.anonymise`,
 * granted per role), else `fallback` — so the tools work before the action is declared, and
 * take the finer right from the moment it is. Always within `read` (authorize intersects it).
 */
export function toolGrant(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  action: string,
  fallback: RecordAction,
): AccessGrant {
  const named = `${definition.key}.${action}` as const;
  return authorize(
    ctx.registry,
    actor,
    definition.key,
    definition.actions.includes(named) ? named : fallback,
  );
}

/** Inside the rows the tool's right reaches, or 403 (the caller has checked the record is readable). */
export async function assertToolReaches(
  ctx: RecordsContext,
  definition: ObjectDefinition,
  grant: AccessGrant,
  id: number,
  what: string,
): Promise<void> {
  if (!(await inScope(ctx.transaction ?? ctx.dialect.db, definition, grant, id))) {
    throw errors.forbidden(`You may not ${what} ${definition.key} ${id}`);
  }
}

/** A field that points at the subject: from any object, discovered from metadata. */
export interface SubjectLink {
  definition: ObjectDefinition;
  field: FieldDefinition;
  /** `reference`: one subject per record (a consent's person); `membership`: many. */
  kind: 'reference' | 'membership';
}

/**
 * Every field of every object that points at the subject (consents, employment history, and
 * whatever later capabilities add: cases, activities…), in registry order.
 */
export function subjectLinks(registry: MetadataRegistry, subject: string): SubjectLink[] {
  const links: SubjectLink[] = [];
  for (const definition of registry.list()) {
    for (const field of definition.fields) {
      if (field.system || field.target !== subject) continue;
      const kind = traitsOf(field.type).kind;
      if (kind === 'reference' || kind === 'membership') links.push({ definition, field, kind });
    }
  }
  return links;
}
