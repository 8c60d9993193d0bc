import { describe, expect, it } from 'vitest';
import { amountInWords, englishNumber, hungarianNumber, polishNumber } from './index.ts';

describe('Polish amounts in words', () => {
  it.each([
    [100n, 'jeden złoty'],
    [200n, 'dwa złote'],
    [400n, 'cztery złote'],
    [500n, 'pięć złotych'],
    [1200n, 'dwanaście złotych'],
    [1400n, 'czternaście złotych'],
    [2100n, 'dwadzieścia jeden złotych'],
    [2200n, 'dwadzieścia dwa złote'],
    [2400n, 'dwadzieścia cztery złote'],
    [2500n, 'dwadzieścia pięć złotych'],
    [11200n, 'sto dwanaście złotych'],
    [0n, 'zero złotych'],
    [1n, 'zero złotych jeden grosz'],
    [102n, 'jeden złoty dwa grosze'],
    [112n, 'jeden złoty dwanaście groszy'],
    [123n, 'jeden złoty dwadzieścia trzy grosze'],
    [100_000n, 'tysiąc złotych'],
    [200_000n, 'dwa tysiące złotych'],
    [500_000n, 'pięć tysięcy złotych'],
    [1_200_000n, 'dwanaście tysięcy złotych'],
    [2_200_000n, 'dwadzieścia dwa tysiące złotych'],
    [2_500_000n, 'dwadzieścia pięć tysięcy złotych'],
    [123_456n, 'tysiąc dwieście trzydzieści cztery złote pięćdziesiąt sześć groszy'],
    [200_100n, 'dwa tysiące jeden złotych'],
    [100_000_000n, 'milion złotych'],
    [300_000_000n, 'trzy miliony złotych'],
    [1_400_000_000n, 'czternaście milionów złotych'],
    [-500n, 'minus pięć złotych'],
  ])('%i grosze are "%s"', (minor, words) => {
    expect(amountInWords(minor, 'PLN', 'pl')).toBe(words);
  });

  it('names the euro as a neuter noun and other currencies by code', () => {
    expect(amountInWords(100n, 'EUR', 'pl')).toBe('jedno euro');
    expect(amountInWords(205n, 'EUR', 'pl')).toBe('dwa euro pięć centów');
    expect(amountInWords(12_345n, 'CHF', 'pl')).toBe('sto dwadzieścia trzy CHF 45/100');
  });

  it('reaches the int64 range', () => {
    expect(polishNumber(9_223_372_036_854_775_807n)).toBe(
      'dziewięć trylionów dwieście dwadzieścia trzy biliardy trzysta siedemdziesiąt dwa biliony trzydzieści sześć miliardów osiemset pięćdziesiąt cztery miliony siedemset siedemdziesiąt pięć tysięcy osiemset siedem',
    );
  });
});

describe('Hungarian amounts in words', () => {
  it.each([
    [1n, 'egy'],
    [2n, 'kettő'],
    [10n, 'tíz'],
    [12n, 'tizenkettő'],
    [20n, 'húsz'],
    [22n, 'huszonkettő'],
    [100n, 'száz'],
    [222n, 'kétszázhuszonkettő'],
    [1000n, 'ezer'],
    [1001n, 'ezeregy'],
    [1999n, 'ezerkilencszázkilencvenkilenc'],
    [2000n, 'kétezer'],
    [2001n, 'kétezer-egy'],
    [12_345n, 'tizenkétezer-háromszáznegyvenöt'],
    [22_000n, 'huszonkétezer'],
    [1_000_000n, 'egymillió'],
    [1_000_001n, 'egymillió-egy'],
    [3_000_500n, 'hárommillió-ötszáz'],
    [123_456_789n, 'százhuszonhárommillió-négyszázötvenhatezer-hétszáznyolcvankilenc'],
  ])('%i is "%s"', (value, words) => {
    expect(hungarianNumber(value)).toBe(words);
  });

  it('writes forint amounts with the attributive two and the hyphen only above 2,000', () => {
    expect(amountInWords(199_900n, 'HUF', 'hu')).toBe('ezerkilencszázkilencvenkilenc forint');
    expect(amountInWords(200_000n, 'HUF', 'hu')).toBe('kétezer forint');
    expect(amountInWords(200_100n, 'HUF', 'hu')).toBe('kétezer-egy forint');
    expect(amountInWords(200_200n, 'HUF', 'hu')).toBe('kétezer-két forint');
    expect(amountInWords(2_200n, 'HUF', 'hu')).toBe('huszonkét forint');
    expect(amountInWords(1_250n, 'EUR', 'hu')).toBe('tizenkét euró ötven cent');
    expect(amountInWords(12_345n, 'CHF', 'hu')).toBe('százhuszonhárom CHF 45/100');
  });
});

describe('English amounts in words', () => {
  it('reads like a cheque', () => {
    expect(englishNumber(1234n)).toBe('one thousand two hundred thirty-four');
    expect(amountInWords(123_456n, 'PLN', 'en')).toBe('one thousand two hundred thirty-four and 56/100 PLN');
    expect(amountInWords(5_000n, 'JPY', 'en')).toBe('five thousand JPY');
    expect(amountInWords(1_000_005n, 'KWD', 'en')).toBe('one thousand and 005/1000 KWD');
  });
});
