import type { FieldType } from '../../../shared/field-types/registry.ts';
import { boolean } from './boolean.ts';
import { choice } from './choice.ts';
import { colour } from './colour.ts';
import { country } from './country.ts';
import { currency } from './currency.ts';
import { date } from './date.ts';
import { dateTime } from './date-time.ts';
import { decimal } from './decimal.ts';
import { email } from './email.ts';
import { iban } from './iban.ts';
import { integer } from './integer.ts';
import { longText } from './long-text.ts';
import type { ServerFieldType } from './module.ts';
import { money } from './money.ts';
import { monthDay } from './month-day.ts';
import { multiRelation } from './multi-relation.ts';
import { percent } from './percent.ts';
import { phone } from './phone.ts';
import { postalCode } from './postal-code.ts';
import { rating } from './rating.ts';
import { relation } from './relation.ts';
import { richText } from './rich-text.ts';
import { savedFilter } from './saved-filter.ts';
import { select } from './select.ts';
import { taxId } from './tax-id.ts';
import { text } from './text.ts';
import { timeZone } from './time-zone.ts';
import { url } from './url.ts';

/** The server's module of every field type (the shared traits say what the web knows too). */
const SERVER_FIELD_TYPES: Record<FieldType, ServerFieldType> = {
  text,
  longText,
  richText,
  email,
  phone,
  url,
  colour,
  integer,
  boolean,
  date,
  dateTime,
  select,
  relation,
  multiRelation,
  taxId,
  iban,
  money,
  percent,
  decimal,
  rating,
  country,
  postalCode,
  monthDay,
  currency,
  timeZone,
  choice,
  savedFilter,
};

export function serverType(field: { type: FieldType }): ServerFieldType {
  return SERVER_FIELD_TYPES[field.type];
}

/** A stored text value as words (see `ServerFieldType.plainText`): rich text without its markup. */
export function plainTextOf(field: { type: FieldType }, value: string): string {
  return SERVER_FIELD_TYPES[field.type].plainText?.(value) ?? value;
}
