import { describe, expect, it } from 'vitest';
import { createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { staffMember } from '../../../../test/notification-fixtures.ts';
import { dictionaryId, post } from '../../../../test/personal-data-fixtures.ts';
import { importRates, NBP_TABLE_XML } from '../../../../test/pricing-fixtures.ts';
import { expectNothingWritten } from '../../../../test/record-fixtures.ts';
import { installStandardTaxRates, STANDARD_TAX_RATES } from './standard-tax-rates.ts';

const PRICING_TABLES = [
  'tax_rate',
  'exchange_rate',
  'product',
  'price_list',
  'price_list_item',
  'record_history',
];

describe.each(DIALECTS)('prices: tax rates, exchange rates, products and price lists (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  const query = async (object: string, filter: unknown) => {
    const response = await env().api('POST', `/api/records/${object}/query`, { filter, limit: 100 });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Array<Record<string, unknown>> }>().items;
  };

  it('start with the Polish and Hungarian VAT rates, each with its code, kind and first day', async () => {
    const polish = await query('tax_rate', { field: 'country', op: 'eq', value: 'PL' });
    expect(polish.map((rate) => [rate.code, rate.rate, rate.kind]).sort()).toEqual(
      [
        ['0', 0, 'zero'],
        ['23', 23, 'standard'],
        ['5', 5, 'reduced'],
        ['8', 8, 'reduced'],
        ['np', 0, 'not_subject'],
        ['oo', 0, 'reverse_charge'],
        ['zw', 0, 'exempt'],
      ].sort(),
    );
    const hungarian = await query('tax_rate', { field: 'country', op: 'eq', value: 'HU' });
    expect(hungarian.find((rate) => rate.code === '27')).toMatchObject({
      rate: 27,
      valid_from: '2012-01-01',
    });
    // A second start adds nothing: the seeds are known by country, code and first day.
    expect(await installStandardTaxRates(env().services.dialect, new Date().toISOString())).toBe(0);
    expect(STANDARD_TAX_RATES.length).toBe(polish.length + hungarian.length);
  });

  it('refuse a tax rate that ends before it starts, or a second one of a code from the same day', async () => {
    await expectNothingWritten(
      env,
      async () => {
        const backwards = await env().api('POST', '/api/records/tax_rate', {
          name: '7%',
          country: 'PL',
          code: '7',
          rate: 7,
          kind: 'reduced',
          valid_from: '2027-01-01',
          valid_to: '2026-12-31',
        });
        expectError(backwards, 400, 'validation_failed', /valid_to/);
        const twice = await env().api('POST', '/api/records/tax_rate', {
          name: '23% again',
          country: 'PL',
          code: '23',
          rate: 23,
          valid_from: '2011-01-01',
        });
        expectError(twice, 409, 'conflict');
      },
      PRICING_TABLES,
    );
  });

  it('keep an exchange rate to six decimals exactly, refuse a seventh, and one rate per currency, day and source', async () => {
    const rate = await post(env, 'exchange_rate', {
      currency: 'EUR',
      base: 'PLN',
      rate: 4.251234,
      day: '2026-11-27',
      source: 'nbp',
      table_number: '230/A/NBP/2026',
    });
    expect(rate).toMatchObject({ rate: 4.251234, units: 1 });
    const stored = await env()
      .services.dialect.db.selectFrom('exchange_rate')
      .select('rate')
      .where('id', '=', rate.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.rate)).toBe(4_251_234);
    // Filters compare whole steps: 4.251234 is neither below nor above itself.
    expect(await query('exchange_rate', { field: 'rate', op: 'gte', value: 4.251234 })).toHaveLength(1);
    expect(await query('exchange_rate', { field: 'rate', op: 'gt', value: 4.251234 })).toHaveLength(0);

    await expectNothingWritten(
      env,
      async () => {
        const seventh = await env().api('POST', '/api/records/exchange_rate', {
          currency: 'USD',
          base: 'PLN',
          rate: 3.9876543,
          day: '2026-11-27',
        });
        expectError(seventh, 400, 'validation_failed', /at most 6 decimal places/);
        const again = await env().api('POST', '/api/records/exchange_rate', {
          currency: 'EUR',
          base: 'PLN',
          rate: 4.3,
          day: '2026-11-27',
          source: 'nbp',
        });
        expectError(again, 409, 'conflict');
        const unknown = await env().api('POST', '/api/records/exchange_rate', {
          currency: 'XYZ',
          base: 'PLN',
          rate: 1,
          day: '2026-11-27',
        });
        expectError(unknown, 400, 'validation_failed', /currency/);
      },
      PRICING_TABLES,
    );
  });

  it('keep a product with its unit, VAT rate and prices, its code unique', async () => {
    const [vat23] = await query('tax_rate', {
      and: [
        { field: 'country', op: 'eq', value: 'PL' },
        { field: 'code', op: 'eq', value: '23' },
      ],
    });
    const made = await post(env, 'product', {
      name: 'Wdrożenie CRM',
      code: 'SRV-CRM',
      unit: await dictionaryId(env, 'unit', 'hour'),
      tax_rate: vat23?.id,
      list_price: { amount: 25_000, currency: 'PLN' },
    });
    // The unit a create does not name is pieces.
    const plain = await post(env, 'product', { name: 'Licencja', code: 'LIC-1' });
    expect(plain.unit).toBe(await dictionaryId(env, 'unit', 'pcs'));
    expect(made).toMatchObject({ list_price: { amount: 25_000, currency: 'PLN' }, active: true });
    const twice = await env().api('POST', '/api/records/product', { name: 'Other', code: 'SRV-CRM' });
    expectError(twice, 409, 'conflict');
  });

  it('keep price list items in the list currency, from a quantity with three decimals', async () => {
    const product = await post(env, 'product', { name: 'Kabel', code: 'CAB-1' });
    const list = await post(env, 'price_list', {
      name: 'Dealerzy 2027',
      currency: 'PLN',
      valid_from: '2027-01-01',
    });
    const item = await post(env, 'price_list_item', {
      price_list: list.id,
      product: product.id,
      min_quantity: 12.5,
      price: { amount: 990, currency: 'PLN' },
    });
    expect(item).toMatchObject({ min_quantity: 12.5, discount: 0 });
    await expectNothingWritten(
      env,
      async () => {
        const euros = await env().api('POST', '/api/records/price_list_item', {
          price_list: list.id,
          product: product.id,
          price: { amount: 250, currency: 'EUR' },
        });
        expectError(euros, 400, 'validation_failed', /price list's currency, PLN/);
        const tooFine = await env().api('POST', '/api/records/price_list_item', {
          price_list: list.id,
          product: product.id,
          min_quantity: 0.0001,
        });
        expectError(tooFine, 400, 'validation_failed', /at most 3 decimal places/);
        const overHundred = await env().api('POST', '/api/records/price_list_item', {
          price_list: list.id,
          product: product.id,
          discount: 100.5,
        });
        expectError(overHundred, 400, 'validation_failed', /at most 100/);
        const backwards = await env().api('POST', '/api/records/price_list', {
          name: 'Wrong',
          currency: 'PLN',
          valid_from: '2027-02-01',
          valid_to: '2027-01-31',
        });
        expectError(backwards, 400, 'validation_failed', /valid_to/);
      },
      PRICING_TABLES,
    );
  });

  it('import a bank table file as exchange rates once, all or nothing, for those who may create rates', async () => {
    // A day of its own: the rate typed in above is of the file's day.
    const table = NBP_TABLE_XML.replace('2026-11-27', '2026-11-20');
    const first = await importRates(env, table);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ source: 'nbp', days: ['2026-11-20'], imported: 2, alreadyThere: 0 });
    const forint = await query('exchange_rate', {
      and: [
        { field: 'currency', op: 'eq', value: 'HUF' },
        { field: 'day', op: 'eq', value: '2026-11-20' },
      ],
    });
    expect(forint).toEqual([
      expect.objectContaining({
        base: 'PLN',
        units: 100,
        rate: 1.0871,
        source: 'nbp',
        table_number: '230/A/NBP/2026',
      }),
    ]);

    const reader = await staffMember(
      env,
      await createRole(env, [{ object: 'exchange_rate', right: 'read', scope: 'all' }]),
    );
    await expectNothingWritten(
      env,
      async () => {
        // The same file again adds nothing.
        const again = await importRates(env, table);
        expect(again.json()).toMatchObject({ imported: 0, alreadyThere: 2 });
        // One bad rate refuses the whole file.
        const broken = await importRates(
          env,
          table.replace('2026-11-20', '2026-11-28').replace('1,0871', 'n/a'),
        );
        expectError(broken, 400, 'bad_request', /pozycja 2: "n\/a" is not a rate/);
        const html = await importRates(env, '<html><body>Bad gateway</body></html>');
        expectError(html, 400, 'bad_request', /root is <html>/);
        // Reading rates is not enough to write them.
        const refused = await importRates(
          env,
          NBP_TABLE_XML.replace('2026-11-27', '2026-11-29'),
          reader.account.session,
        );
        expect(refused.statusCode, refused.body).toBe(403);
        const notMultipart = await env().api('POST', '/api/exchange-rates/import', { file: NBP_TABLE_XML });
        expect(notMultipart.statusCode).toBe(415);
      },
      PRICING_TABLES,
    );
  });
});
