import type { MoneyValue } from './money.ts';
import type { FieldType } from './registry.ts';

/**
 * The API value of each field type, for typed records (`RecordOf<typeof company>`). Keyed by
 * type and checked complete below, so a new type without its value type fails typechecking.
 */
export interface FieldValueTypes {
  text: string;
  longText: string;
  /** Sanitised HTML (see `shared/text/rich-text.ts`). */
  richText: string;
  email: string;
  phone: string;
  url: string;
  /** `#rrggbb`, lower case. */
  colour: string;
  integer: number;
  boolean: boolean;
  date: string;
  dateTime: string;
  select: number;
  relation: number;
  multiRelation: number[];
  taxId: string;
  iban: string;
  money: MoneyValue;
  percent: number;
  /** At most `FieldMeta.scale` decimals. */
  decimal: number;
  rating: number;
  country: string;
  postalCode: string;
  monthDay: string;
  currency: string;
  /** An IANA name, `Europe/Warsaw`. */
  timeZone: string;
  choice: string;
  savedFilter: Record<string, unknown>;
}

/** Fails to compile when a field type has no value type here (or one that is not a type). */
export type EveryTypeHasAValue = [FieldType] extends [keyof FieldValueTypes]
  ? [keyof FieldValueTypes] extends [FieldType]
    ? true
    : never
  : never;
export const everyTypeHasAValue: EveryTypeHasAValue = true;
