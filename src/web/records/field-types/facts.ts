import type { FieldMeta, FieldType } from '../../../shared/metadata/types.ts';
import { isEmptyValue } from './base.ts';
import { booleanFacts } from './boolean.ts';
import { choiceFacts } from './choice.ts';
import { colourFacts } from './colour.ts';
import { countryFacts } from './country.ts';
import { currencyFacts } from './currency.ts';
import { dateFacts } from './date.ts';
import { dateTimeFacts } from './date-time.ts';
import { decimalFacts } from './decimal.ts';
import { emailFacts } from './email.ts';
import { ibanFacts } from './iban.ts';
import { integerFacts } from './integer.ts';
import { longTextFacts } from './long-text.ts';
import type { FieldTypeFacts, TextContext } from './module-facts.ts';
import { moneyFacts } from './money.ts';
import { monthDayFacts } from './month-day.ts';
import { multiRelationFacts } from './multi-relation.ts';
import { percentFacts } from './percent.ts';
import { phoneFacts } from './phone.ts';
import { postalCodeFacts } from './postal-code.ts';
import { ratingFacts } from './rating.ts';
import { relationFacts } from './relation.ts';
import { richTextFacts } from './rich-text.ts';
import { savedFilterFacts } from './saved-filter.ts';
import { selectFacts } from './select.ts';
import { taxIdFacts } from './tax-id.ts';
import { textFacts } from './text.ts';
import { timeZoneFacts } from './time-zone.ts';
import { urlFacts } from './url.ts';

/**
 * The React-free half of every web field type (see `module.ts`): what the filter model, the
 * column defaults, validation messages and plain text need. `registry.ts` adds the views.
 */
export const FIELD_TYPE_FACTS: Record<FieldType, FieldTypeFacts> = {
  text: textFacts,
  longText: longTextFacts,
  richText: richTextFacts,
  email: emailFacts,
  phone: phoneFacts,
  url: urlFacts,
  colour: colourFacts,
  integer: integerFacts,
  boolean: booleanFacts,
  date: dateFacts,
  dateTime: dateTimeFacts,
  select: selectFacts,
  relation: relationFacts,
  multiRelation: multiRelationFacts,
  taxId: taxIdFacts,
  iban: ibanFacts,
  money: moneyFacts,
  percent: percentFacts,
  decimal: decimalFacts,
  rating: ratingFacts,
  country: countryFacts,
  postalCode: postalCodeFacts,
  monthDay: monthDayFacts,
  currency: currencyFacts,
  timeZone: timeZoneFacts,
  choice: choiceFacts,
  savedFilter: savedFilterFacts,
};

export function factsOf(field: Pick<FieldMeta, 'type'>): FieldTypeFacts {
  return FIELD_TYPE_FACTS[field.type];
}

/** A value as plain text; '' when there is none. */
export function fieldText(field: FieldMeta, value: unknown, context: TextContext): string {
  return isEmptyValue(value) ? '' : factsOf(field).text(value, field, context);
}
