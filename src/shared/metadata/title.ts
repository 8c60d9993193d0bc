import type { Locale, ObjectMeta } from './types.ts';

/**
 * The fields of a record's title in the order the reader's language puts them: Hungarian
 * reads a person's family name first ("Kozma Nikolett"), English and Polish the first name
 * ("Nikolett Kozma"). Server (`titleOf`) and web (`recordTitle`) both go through here, so a
 * name reads the same in a heading, a reference, a search hit and a notice.
 */
export function titleFieldsIn(
  object: Pick<ObjectMeta, 'titleFields' | 'titleOrder'>,
  locale: Locale,
): string[] {
  return object.titleOrder?.[locale] ?? object.titleFields;
}
