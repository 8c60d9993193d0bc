import { describe, expect, it } from 'vitest';
import {
  instantFromLocalInput,
  instantFromPickerValue,
  parseTypedDate,
  parseTypedDateTime,
  pickerValueFromInstant,
} from './datetime-input.ts';

describe('typed dates', () => {
  it("reads each language's own order", () => {
    expect(parseTypedDate('05.03.2027', 'pl')).toBe('2027-03-05');
    expect(parseTypedDate('5.3.2027', 'pl')).toBe('2027-03-05');
    expect(parseTypedDate('2027.03.05.', 'hu')).toBe('2027-03-05');
    expect(parseTypedDate('2027. 03. 05.', 'hu')).toBe('2027-03-05');
    expect(parseTypedDate('2027.3.5', 'hu')).toBe('2027-03-05');
    expect(parseTypedDate('05/03/2027', 'en')).toBe('2027-03-05');
  });

  it('takes ISO dates in every language and not another language’s order', () => {
    for (const locale of ['en', 'pl', 'hu'] as const)
      expect(parseTypedDate('2027-03-05', locale)).toBe('2027-03-05');
    expect(parseTypedDate('05.03.2027', 'hu')).toBeNull();
    expect(parseTypedDate('05.03.2027', 'en')).toBeNull();
    expect(parseTypedDate('05/03/2027', 'pl')).toBeNull();
  });

  it('sets nothing while the date is incomplete or not a real day', () => {
    expect(parseTypedDate('05.03.202', 'pl')).toBeNull();
    expect(parseTypedDate('05.03.', 'pl')).toBeNull();
    expect(parseTypedDate('', 'pl')).toBeNull();
    expect(parseTypedDate('31.02.2027', 'pl')).toBeNull();
    expect(parseTypedDate('29.02.2028', 'pl')).toBe('2028-02-29');
    expect(parseTypedDate('01.13.2027', 'pl')).toBeNull();
    expect(parseTypedDate('2027.02.30.', 'hu')).toBeNull();
  });

  it('reads a date with a time of day, a bare date being midnight', () => {
    expect(parseTypedDateTime('05.03.2027 14:30', 'pl')).toBe('2027-03-05 14:30:00');
    expect(parseTypedDateTime('2027.03.05. 9:05', 'hu')).toBe('2027-03-05 09:05:00');
    expect(parseTypedDateTime('05/03/2027 23:59', 'en')).toBe('2027-03-05 23:59:00');
    expect(parseTypedDateTime('05.03.2027', 'pl')).toBe('2027-03-05 00:00:00');
    expect(parseTypedDateTime('05.03.2027 14:3', 'pl')).toBeNull();
    expect(parseTypedDateTime('05.03.2027 24:00', 'pl')).toBeNull();
    expect(parseTypedDateTime('05.03.2027 12:60', 'pl')).toBeNull();
  });
});

describe('instants in the inputs', () => {
  it("holds an instant on the browser's clock in the picker's form and back", () => {
    const instant = instantFromLocalInput('2026-03-01T09:30');
    expect(pickerValueFromInstant(instant)).toBe('2026-03-01 09:30:00');
    expect(instantFromPickerValue('2026-03-01 09:30:00')).toBe(instant);
    expect(instantFromPickerValue('2026-03-01')).toBe(instantFromLocalInput('2026-03-01T00:00'));
    expect(pickerValueFromInstant('not a date')).toBeNull();
    expect(instantFromPickerValue(null)).toBeNull();
  });
});
