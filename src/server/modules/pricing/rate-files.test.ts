import { describe, expect, it } from 'vitest';
import { NBP_TABLE_XML } from '../../../../test/pricing-fixtures.ts';
import { AppError } from '../../errors.ts';
import { readRateTable } from './rate-files.ts';

const NBP_API_JSON = JSON.stringify([
  {
    table: 'A',
    no: '231/A/NBP/2026',
    effectiveDate: '2026-11-30',
    rates: [
      { currency: 'dolar amerykański', code: 'USD', mid: 3.9321 },
      { currency: 'euro', code: 'EUR', mid: 4.2498 },
    ],
  },
]);

const NBP_API_XML = `<ArrayOfExchangeRatesTable xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<ExchangeRatesTable><Table>A</Table><No>231/A/NBP/2026</No><EffectiveDate>2026-11-30</EffectiveDate>
<Rates><Rate><Currency>euro</Currency><Code>EUR</Code><Mid>4.2498</Mid></Rate></Rates></ExchangeRatesTable>
</ArrayOfExchangeRatesTable>`;

const MNB_XML = `<MNBExchangeRates>
  <Day date="2026-11-26"><Rate unit="1" curr="EUR">391,12</Rate><Rate unit="100" curr="JPY">245,70</Rate></Day>
  <Day date="2026-11-27"><Rate unit="1" curr="EUR">390,85</Rate></Day>
</MNBExchangeRates>`;

const ECB_XML = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube><Cube time="2026-11-27"><Cube currency="USD" rate="1.0812"/><Cube currency="HUF" rate="390.93"/></Cube></Cube>
</gesmes:Envelope>`;

function refusal(text: string): string {
  try {
    readRateTable(text);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 400) return error.message;
    throw error;
  }
  throw new Error('the file was read');
}

describe('bank table files', () => {
  it('reads an NBP table with its number, the day and the units a currency is quoted in', () => {
    expect(readRateTable(NBP_TABLE_XML)).toEqual([
      {
        currency: 'EUR',
        base: 'PLN',
        units: 1,
        rate: '4.2512',
        day: '2026-11-27',
        source: 'nbp',
        tableNumber: '230/A/NBP/2026',
      },
      {
        currency: 'HUF',
        base: 'PLN',
        units: 100,
        rate: '1.0871',
        day: '2026-11-27',
        source: 'nbp',
        tableNumber: '230/A/NBP/2026',
      },
    ]);
  });

  it("reads the NBP API's JSON and XML", () => {
    expect(readRateTable(NBP_API_JSON).map((r) => [r.currency, r.rate, r.day, r.tableNumber])).toEqual([
      ['USD', '3.9321', '2026-11-30', '231/A/NBP/2026'],
      ['EUR', '4.2498', '2026-11-30', '231/A/NBP/2026'],
    ]);
    expect(readRateTable(NBP_API_XML).map((r) => [r.currency, r.rate, r.units])).toEqual([
      ['EUR', '4.2498', 1],
    ]);
  });

  it('reads MNB rates in forints, each under its day', () => {
    expect(readRateTable(MNB_XML).map((r) => [r.day, r.currency, r.base, r.units, r.rate])).toEqual([
      ['2026-11-26', 'EUR', 'HUF', 1, '391.12'],
      ['2026-11-26', 'JPY', 'HUF', 100, '245.70'],
      ['2026-11-27', 'EUR', 'HUF', 1, '390.85'],
    ]);
  });

  it('reads ECB reference rates as the price of one euro in each currency', () => {
    expect(readRateTable(ECB_XML).map((r) => [r.currency, r.base, r.rate, r.source])).toEqual([
      ['EUR', 'USD', '1.0812', 'ecb'],
      ['EUR', 'HUF', '390.93', 'ecb'],
    ]);
  });

  it('refuses what is no such table, naming why', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('Date;USD\n2026-11-27;1.08')).toMatch(/neither XML nor JSON/);
    expect(refusal('<html><body>Not found</body></html>')).toMatch(/root is <html>/);
    expect(refusal('<tabela_kursow><pozycja>')).toMatch(/not well formed/);
    expect(refusal(NBP_TABLE_XML.replace('4,2512', '4,25121234'))).toMatch(
      /pozycja 1: "4,25121234" is not a rate/,
    );
    expect(refusal(NBP_TABLE_XML.replace('HUF', 'XXY'))).toMatch(/"XXY" is not a currency code/);
    expect(refusal(MNB_XML.replace('2026-11-27', '27.11.2026'))).toMatch(/not a day/);
    expect(refusal('[{"effectiveDate":"2026-11-30","rates":[]}]')).toMatch(/no rates/);
  });
});
