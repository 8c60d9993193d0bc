import type { FieldMeta, Locale, ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { pickLabel } from '../modules/metadata/index.ts';

/** One part of a record's card as shown: its heading (none for an object without sections). */
export interface CardSection {
  key: string;
  label: string | null;
  fields: FieldMeta[];
  placeholder?: string;
}

/** The code of a dictionary value the record points at, from its expanded references. */
function codeOf(record: RecordData, field: string): string | undefined {
  const expanded = record._expanded?.[field];
  return expanded && !Array.isArray(expanded) ? (expanded as { code?: string }).code : undefined;
}

/**
 * The object's sections that apply to this record (a prospect's marketing data, an active
 * client's terms), each with those of `fields` it lists; fields in no section follow under
 * "More". A section that depends on a status the record lacks is left out with its fields.
 */
export function cardSections(
  meta: ObjectMeta,
  record: RecordData,
  fields: FieldMeta[],
  locale: Locale,
  moreLabel: string,
): CardSection[] {
  if (!meta.sections || meta.sections.length === 0) return [{ key: 'all', label: null, fields }];
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const placed = new Set(meta.sections.flatMap((section) => section.fields));
  const shown: CardSection[] = meta.sections
    .filter(
      (section) => !section.when || section.when.codes.includes(codeOf(record, section.when.field) ?? ''),
    )
    .map((section) => ({
      key: section.key,
      label: pickLabel(section.labels, locale),
      fields: section.fields.flatMap((key) => byKey.get(key) ?? []),
      placeholder: section.placeholder ? pickLabel(section.placeholder, locale) : undefined,
    }))
    .filter((section) => section.fields.length > 0 || section.placeholder);
  const rest = fields.filter((field) => !placed.has(field.key));
  return rest.length > 0 ? [...shown, { key: 'more', label: moreLabel, fields: rest }] : shown;
}
