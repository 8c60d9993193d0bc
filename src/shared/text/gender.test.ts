import { describe, expect, it } from 'vitest';
import { polishGender } from './gender.ts';

describe('polishGender', () => {
  it('reads Polish first names ending in -a as feminine, others as masculine', () => {
    expect(polishGender('Helena')).toBe('feminine');
    expect(polishGender('Małgorzata')).toBe('feminine');
    expect(polishGender('Jan')).toBe('masculine');
    expect(polishGender('Bartłomiej')).toBe('masculine');
  });

  it('knows the male names ending in -a and the female names that do not', () => {
    for (const name of ['Kuba', 'Barnaba', 'Bonawentura', 'Kosma', 'Attila', 'Gyula', 'Csaba'])
      expect(polishGender(name), name).toBe('masculine');
    for (const name of ['Beatrycze', 'Nel', 'Noemi', 'Nikolett', 'Erzsébet', 'Enikő', 'Alice', 'Zoë'])
      expect(polishGender(name), name).toBe('feminine');
  });

  it('ignores case and spaces and goes by the first word of a compound name', () => {
    expect(polishGender('  HELENA ')).toBe('feminine');
    expect(polishGender('KUBA')).toBe('masculine');
    expect(polishGender('Anna Maria')).toBe('feminine');
    expect(polishGender('Jan Maria')).toBe('masculine');
    expect(polishGender('Anna-Maria')).toBe('feminine');
  });

  it('gives no gender without a name', () => {
    expect(polishGender('')).toBeUndefined();
    expect(polishGender('   ')).toBeUndefined();
    expect(polishGender(null)).toBeUndefined();
    expect(polishGender(undefined)).toBeUndefined();
    expect(polishGender('—')).toBeUndefined();
  });
});
