import type { FieldMeta, FieldType } from '../../../shared/metadata/types.ts';
import { boolean } from './boolean.tsx';
import { choice } from './choice.tsx';
import { colour } from './colour.tsx';
import { country } from './country.tsx';
import { currency } from './currency.tsx';
import { date } from './date.tsx';
import { dateTime } from './date-time.tsx';
import { decimal } from './decimal.tsx';
import { email } from './email.tsx';
import { iban } from './iban.tsx';
import { integer } from './integer.tsx';
import { longText } from './long-text.tsx';
import type { WebFieldType } from './module.ts';
import { money } from './money.tsx';
import { monthDay } from './month-day.tsx';
import { multiRelation } from './multi-relation.tsx';
import { percent } from './percent.tsx';
import { phone } from './phone.tsx';
import { postalCode } from './postal-code.tsx';
import { rating } from './rating.tsx';
import { relation } from './relation.tsx';
import { richText } from './rich-text.tsx';
import { savedFilter } from './saved-filter.tsx';
import { select } from './select.tsx';
import { taxId } from './tax-id.tsx';
import { text } from './text.tsx';
import { timeZone } from './time-zone.tsx';
import { url } from './url.tsx';

/** The web module of every field type; a type missing here fails the type check. */
export const WEB_FIELD_TYPES: Record<FieldType, WebFieldType> = {
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

export function webType(field: Pick<FieldMeta, 'type'>): WebFieldType {
  return WEB_FIELD_TYPES[field.type];
}
