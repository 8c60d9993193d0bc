import { describe, expect, it } from 'vitest';
import { codeFromText, codeProblem, MAX_CODE_LENGTH, matchesSearch } from './codes.ts';

describe('codeFromText', () => {
  it('makes lower-case ASCII with underscores, Polish and Hungarian letters included', () => {
    expect(codeFromText('Usługi finansowe', [])).toBe('uslugi_finansowe');
    expect(codeFromText('Żółć & Gęś', [])).toBe('zolc_ges');
    expect(codeFromText('Vendéglátás, szálloda', [])).toBe('vendeglatas_szalloda');
    expect(codeFromText('Őrző-védő ÜZLET', [])).toBe('orzo_vedo_uzlet');
    expect(codeFromText('  --IT / Software--  ', [])).toBe('it_software');
  });

  it('falls back to "value" when nothing of the text is left', () => {
    expect(codeFromText('???', [])).toBe('value');
    expect(codeFromText('Москва', [])).toBe('value');
  });

  it('adds a number when the code is taken in the dictionary', () => {
    expect(codeFromText('Retail', ['retail'])).toBe('retail_2');
    expect(codeFromText('Retail', ['retail', 'retail_2', 'retail_3'])).toBe('retail_4');
    expect(codeFromText('???', ['value'])).toBe('value_2');
  });

  it('keeps within the length the server takes, suffix included', () => {
    const long = 'a'.repeat(80);
    expect(codeFromText(long, [])).toHaveLength(MAX_CODE_LENGTH);
    const suffixed = codeFromText(long, ['a'.repeat(MAX_CODE_LENGTH)]);
    expect(suffixed).toBe(`${'a'.repeat(MAX_CODE_LENGTH - 2)}_2`);
    // No underscore left dangling where the text was cut.
    expect(codeFromText(`${'a'.repeat(49)} b`, [])).toBe('a'.repeat(49));
  });
});

describe('codeProblem', () => {
  it('accepts letters, digits, underscores and hyphens that are not taken', () => {
    expect(codeProblem('new_value-2', ['other'])).toBeNull();
    expect(codeProblem('D', ['A', 'B', 'C'])).toBeNull();
  });

  it('names what is wrong', () => {
    expect(codeProblem('', [])).toBe('required');
    expect(codeProblem('x'.repeat(51), [])).toBe('tooLong');
    expect(codeProblem('with space', [])).toBe('format');
    expect(codeProblem('zażółć', [])).toBe('format');
    expect(codeProblem('retail', ['retail'])).toBe('taken');
  });
});

describe('matchesSearch', () => {
  it('ignores case and accents, and matches anywhere in the label', () => {
    expect(matchesSearch('Łódź i okolice', 'lodz')).toBe(true);
    expect(matchesSearch('Győri fiók', 'GYOR')).toBe(true);
    expect(matchesSearch('Software', ' soft ')).toBe(true);
    expect(matchesSearch('Software', 'hardware')).toBe(false);
  });

  it('matches everything while nothing is typed', () => {
    expect(matchesSearch('Software', '  ')).toBe(true);
  });
});
