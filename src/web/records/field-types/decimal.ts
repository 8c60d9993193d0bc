import { decimalProblem, decimalScale } from '../../../shared/field-types/decimal.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { numberLike } from './base.ts';

/** 2.125 (kg), 4.251234 (a rate): every stored decimal shown, in the reader's separators. */
export const decimalFacts = numberLike({
  text: (value, field, { format }) =>
    typeof value === 'number' ? format.decimal(value, decimalScale(field)) : String(value),
  width: 120,
  issueMessage: (code, field, t) =>
    code === 'type' ? t('records:validation.decimal', { digits: decimalScale(field) }) : undefined,
});

/** A typed number as the field's value, or null when it has more decimals than the field keeps. */
export function decimalOperand(value: number | string, field: Pick<FieldMeta, 'scale'>): number | null {
  const number = typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value;
  return Number.isFinite(number) && decimalProblem(number, field) === null ? number : null;
}
