import { boolean as traits } from '../../../shared/field-types/boolean.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { numberWidth, singleColumn } from './base.ts';
import { booleanText } from './from-text.ts';
import { invalid } from './module.ts';

/** Booleans in words, for CSV opened by people; xlsx has real boolean cells that Excel translates. */
const WORDS: Record<Locale, { yes: string; no: string }> = {
  en: { yes: 'Yes', no: 'No' },
  pl: { yes: 'Tak', no: 'Nie' },
  hu: { yes: 'Igen', no: 'Nem' },
};

export const boolean = singleColumn(traits, 'boolean', {
  fromText: booleanText,
  check: (raw) => (typeof raw === 'boolean' ? { value: raw } : invalid('type', 'must be true or false')),
  decode: (row, field, dialect) => (field.column ? dialect.decodeBoolean(row[field.column]) : null),
  encode: (value, field, dialect) =>
    field.column ? { [field.column]: typeof value === 'boolean' ? dialect.encodeBoolean(value) : value } : {},
  encodeOperand: (value, dialect) => (typeof value === 'boolean' ? dialect.encodeBoolean(value) : value),
  fitsCursor: (value) => typeof value === 'boolean' || value === 0 || value === 1,
  cell: (value, _field, context) => {
    const words = WORDS[context.locale];
    return { kind: 'boolean', value: value === true, word: value === true ? words.yes : words.no };
  },
  schema: () => ({ type: 'boolean' }),
  exportWidth: numberWidth,
});
