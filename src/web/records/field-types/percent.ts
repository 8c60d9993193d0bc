import { percentValue } from '../../../shared/field-types/index.ts';
import { numberLike } from './base.ts';

/** 12.5 means 12.5 %: shown with the locale's sign and spacing, typed with at most two decimals. */
export const percentFacts = numberLike({
  text: (value, _field, { format }) => (typeof value === 'number' ? format.percent(value) : String(value)),
  width: 100,
  issueMessage: (code, _field, t) => (code === 'type' ? t('records:validation.percent') : undefined),
});

/** A typed number as a percent value, or null when it has more than two decimals. */
export function percentOperand(value: number | string): number | null {
  return percentValue(typeof value === 'string' ? Number(value) : value);
}
