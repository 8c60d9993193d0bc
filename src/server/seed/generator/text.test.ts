import { describe, expect, it } from 'vitest';
import { dayNumber, emailWord, foldDiacritics, isoDate, slugify } from './text.ts';

describe('text helpers', () => {
  it('folds Polish, Hungarian and other diacritics', () => {
    expect(foldDiacritics('Łódź Żółć Gęślą')).toBe('Lodz Zolc Gesla');
    expect(foldDiacritics('Győr Hűvösvölgyi Ödön')).toBe('Gyor Huvosvolgyi Odon');
    expect(foldDiacritics('Zoë Siân Brontë')).toBe('Zoe Sian Bronte');
  });

  it('makes domain slugs and e-mail words', () => {
    expect(slugify('Bielsko-Biała')).toBe('bielsko-biala');
    expect(slugify('  Przedsiębiorstwo „Żuraw” ')).toBe('przedsiebiorstwo-zuraw');
    expect(slugify('Pannon-Hő')).toBe('pannon-ho');
    expect(emailWord("O'Brien")).toBe('obrien');
    expect(emailWord('Ó Briain')).toBe('obriain');
    expect(emailWord('Szőke')).toBe('szoke');
  });

  it('converts dates both ways, leap days included', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(isoDate(0)).toBe('1970-01-01');
    const mismatches: string[] = [];
    for (let day = dayNumber('1900-01-01'); day <= dayNumber('2100-12-31'); day += 7) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoDate(day) !== expected) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => dayNumber('2026-13-01')).toThrow(RangeError);
    expect(() => dayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => dayNumber('23.11.2026')).toThrow(RangeError);
  });
});
