import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import { AppError, errors, type FieldIssue } from '../../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import { hasDuplicateRules } from './duplicate-rules.ts';
import type { DuplicateRule } from './store.ts';

/** One column feeding one field. */
export interface MappedColumn {
  column: string;
  /** Position of the column in each stored row. */
  index: number;
  field: FieldDefinition;
}

/**
 * A relation of the imported object whose target is found or created from columns of the same
 * row (`company.name`, `company.tax_id` on a person): "people and their companies from one file".
 */
export interface RelatedPlan {
  via: FieldDefinition;
  target: ObjectDefinition;
  columns: MappedColumn[];
}

export interface ImportPlan {
  definition: ObjectDefinition;
  own: MappedColumn[];
  related: RelatedPlan[];
  duplicates: DuplicateRule;
}

/** Objects the wizard offers: those with duplicate rules (re-importing must create nothing new). */
export function importableObjects(registry: MetadataRegistry): ObjectDefinition[] {
  return registry
    .list()
    .filter((definition) => hasDuplicateRules(definition.key) && !definition.administratorsOnly);
}

/** Whether a field can be set from a file: the engine's own rules plus the actor's field rules. */
export function importableField(field: FieldDefinition, grant: AccessGrant): boolean {
  return (
    !field.system &&
    !field.readOnly &&
    !grant.hiddenFields.has(field.key) &&
    !grant.readOnlyFields.has(field.key)
  );
}

/**
 * Checks a mapping against the file's columns, the metadata and the actor's rights, before
 * anything runs: 403 when the actor may not create (or, to update duplicates, update) the
 * object or a related one, 400 naming every column or field that is wrong.
 */
export function planImport(
  registry: MetadataRegistry,
  actor: Actor,
  request: { object: string; mapping: Record<string, string | null>; duplicates: DuplicateRule },
  columns: string[],
): ImportPlan {
  const definition = registry.get(request.object);
  if (!definition || !importableObjects(registry).includes(definition)) {
    throw errors.badRequest(`${request.object} records cannot be imported`, { field: 'object' });
  }
  const grant = authorize(registry, actor, definition.key, 'create');
  if (request.duplicates === 'update') authorize(registry, actor, definition.key, 'update');
  const issues: FieldIssue[] = [];
  const own: MappedColumn[] = [];
  const related = new Map<string, RelatedPlan>();
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(request.mapping)) {
    if (target === null || target === '') continue;
    const index = columns.indexOf(column);
    if (index < 0) {
      issues.push({
        field: `mapping.${column}`,
        code: 'unknown_column',
        message: 'the file has no such column',
      });
      continue;
    }
    const earlier = used.get(target);
    if (earlier) {
      issues.push({
        field: `mapping.${column}`,
        code: 'mapped_twice',
        message: `${target} is already filled from column "${earlier}"`,
      });
      continue;
    }
    used.set(target, column);
    const [first = '', second] = target.split('.');
    if (second === undefined) {
      const field = definition.field(first);
      if (!field || !importableField(field, grant)) {
        issues.push({
          field: `mapping.${column}`,
          code: 'unknown_field',
          message: `${definition.key} has no field "${first}" that can be imported`,
        });
      } else own.push({ column, index, field });
      continue;
    }
    const via = definition.field(first);
    const targetDefinition = via?.type === 'relation' ? registry.get(via.target ?? '') : undefined;
    if (
      !via ||
      !targetDefinition ||
      !hasDuplicateRules(targetDefinition.key) ||
      grant.hiddenFields.has(via.key)
    ) {
      issues.push({
        field: `mapping.${column}`,
        code: 'unknown_field',
        message: `"${first}" is not a related record an import can find or create`,
      });
      continue;
    }
    const targetGrant = authorize(registry, actor, targetDefinition.key, 'create');
    const field = targetDefinition.field(second);
    if (!field || !importableField(field, targetGrant)) {
      issues.push({
        field: `mapping.${column}`,
        code: 'unknown_field',
        message: `${targetDefinition.key} has no field "${second}" that can be imported`,
      });
      continue;
    }
    const plan = related.get(via.key) ?? { via, target: targetDefinition, columns: [] };
    plan.columns.push({ column, index, field });
    related.set(via.key, plan);
  }
  for (const plan of related.values()) {
    if (own.some((mapped) => mapped.field.key === plan.via.key)) {
      issues.push({
        field: `mapping`,
        code: 'mapped_twice',
        message: `${plan.via.key} is filled both by name and from its own fields`,
      });
    }
    issues.push(...missingRequired(plan.target, plan.columns, `${plan.via.key}.`));
  }
  if (own.length === 0 && related.size === 0) {
    issues.push({ field: 'mapping', code: 'required', message: 'map at least one column to a field' });
  }
  issues.push(...missingRequired(definition, own, ''));
  if (issues.length > 0) throw errors.validation(issues);
  return { definition, own, related: [...related.values()], duplicates: request.duplicates };
}

function missingRequired(definition: ObjectDefinition, mapped: MappedColumn[], prefix: string): FieldIssue[] {
  return definition.fields
    .filter((field) => field.required && !field.system && field.defaultValue === undefined)
    .filter((field) => !mapped.some((column) => column.field.key === field.key))
    .map((field) => ({
      field: `mapping`,
      code: 'required',
      message: `${prefix}${field.key} is required: map a column to it`,
    }));
}

/** Thrown for a mapping the run cannot start with; kept apart so the web can show it at the step. */
export function isPlanError(error: unknown): error is AppError {
  return error instanceof AppError && (error.statusCode === 400 || error.statusCode === 403);
}
