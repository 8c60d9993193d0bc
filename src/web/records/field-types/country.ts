import { COUNTRY_CODES, countryName } from '../../../shared/identifiers/index.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { onFormat, textLike } from './base.ts';

/** An ISO 3166-1 alpha-2 code, shown as the country's name in the UI language. */
export const countryFacts = textLike({
  text: (value, _field, { locale }) => countryName(String(value), locale),
  short: true,
  width: 160,
  defaultOperator: 'eq',
  issueMessage: onFormat((t) => t('records:validation.country')),
});

const options = new Map<Locale, { value: string; label: string }[]>();

/** Every country by its name in `locale`, in that language's alphabetical order (Węgry under W). */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  let list = options.get(locale);
  if (list === undefined) {
    const collator = new Intl.Collator(locale);
    list = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    options.set(locale, list);
  }
  return list;
}
