import { kindOf } from '../../shared/field-types/registry.ts';
import type { MetadataLookup } from '../../shared/filter/validate.ts';
import type { FieldMeta, Labels, ObjectMeta } from '../../shared/metadata/types.ts';
import { factsOf } from './field-types/facts.ts';

const SEPARATOR = ' › ';

function joined(via: Labels, field: Labels): Labels {
  return {
    en: `${via.en}${SEPARATOR}${field.en}`,
    pl: `${via.pl}${SEPARATOR}${field.pl}`,
    hu: `${via.hu}${SEPARATOR}${field.hu}`,
  };
}

/** Relations to records people relate to (a person's company), not dictionary values or audit fields. */
function walkable(field: FieldMeta): boolean {
  return !field.system && kindOf(field) === 'reference' && factsOf(field).pointsAt === 'records';
}

/**
 * Columns a list may show from a related record: "Company › City" in a list of people. Their
 * key is the path (`company.city`), which the list API reads one hop through the relation;
 * they are shown and exported, not sorted by.
 */
export function relatedFields(meta: ObjectMeta, lookup: MetadataLookup): FieldMeta[] {
  return meta.fields.filter(walkable).flatMap((via) => {
    const target = via.target ? lookup(via.target) : undefined;
    return (target?.fields ?? [])
      .filter((field) => !field.system && kindOf(field) !== 'membership' && field.type !== 'savedFilter')
      .map((field) => ({
        ...field,
        key: `${via.key}.${field.key}`,
        labels: joined(via.labels, field.labels),
        sortable: false,
        readOnly: true,
      }));
  });
}

/** A list column by key: an own field, or a related record's field (`company.city`). */
export function columnField(meta: ObjectMeta, lookup: MetadataLookup, key: string): FieldMeta | undefined {
  if (!key.includes('.')) return meta.fields.find((field) => field.key === key);
  const [relation, name] = key.split('.');
  const via = meta.fields.find((field) => field.key === relation);
  if (!via || !walkable(via) || !via.target) return undefined;
  const field = lookup(via.target)?.fields.find((candidate) => candidate.key === name);
  if (!field || field.system || kindOf(field) === 'membership') return undefined;
  return { ...field, key, labels: joined(via.labels, field.labels), sortable: false, readOnly: true };
}
