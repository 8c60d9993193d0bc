import { useQuery } from '@tanstack/react-query';
import { titleFieldsIn } from '../../../shared/metadata/title.ts';
import type { FieldMeta, Labels, Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
import { type GrammaticalGender, polishGender } from '../../../shared/text/gender.ts';
import { api } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';

/** Metadata changes only when the server is upgraded or an admin edits it: fetched once per session. */
export function useObjects() {
  return useQuery({
    queryKey: ['metadata', 'objects'],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ObjectMeta[] }>('/api/metadata/objects', { signal })).items,
    staleTime: 10 * 60_000,
  });
}

export function useObjectMeta(key: string | undefined): {
  meta: ObjectMeta | undefined;
  objects: ObjectMeta[] | undefined;
  isPending: boolean;
  error: unknown;
} {
  const objects = useObjects();
  return {
    meta: objects.data?.find((object) => object.key === key),
    objects: objects.data,
    isPending: objects.isPending,
    error: objects.error,
  };
}

export function pickLabel(labels: Labels, locale: Locale): string {
  return labels[locale] || labels.en;
}

export function fieldOf(meta: ObjectMeta, key: string): FieldMeta | undefined {
  return meta.fields.find((field) => field.key === key);
}

/**
 * The fields that make a record's title, in the order the UI language reads them ("Kozma
 * Nikolett" in Hungarian). A field named `<x>_en` that has `<x>_<locale>` siblings (dictionary
 * labels) is read in the UI language.
 */
function titleFieldsFor(meta: ObjectMeta, locale: Locale): string[] {
  return titleFieldsIn(meta, locale).map((key) => {
    if (!key.endsWith('_en')) return key;
    const localised = `${key.slice(0, -3)}_${locale}`;
    return fieldOf(meta, localised) ? localised : key;
  });
}

export function recordTitle(meta: ObjectMeta, record: Record<string, unknown>, locale: Locale): string {
  return titleFieldsFor(meta, locale)
    .map((key) => record[key])
    .filter((value) => value !== null && value !== undefined && value !== '')
    .join(' ');
}

/** The fields a picker or a title needs: id and the title fields in every language. */
export function titleProjection(meta: ObjectMeta, locale: Locale): string[] {
  return ['id', ...new Set([...meta.titleFields, ...titleFieldsFor(meta, locale)])];
}

/**
 * The i18next `context` for a sentence that names a record ("„Helena Szulc” zostanie
 * przeniesiona…"): a person's gender from their first name, otherwise the gender of the
 * object's name (Polish `Firma` is feminine). Only Polish declares genders; elsewhere, and for
 * a record without a first name, undefined (the message's plain form).
 */
export function recordContext(
  meta: ObjectMeta,
  record: Record<string, unknown> | undefined,
  locale: Locale,
): GrammaticalGender | undefined {
  if (locale === 'pl' && meta.givenNameField && record) {
    const firstName = record[meta.givenNameField];
    const gender = polishGender(typeof firstName === 'string' ? firstName : undefined);
    if (gender) return gender;
  }
  return objectContext(meta, locale);
}

/** The i18next `context` for a sentence about the object itself ("Nowa" firma, "Nowy" pracownik). */
export function objectContext(meta: ObjectMeta, locale: Locale): GrammaticalGender | undefined {
  return meta.grammaticalGender?.[locale];
}

/** Relations, dictionary values and memberships: the field types decide (src/shared/field-types). */
export { isReference } from '../../../shared/field-types/index.ts';

/** The title `expand` returned for a reference field, or null. */
export function expandedTitle(record: RecordData, key: string): string | null {
  const ref = record._expanded?.[key];
  if (!ref) return null;
  return Array.isArray(ref) ? ref.map((r) => r.title).join(', ') : ref.title;
}
