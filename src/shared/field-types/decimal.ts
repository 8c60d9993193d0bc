import { formatScaled, parseScaled } from '../money/arithmetic.ts';
import { type Bounds, type FieldTypeTraits, NUMBER_OPERATORS } from './kinds.ts';

/**
 * A number with a fixed count of decimals (`FieldMeta.scale`, 0–6): a quantity of 2.125 kg
 * (3), an exchange rate of 4.251234 (6). Stored as a whole number of its smallest step in a
 * 64-bit column (2.125 at scale 3 is 2125), so sums and comparisons are exact; on the wire it is
 * a JSON number with at most `scale` decimals.
 */
export const DEFAULT_DECIMAL_SCALE = 2;
export const MAX_DECIMAL_SCALE = 6;

export interface DecimalBounds extends Bounds {
  readonly scale?: number;
}

export function decimalScale(field: DecimalBounds): number {
  return field.scale ?? DEFAULT_DECIMAL_SCALE;
}

/** The stored whole number of steps of a value, or null when it has more decimals than the scale. */
export function decimalSteps(raw: unknown, scale: number): number | null {
  if (typeof raw !== 'number' && typeof raw !== 'string') return null;
  const parsed = parseScaled(raw, scale);
  if (!parsed.ok) return null;
  // Values travel as JSON numbers, so the steps stay within what a double counts exactly.
  const steps = Number(parsed.value);
  return Number.isSafeInteger(steps) ? steps : null;
}

/** The API value of stored steps: the double nearest the decimal, which JSON writes back exactly. */
export function decimalFromSteps(steps: number | bigint, scale: number): number {
  return Number(formatScaled(BigInt(steps), scale));
}

/** The value's range: the field's own bounds, else what a double carries at this scale exactly. */
export function decimalRange(field: DecimalBounds): Required<Bounds> {
  const largest = Number.MAX_SAFE_INTEGER / 10 ** decimalScale(field);
  return { min: field.min ?? -Math.floor(largest), max: field.max ?? Math.floor(largest) };
}

/** Why a value does not fit the field (too many decimals, or out of range), or null when it does. */
export function decimalIssue(
  value: number | string,
  field: DecimalBounds,
): { code: 'type' | 'too_small' | 'too_large'; message: string } | null {
  const scale = decimalScale(field);
  const parsed = parseScaled(value, scale);
  if (!parsed.ok && !/range/.test(parsed.reason))
    return {
      code: 'type',
      message:
        scale === 0
          ? 'must be a whole number'
          : `must be a number with at most ${scale} decimal place${scale === 1 ? '' : 's'}`,
    };
  const { min, max } = decimalRange(field);
  const number = Number(value);
  if (number < min) return { code: 'too_small', message: `must be at least ${min}` };
  if (number > max) return { code: 'too_large', message: `must be at most ${max}` };
  return null;
}

export function decimalProblem(value: number | string, field: DecimalBounds): string | null {
  return decimalIssue(value, field)?.message ?? null;
}

export const decimal: FieldTypeTraits = {
  kind: 'number',
  operators: NUMBER_OPERATORS,
  sortable: true,
  operand: (raw, field: DecimalBounds = {}) => {
    const problem = typeof raw === 'number' ? decimalProblem(raw, field) : 'must be a number';
    return problem === null ? (raw as number) : { problem };
  },
};
