import { z } from 'zod';
import {
  FilterError,
  type MetadataLookup,
  type ResolvedFilter,
  resolveFilter,
} from '../../../shared/filter/validate.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ROW_COLOURS, VIEW_LIMITS, type ViewDefinition } from '../../../shared/views/types.ts';
import type { FieldIssue } from '../../errors.ts';
import { versionSchema } from '../../records/version.ts';

const fieldKey = z.string().min(1).max(64);
const sortSpec = z.object({ field: fieldKey, direction: z.enum(['asc', 'desc']) }).strict();

/**
 * The shape of a view's content (the web's `ListViewState`). Zod checks the shape; field
 * names, filters and sortability need the object's metadata and are checked by
 * `definitionIssues` in the service, so a filter is `unknown` here.
 */
export const viewDefinitionInput = z
  .object({
    columns: z.array(fieldKey).min(1).max(VIEW_LIMITS.columns),
    filter: z.unknown().optional(),
    sort: z.array(sortSpec).max(VIEW_LIMITS.sortKeys),
    colourRules: z
      .array(z.object({ filter: z.unknown(), colour: z.enum(ROW_COLOURS) }).strict())
      .max(VIEW_LIMITS.colourRules),
  })
  .strict();
export type ViewDefinitionInput = z.infer<typeof viewDefinitionInput>;

const viewName = z.string().trim().min(1).max(VIEW_LIMITS.nameLength);
const objectKey = z.string().min(1).max(64);
const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const createViewBody = z
  .object({
    object: objectKey,
    name: viewName,
    shared: z.boolean().default(false),
    /** Also make it the creator's default view of the object. */
    isDefault: z.boolean().default(false),
    definition: viewDefinitionInput,
  })
  .strict();

export const updateViewBody = z
  .object({
    version: versionSchema,
    name: viewName.optional(),
    shared: z.boolean().optional(),
    definition: viewDefinitionInput.optional(),
  })
  .strict();

export const setDefaultBody = z.object({ object: objectKey, viewId: positiveId.nullable() }).strict();

export const viewParams = z.object({ id: z.string().regex(/^\d{1,15}$/, 'must be a view id') });

/** Responses: loose on filters (they were checked when saved), exact on everything else. */
const definitionOutput = z.object({
  columns: z.array(z.string()),
  filter: z.unknown(),
  sort: z.array(z.object({ field: z.string(), direction: z.enum(['asc', 'desc']) })),
  colourRules: z.array(z.object({ filter: z.unknown(), colour: z.enum(ROW_COLOURS) })),
});

export const savedViewOutput = z.object({
  id: z.number(),
  object: z.string(),
  name: z.string(),
  shared: z.boolean(),
  isDefault: z.boolean(),
  defaultForEveryone: z.boolean(),
  mine: z.boolean(),
  ownerId: z.number(),
  ownerLogin: z.string(),
  definition: definitionOutput,
  version: z.number(),
  updatedAt: z.string(),
});

export const savedViewListOutput = z.object({
  items: z.array(savedViewOutput),
  defaultViewId: z.number().nullable(),
});

/** What a FilterError says, without the path it repeats at its start. */
function filterIssue(prefix: string, error: FilterError): FieldIssue {
  const lead = `${error.path}: `;
  const message = error.message.startsWith(lead) ? error.message.slice(lead.length) : error.message;
  return { field: `${prefix}${error.path}`, code: 'invalid_filter', message };
}

function resolveInto(
  issues: FieldIssue[],
  prefix: string,
  filter: unknown,
  meta: ObjectMeta,
  lookup: MetadataLookup,
): ResolvedFilter | null {
  try {
    return resolveFilter(filter, meta.key, lookup);
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    issues.push(filterIssue(prefix, error));
    return null;
  }
}

/** True when a leaf of the filter walks through a relation (`company.industry`). */
function usesRelationPath(filter: ResolvedFilter): boolean {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.children.some(usesRelationPath);
    case 'not':
      return usesRelationPath(filter.child);
    case 'leaf':
      return filter.steps.length > 0;
  }
}

/**
 * Checks a definition against the object's metadata and returns it normalised (a missing
 * filter is null), or the problems with their paths (`definition.columns[2]`…).
 */
export function checkDefinition(
  input: ViewDefinitionInput,
  meta: ObjectMeta,
  lookup: MetadataLookup,
): { definition: ViewDefinition; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const fields = new Map(meta.fields.map((field) => [field.key, field]));
  const seen = new Set<string>();
  input.columns.forEach((key, index) => {
    const path = `definition.columns[${index}]`;
    if (!fields.has(key)) {
      issues.push({ field: path, code: 'unknown_field', message: `unknown field "${key}" on ${meta.key}` });
    } else if (seen.has(key)) {
      issues.push({ field: path, code: 'duplicate', message: `column "${key}" is listed twice` });
    }
    seen.add(key);
  });

  const filter = input.filter ?? null;
  if (filter !== null) resolveInto(issues, 'definition.', filter, meta, lookup);

  const sorted = new Set<string>();
  input.sort.forEach((spec, index) => {
    const path = `definition.sort[${index}].field`;
    const field = fields.get(spec.field);
    if (!field) {
      issues.push({
        field: path,
        code: 'unknown_field',
        message: `unknown field "${spec.field}" on ${meta.key}`,
      });
    } else if (!field.sortable) {
      issues.push({ field: path, code: 'not_sortable', message: `"${spec.field}" cannot be sorted` });
    } else if (sorted.has(spec.field)) {
      issues.push({ field: path, code: 'duplicate', message: `"${spec.field}" is sorted by twice` });
    }
    sorted.add(spec.field);
  });

  // Colour rules are evaluated in the browser on the loaded row, which has no related records.
  input.colourRules.forEach((rule, index) => {
    const prefix = `definition.colourRules[${index}].`;
    if (rule.filter === undefined || rule.filter === null) {
      issues.push({ field: `${prefix}filter`, code: 'required', message: 'a colour rule needs a condition' });
      return;
    }
    const resolved = resolveInto(issues, prefix, rule.filter, meta, lookup);
    if (resolved && usesRelationPath(resolved)) {
      issues.push({
        field: `${prefix}filter`,
        code: 'relation_path',
        message: `colour rules use fields of ${meta.key} itself, not paths through relations`,
      });
    }
  });

  return {
    definition: {
      columns: input.columns,
      filter: filter as ViewDefinition['filter'],
      sort: input.sort,
      colourRules: input.colourRules as ViewDefinition['colourRules'],
    },
    issues,
  };
}
