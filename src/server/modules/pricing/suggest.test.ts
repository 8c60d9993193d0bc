import { beforeAll, describe, expect, it } from 'vitest';
import { createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { staffMember } from '../../../../test/notification-fixtures.ts';
import { post } from '../../../../test/personal-data-fixtures.ts';
import { type ApiRecord, createCompany } from '../../../../test/record-fixtures.ts';

describe.each(DIALECTS)('the price an offer line starts from (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let product: ApiRecord;
  let dealer: ApiRecord;
  let walkIn: ApiRecord;

  const suggest = async (query: Record<string, string | number>) => {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
    const response = await env().api('GET', `/api/prices/suggest?${search}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    product = await post(env, 'product', {
      name: 'Czujnik ruchu',
      code: 'PIR-100',
      list_price: { amount: 10_000, currency: 'PLN' },
    });
    const dealers = await post(env, 'company_group', { name: 'Dealerzy' });
    dealer = await createCompany(env, { name: 'Hurt Elektro', groups: [dealers.id] });
    walkIn = await createCompany(env, { name: 'Jan Kowalski Usługi' });
    const everyone = await post(env, 'price_list', {
      name: 'Cennik 2027',
      currency: 'PLN',
      valid_from: '2027-01-01',
    });
    const forDealers = await post(env, 'price_list', {
      name: 'Dealerzy 2027',
      currency: 'PLN',
      company_group: dealers.id,
      valid_from: '2027-01-01',
      valid_to: '2027-12-31',
    });
    // For everyone: 95 zł from 1, 90 zł from 10.
    await post(env, 'price_list_item', {
      price_list: everyone.id,
      product: product.id,
      price: { amount: 9_500, currency: 'PLN' },
    });
    await post(env, 'price_list_item', {
      price_list: everyone.id,
      product: product.id,
      min_quantity: 10,
      price: { amount: 9_000, currency: 'PLN' },
    });
    // Dealers: 12.5 % off the list price.
    await post(env, 'price_list_item', { price_list: forDealers.id, product: product.id, discount: 12.5 });
    // A list in euros does not answer for złoty.
    const euros = await post(env, 'price_list', {
      name: 'Export',
      currency: 'EUR',
      valid_from: '2027-01-01',
    });
    await post(env, 'price_list_item', {
      price_list: euros.id,
      product: product.id,
      price: { amount: 2_200, currency: 'EUR' },
    });
  });

  it("takes the client's group list first, then the largest quantity reached, else the list price", async () => {
    const base = { product: product.id, currency: 'PLN', day: '2027-03-01' };
    expect(await suggest({ ...base, company: dealer.id, quantity: 20 })).toMatchObject({
      unitPrice: { amount: 8_750, currency: 'PLN' },
      discount: 12.5,
      source: { kind: 'price_list' },
    });
    expect((await suggest({ ...base, company: walkIn.id, quantity: 3 })).unitPrice).toEqual({
      amount: 9_500,
      currency: 'PLN',
    });
    expect((await suggest({ ...base, company: walkIn.id, quantity: 10 })).unitPrice).toEqual({
      amount: 9_000,
      currency: 'PLN',
    });
    expect((await suggest({ ...base, quantity: 9.999 })).unitPrice).toEqual({
      amount: 9_500,
      currency: 'PLN',
    });
    // After the dealers' list ends, dealers get the general price; before any list, the list price.
    expect(
      (await suggest({ ...base, day: '2028-01-05', company: dealer.id, quantity: 1 })).unitPrice,
    ).toEqual({
      amount: 9_500,
      currency: 'PLN',
    });
    expect(await suggest({ ...base, day: '2026-06-01' })).toEqual({
      unitPrice: { amount: 10_000, currency: 'PLN' },
      discount: 0,
      source: { kind: 'list_price' },
    });
    expect((await suggest({ ...base, currency: 'eur' })).unitPrice).toEqual({
      amount: 2_200,
      currency: 'EUR',
    });
    expect(await suggest({ ...base, currency: 'HUF' })).toEqual({
      unitPrice: null,
      discount: 0,
      source: { kind: 'none' },
    });
  });

  it('refuses a bad question and answers only about products the reader may read', async () => {
    const bad = await env().api(
      'GET',
      `/api/prices/suggest?product=${product.id}&currency=PL&day=2027-01-01`,
    );
    expect(bad.statusCode).toBe(400);
    const noDay = await env().api('GET', `/api/prices/suggest?product=${product.id}&currency=PLN&day=soon`);
    expect(noDay.statusCode).toBe(400);
    const stranger = await staffMember(
      env,
      await createRole(env, [{ object: 'company', right: 'read', scope: 'all' }]),
    );
    const hidden = await env().api(
      'GET',
      `/api/prices/suggest?product=${product.id}&currency=PLN&day=2027-01-01`,
      undefined,
      stranger.account.session,
    );
    expect(hidden.statusCode).toBe(403);
  });
});
