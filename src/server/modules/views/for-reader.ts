import type { MetadataLookup } from '../../../shared/filter/validate.ts';
import { resolveFilter } from '../../../shared/filter/validate.ts';
import type { ViewDefinition } from '../../../shared/views/types.ts';

/**
 * A shared view as one reader may use it: columns and sorts on fields hidden from them are
 * left out, and so are colour rules that test one. A view whose filter needs a hidden field
 * cannot be applied without telling what the field holds, so it is not offered (null).
 */
export function definitionForReader(
  definition: ViewDefinition,
  object: string,
  lookup: MetadataLookup,
): ViewDefinition | null {
  const fields = new Set(lookup(object)?.fields.map((f) => f.key) ?? []);
  const usable = (filter: unknown) => {
    try {
      resolveFilter(filter, object, lookup);
      return true;
    } catch {
      return false;
    }
  };
  if (definition.filter !== null && !usable(definition.filter)) return null;
  return {
    ...definition,
    columns: definition.columns.filter((key) => fields.has(key)),
    sort: definition.sort.filter((spec) => fields.has(spec.field)),
    colourRules: definition.colourRules.filter((rule) => usable(rule.filter)),
  };
}
