import { useQuery } from '@tanstack/react-query';
import type { FieldMeta, Labels, Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
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
 * The fields that make a record's title. A field named `<x>_en` that has `<x>_<locale>`
 * siblings (dictionary labels) is read in the UI language.
 */
function titleFieldsFor(meta: ObjectMeta, locale: Locale): string[] {
  return meta.titleFields.map((key) => {
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

/** Relations, dictionary values and memberships: the field types decide (src/shared/field-types). */
export { isReference } from '../../../shared/field-types/index.ts';

/** The title `expand` returned for a reference field, or null. */
export function expandedTitle(record: RecordData, key: string): string | null {
  const ref = record._expanded?.[key];
  if (!ref) return null;
  return Array.isArray(ref) ? ref.map((r) => r.title).join(', ') : ref.title;
}
