import { type MetadataLookup, resolveFieldPath } from '../../../shared/filter/validate.ts';
import type { FieldMeta, Labels, Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
import { factsOf } from '../field-types/facts.ts';

/** The fields a condition can be about: the object's own and one relation hop away (Company → Industry). */
const INTERNAL_FIELDS: ReadonlySet<string> = new Set(['id', 'version', 'deleted_at']);

export function isInternalField(field: FieldMeta): boolean {
  return field.system && INTERNAL_FIELDS.has(field.key);
}

export interface FieldPathOption {
  /** The field in the grammar: `industry` or `company.industry`. */
  path: string;
  /** The fields along the path: relation hops first, the filtered field last. */
  fields: FieldMeta[];
  /** The filtered field, whose type decides the operators. */
  field: FieldMeta;
}

/** Resolves a path with the shared validator's rules; undefined when it does not exist. */
export function describePath(
  path: string,
  rootObject: string,
  lookup: MetadataLookup,
): FieldPathOption | undefined {
  if (!path) return undefined;
  try {
    const { steps, field } = resolveFieldPath(path, rootObject, lookup, 'field');
    return { path, fields: [...steps.map((step) => step.field), field], field };
  } catch {
    return undefined;
  }
}

/*
 * Hops offered for relation paths: real relations the user set. Dictionary values (select) are
 * picked directly rather than walked into, and created_by/updated_by lead to login accounts.
 */
function isTraversable(field: FieldMeta): boolean {
  return (
    factsOf(field).pointsAt === 'records' && field.target !== undefined && field.filterable && !field.system
  );
}

/**
 * The fields a condition may use: the object's own filterable fields and, with `paths`, one
 * hop through each relation to the target's own fields (person: Company → Industry).
 */
export function fieldPathOptions(
  meta: ObjectMeta,
  lookup: MetadataLookup,
  options: { paths?: boolean } = {},
): FieldPathOption[] {
  const own = meta.fields
    .filter((field) => field.filterable && !isInternalField(field))
    .map((field) => ({ path: field.key, fields: [field], field }));
  if (options.paths === false) return own;
  const through = meta.fields.filter(isTraversable).flatMap((hop) => {
    const target = hop.target ? lookup(hop.target) : undefined;
    if (!target) return [];
    return target.fields
      .filter((field) => field.filterable && !field.system)
      .map((field) => ({ path: `${hop.key}.${field.key}`, fields: [hop, field], field }));
  });
  return [...own, ...through];
}

function pick(labels: Labels, locale: Locale): string {
  return labels[locale] || labels.en;
}

/** "Company → Industry". */
export function pathLabel(option: FieldPathOption, locale: Locale): string {
  return option.fields.map((field) => pick(field.labels, locale)).join(' → ');
}

// ---------------------------------------------------------------------------------------------
// Editing a condition
