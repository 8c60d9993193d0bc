import { describe, expect, it } from 'vitest';
import { decimal as traits } from '../../../shared/field-types/decimal.ts';
import type { FieldDefinition } from '../define-object.ts';
import { field as declare } from '../define-object.ts';
import { serverType } from './registry.ts';

const rate: FieldDefinition = {
  ...declare.decimal({ en: 'Rate', pl: 'Kurs', hu: 'Árfolyam' }, 6),
  key: 'rate',
  system: false,
  column: 'rate',
  columns: [{ name: 'rate', type: 'bigint' }],
};
const type = serverType(rate);
const check = (raw: unknown) => type.check(raw, rate, { country: null });

describe('decimal fields', () => {
  it('take numbers with at most their scale of decimals and refuse the rest', () => {
    expect(check(4.251234)).toEqual({ value: 4.251234 });
    expect(check(-0.000001)).toEqual({ value: -0.000001 });
    expect(check(4.2512345)).toMatchObject({ issue: { code: 'type' } });
    expect(check('4.25')).toMatchObject({ issue: { code: 'type' } });
    expect(check(1e10)).toMatchObject({ issue: { code: 'too_large' } });
  });

  it('store whole steps and read back the same number', () => {
    expect(type.encode(4.251234, rate, undefined as never)).toEqual({ rate: 4_251_234 });
    expect(type.decode({ rate: 4_251_234 }, rate, undefined as never)).toBe(4.251234);
    // PostgreSQL returns int8 as text; better-sqlite3 may return a BigInt.
    expect(type.decode({ rate: '4251234' }, rate, undefined as never)).toBe(4.251234);
    expect(type.decode({ rate: 4_251_234n }, rate, undefined as never)).toBe(4.251234);
    expect(type.encodeOperand(0.1, undefined as never, rate)).toBe(100_000);
  });

  it('read imported text in either decimal separator', () => {
    const context = { timeZone: 'Europe/Warsaw', currency: 'PLN' };
    expect(type.fromText?.('4,251234', rate, context)).toEqual({ value: 4.251234 });
    expect(type.fromText?.('1 234.5', rate, context)).toEqual({ value: 1234.5 });
    expect(type.fromText?.('4,2512345', rate, context)).toMatchObject({ issue: { code: 'type' } });
  });

  it('refuse filter operands with more decimals than the field keeps', () => {
    expect(traits.operand(1.5, rate)).toBe(1.5);
    expect(traits.operand(1.0000001, rate)).toEqual({
      problem: 'must be a number with at most 6 decimal places',
    });
    expect(traits.operand('1', rate)).toEqual({ problem: 'must be a number' });
  });

  it('are declared with a scale of 0 to 6', () => {
    expect(() => declare.decimal({ en: 'X', pl: 'X', hu: 'X' }, 7)).toThrow(/scale/);
  });
});
