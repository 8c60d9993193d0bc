import type { FieldMeta } from '../metadata/types.ts';
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
import type { FieldTypeTraits, ValueKind } from './kinds.ts';
import { longText } from './long-text.ts';
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

/**
 * Every field type, by name: what the server, the web app and the filter grammar share about it.
 * The server (`src/server/metadata/field-types/`) and the web (`src/web/records/field-types/`)
 * each keep one module per type beside this one.
 */
export const FIELD_TYPE_TRAITS = {
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
} as const satisfies Record<string, FieldTypeTraits>;

export type FieldType = keyof typeof FIELD_TYPE_TRAITS;
export const FIELD_TYPES = Object.keys(FIELD_TYPE_TRAITS) as FieldType[];

export function traitsOf(type: FieldType): FieldTypeTraits {
  return FIELD_TYPE_TRAITS[type];
}

export function kindOf(field: Pick<FieldMeta, 'type'>): ValueKind {
  return FIELD_TYPE_TRAITS[field.type].kind;
}

export function operatorsFor(type: FieldType) {
  return FIELD_TYPE_TRAITS[type].operators;
}

/** Relations, dictionary values and memberships: fields whose value points at other records. */
export function isReference(field: Pick<FieldMeta, 'type'>): boolean {
  const kind = kindOf(field);
  return kind === 'reference' || kind === 'membership';
}
