import type { TFunction } from 'i18next';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import type { FieldTypeFacts, TextContext } from './module-facts.ts';

/*
 * React-free building blocks shared by similar types. The views that go with them are in
 * `base.tsx`.
 */

/** The shared filter validator's limit on filter text. */
export const MAX_FILTER_TEXT = 1000;

/** No value at all: what lists and forms leave blank (the server stores '' as null). */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Text shown as it is stored: one line, a note, an e-mail address. */
export function textLike(overrides: Partial<FieldTypeFacts> = {}): FieldTypeFacts {
  return {
    text: (value) => String(value),
    wide: false,
    short: false,
    alignRight: false,
    defaultOperator: 'contains',
    ...overrides,
  };
}

/** A number compared by size: right-aligned, "is" first. */
export function numberLike(overrides: Partial<FieldTypeFacts> = {}): FieldTypeFacts {
  return {
    text: (value, _field, { format }) => (typeof value === 'number' ? format.number(value) : String(value)),
    wide: false,
    short: true,
    alignRight: true,
    defaultOperator: 'eq',
    ...overrides,
  };
}

function ids(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((item): item is number => typeof item === 'number');
  return typeof value === 'number' ? [value] : [];
}

/** A reference as the titles the caller knows, `#id` for the others. */
export function referenceText(value: unknown, _field: FieldMeta, context: TextContext): string {
  return ids(value)
    .map((id) => context.title?.(id) ?? `#${id}`)
    .join(', ');
}

/** An issue message for the server's `format` code, the generic ones for every other code. */
export function onFormat(
  message: (t: TFunction, field: FieldMeta) => string,
): FieldTypeFacts['issueMessage'] {
  return (code, field, t) => (code === 'format' ? message(t, field) : undefined);
}

/** Whole-number and decimal digits typed as the user's language writes them (`1 234,5` in Polish). */
export function numberSeparators(intlLocale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(intlLocale).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

/** Languages spoken mainly in one country: a Polish reader without a region is in Poland. */
const HOME_COUNTRY: Readonly<Record<string, string>> = { pl: 'PL', hu: 'HU' };

/** The reader's country from their BCP 47 tag (`en-GB` → GB, `pl` → PL), when it says one. */
export function viewerCountry(tag: string): string | undefined {
  const [language = '', ...rest] = tag.split('-');
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part));
  return region ? region.toUpperCase() : HOME_COUNTRY[language.toLowerCase()];
}
