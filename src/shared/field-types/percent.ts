import { type Bounds, type FieldTypeTraits, NUMBER_OPERATORS, storedRange } from './kinds.ts';

/** Hundredths of a per cent are the finest step: a percent is stored as basis points. */
export const PERCENT_SCALE = 100;

/** A number of per cent with at most two decimals (12.5 means 12.5 %), or null when it is not one. */
export function percentValue(raw: unknown): number | null {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  const basisPoints = Math.round(raw * PERCENT_SCALE);
  if (Math.abs(basisPoints - raw * PERCENT_SCALE) > 1e-6 || !Number.isSafeInteger(basisPoints)) return null;
  return basisPoints / PERCENT_SCALE;
}

/**
 * The per cents a field may hold: its stored basis points fit a 32-bit column (±21 474 836.47 %)
 * unless the field declares wider bounds (see `storedRange`).
 */
export function percentRange(field: Bounds): Required<Bounds> {
  const scaled = (bound: number | undefined) => (bound === undefined ? undefined : bound * PERCENT_SCALE);
  const range = storedRange({ min: scaled(field.min), max: scaled(field.max) });
  return { min: range.min / PERCENT_SCALE, max: range.max / PERCENT_SCALE };
}

export const percent: FieldTypeTraits = {
  kind: 'number',
  operators: NUMBER_OPERATORS,
  sortable: true,
  operand: (raw, field = {}) => {
    const value = percentValue(raw);
    if (value === null) return { problem: 'must be a number of per cent with at most 2 decimals' };
    const range = percentRange(field);
    return value >= range.min && value <= range.max
      ? value
      : { problem: `must be a number of per cent from ${range.min} to ${range.max}` };
  },
};
