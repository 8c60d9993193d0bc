import { describe, expect, it } from 'vitest';
import { companyNameKey, personNameKey } from './name-key.ts';

describe('companyNameKey', () => {
  it('reads a Polish company the same with its legal form abbreviated, spelt out or left out', () => {
    const key = companyNameKey('Kowalski Sp. z o.o.');
    expect(key).toBe('kowalski');
    for (const name of [
      'KOWALSKI spółka z ograniczoną odpowiedzialnością',
      'Kowalski sp.z o.o.',
      'Kowalski Sp. z o. o.',
      'Kowalski spzoo',
      'kowalski',
      '  Kowalski ,  Sp. z o.o. ',
      'Kowalski S.A.',
      'Kowalski Spółka Akcyjna',
      'Kowalski sp.j.',
      'Kowalski Spółka Komandytowa',
      'Kowalski i S-ka',
      'Kowalski Sp. z o.o. w likwidacji',
      'Kowalski Sp. z o.o. Sp.k.',
    ]) {
      expect(companyNameKey(name), name).toBe(key);
    }
  });

  it('folds accents and case, and runs the words together', () => {
    expect(companyNameKey('Łódzkie Zakłady Włókiennicze')).toBe('lodzkiezakladywlokiennicze');
    expect(companyNameKey('LODZKIE zaklady-wlokiennicze')).toBe('lodzkiezakladywlokiennicze');
    expect(companyNameKey('P.H.U. "Żuraw"')).toBe(companyNameKey('PHU Żuraw'));
    expect(companyNameKey('Győri Keksz Kft.')).toBe(
      companyNameKey('GYORI KEKSZ korlátolt felelősségű társaság'),
    );
  });

  it('knows the Hungarian legal forms', () => {
    for (const name of [
      'Szabó és Társa Bt.',
      'Szabó és Társa Betéti Társaság',
      'Szabó és Társa Kkt.',
      'Szabó és Társa Zrt.',
      'Szabó és Társa Nyrt.',
      'Szabó és Társa Kft.',
      'Szabó és Társa Nonprofit Kft.',
      'Szabó és Társa Kft. v.a.',
    ]) {
      expect(companyNameKey(name), name).toBe('szaboestarsa');
    }
  });

  it('knows English and international legal forms', () => {
    for (const name of [
      'Acme Ltd',
      'ACME Limited',
      'Acme LLC',
      'Acme, Inc.',
      'Acme Corp.',
      'Acme PLC',
      'Acme & Co',
      'Acme GmbH',
      'Acme GmbH & Co. KG',
      'Acme AG',
      'Acme S.A.',
      'Acme S.à r.l.',
      'Acme s.r.o.',
      'Acme spol. s r.o.',
      'Acme B.V.',
      'Acme AB',
    ]) {
      expect(companyNameKey(name), name).toBe('acme');
    }
  });

  it('never strips a name down to nothing, and tells different names apart', () => {
    expect(companyNameKey('Kft.')).toBe('kft');
    expect(companyNameKey('S.A.')).toBe('sa');
    expect(companyNameKey('Nowak Sp. z o.o.')).not.toBe(companyNameKey('Kowalski Sp. z o.o.'));
    expect(companyNameKey('Kowalski Transport Sp. z o.o.')).toBe('kowalskitransport');
  });

  it('has no key for no name', () => {
    expect(companyNameKey('')).toBeNull();
    expect(companyNameKey(' .,- ')).toBeNull();
    expect(companyNameKey(null)).toBeNull();
    expect(companyNameKey(42)).toBeNull();
  });
});

describe('personNameKey', () => {
  it('folds accents and case, and does not care which name is first', () => {
    const key = personNameKey('István', 'Nagy');
    expect(key).toBe('istvan nagy');
    expect(personNameKey('ISTVAN', 'nagy')).toBe(key);
    expect(personNameKey('Nagy', 'István')).toBe(key);
    expect(personNameKey('Łukasz', 'Żółć-Wójcik')).toBe(personNameKey('lukasz', 'zolc wojcik'));
  });

  it('keeps the two names apart', () => {
    expect(personNameKey('Anna Maria', 'Kowalska')).not.toBe(personNameKey('Anna', 'Maria Kowalska'));
  });

  it('has no key without a name', () => {
    expect(personNameKey('', '  ')).toBeNull();
    expect(personNameKey('Jan', null)).toBe('jan');
  });
});
