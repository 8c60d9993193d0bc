import { type FieldTypeTraits, NUMBER_OPERATORS } from './kinds.ts';

/** Hundredths of a per cent are the finest step: a percent is stored as basis points. */
export const PERCENT_SCALE = 100;

/** A number of per cent with at most two decimals (12.5 means 12.5 %), or null when it is not one. */
export function percentValue(raw: unknown): number | null {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  const basisPoints = Math.round(raw * PERCENT_SCALE);
  if (Math.abs(basisPoints - raw * PERCENT_SCALE) > 1e-6 || !Number.isSafeInteger(basisPoints)) return null;
  return basisPoints / PERCENT_SCALE;
}

export const percent: FieldTypeTraits = {
  kind: 'number',
  operators: NUMBER_OPERATORS,
  sortable: true,
  operand: (raw) => percentValue(raw) ?? { problem: 'must be a number of per cent with at most 2 decimals' },
};
