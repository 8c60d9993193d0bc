import type { Actor } from '../access/actor.ts';
import type { FieldDefinition } from '../metadata/define-object.ts';
import { defaultCountry, executorOf, type RecordsContext } from './context.ts';
import { createDefaultsContext, creatorOf } from './create-defaults.ts';
import { applyCreateDefaults } from './input.ts';
import { objectOrThrow } from './reader.ts';
import { authorizeWrite } from './writer.ts';

/**
 * What a new record of the object holds before the writer types anything (`GET
 * /api/records/:object/defaults`): the values a create would take for every field left out —
 * computed ones (today in the writer's zone), select values named by code, constants — so a
 * form shows them instead of surprising its writer after saving. Only fields the writer may
 * set; the create right is required as for the create itself.
 */
export async function createDefaultValues(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
): Promise<Record<string, unknown>> {
  const definition = objectOrThrow(ctx, object);
  const grant = authorizeWrite(ctx, actor, definition, 'create');
  const create = await createDefaultsContext(executorOf(ctx), definition, creatorOf(actor, ctx.now()));
  const values = new Map<FieldDefinition, unknown>();
  applyCreateDefaults(definition, values, { country: defaultCountry(ctx), create });
  for (const field of definition.fields) {
    if (field.system || field.through || field.defaultValue === undefined || values.has(field)) continue;
    values.set(field, field.defaultValue);
  }
  return Object.fromEntries(
    [...values]
      .filter(
        ([field]) =>
          !field.readOnly && !grant.hiddenFields.has(field.key) && !grant.readOnlyFields.has(field.key),
      )
      .map(([field, value]) => [field.key, value]),
  );
}
