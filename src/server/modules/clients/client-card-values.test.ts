import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  type ApiRecord,
  createCompany,
  expectNothingWritten,
  type ListBody,
  readCompany,
} from '../../../../test/record-fixtures.ts';

/** The field issues of a 400, as `field: code`. */
function issues(body: string): string[] {
  const error = (
    JSON.parse(body) as { error: { details?: { fields?: Array<{ field: string; code: string }> } } }
  ).error;
  return (error.details?.fields ?? []).map((issue) => `${issue.field}: ${issue.code}`);
}

describe.each(DIALECTS)('the client card checks and normalises its numbers (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('stores a Polish NIP as digits whatever the separators, and refuses a wrong checksum', async () => {
    const company = await createCompany(env, { country: 'pl', tax_id: '774-000-14-54', regon: '123456785' });
    expect(company).toMatchObject({ country: 'PL', tax_id: '7740001454', regon: '123456785' });
    await expectNothingWritten(env, async () => {
      const refused = await env().api('POST', '/api/records/company', {
        name: 'Wrong NIP',
        country: 'PL',
        tax_id: '7740001455',
        regon: '123456784',
      });
      expectError(refused, 400, 'validation_failed');
      expect(issues(refused.body)).toEqual(['tax_id: format', 'regon: format']);
    });
  });

  it('reads the national tax number by the record’s country, also when only the number changes', async () => {
    const company = await createCompany(env, { country: 'HU', tax_id: '10625790-4-44' });
    expect(company.tax_id).toBe('10625790444');
    // A Polish NIP is not a Hungarian adószám: the stored country decides.
    const refused = await env().api('PATCH', `/api/records/company/${company.id}`, {
      tax_id: '7740001454',
      version: company.version,
    });
    expectError(refused, 400, 'validation_failed', /tax_id/);
    const moved = await env().api('PATCH', `/api/records/company/${company.id}`, {
      country: 'PL',
      tax_id: '7740001454',
      version: company.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('normalises phones to E.164 with the record’s country and refuses what is not a number', async () => {
    const polish = await createCompany(env, { country: 'PL', phone: '601 234 567', postal_code: '00950' });
    expect(polish).toMatchObject({ phone: '+48601234567', postal_code: '00-950' });
    const hungarian = await createCompany(env, {
      country: 'HU',
      phone: '06 30 123 4567',
      postal_code: '1011',
    });
    expect(hungarian).toMatchObject({ phone: '+36301234567', postal_code: '1011' });
    const british = await createCompany(env, { country: 'GB', phone: '+44 20 7946 0958' });
    expect(british.phone).toBe('+442079460958');
    await expectNothingWritten(env, async () => {
      const refused = await env().api('POST', '/api/records/company', {
        name: 'Bad numbers',
        country: 'PL',
        phone: '12',
        postal_code: '1011',
      });
      expectError(refused, 400, 'validation_failed');
      expect(issues(refused.body)).toEqual(['phone: format', 'postal_code: format']);
    });
  });

  it('keeps money as minor units with its currency, filters and sorts by the amount', async () => {
    const small = await createCompany(env, {
      name: 'Small',
      credit_limit: { amount: 99_99, currency: 'pln' },
    });
    const big = await createCompany(env, {
      name: 'Big',
      credit_limit: { amount: 9_007_199_254_740_99, currency: 'EUR' },
    });
    expect(small.credit_limit).toEqual({ amount: 9999, currency: 'PLN' });
    expect((await readCompany(env, big.id)).credit_limit).toEqual({
      amount: 900719925474099,
      currency: 'EUR',
    });
    const list = await env().api('POST', '/api/records/company/query', {
      filter: { field: 'credit_limit', op: 'gt', value: 10_000 },
      sort: [{ field: 'credit_limit', direction: 'desc' }],
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<ListBody>().items.map((item: ApiRecord) => item.name)).toEqual(['Big']);
    await expectNothingWritten(env, async () => {
      for (const credit_limit of [
        { amount: 10.5, currency: 'PLN' },
        { amount: 100, currency: 'XYZ' },
        { amount: -1, currency: 'PLN' },
        12.5,
      ]) {
        const refused = await env().api('POST', '/api/records/company', { name: 'Bad money', credit_limit });
        expectError(refused, 400, 'validation_failed', /credit_limit/);
      }
    });
  });

  it('takes ratings from 1 to 5 only', async () => {
    expect((await createCompany(env, { satisfaction: 5 })).satisfaction).toBe(5);
    for (const satisfaction of [0, 6, 2.5]) {
      const refused = await env().api('POST', '/api/records/company', { name: 'Rated', satisfaction });
      expectError(refused, 400, 'validation_failed', /satisfaction/);
    }
  });

  it('dates the status when it changes, and only then', async () => {
    const { api, services } = env();
    // The standard statuses every installation has.
    const statusId = async (code: string) =>
      Number(
        (
          await services.dialect.db
            .selectFrom('dictionary_value')
            .select('id')
            .where('dictionary', '=', 'company_status')
            .where('code', '=', code)
            .executeTakeFirstOrThrow()
        ).id,
      );
    const [prospect, active] = [await statusId('prospect'), await statusId('active')];
    const company = await createCompany(env, { status: prospect });
    expect(company.status_changed_at).toBe(company.created_at);
    const renamed = await api('PATCH', `/api/records/company/${company.id}`, { name: 'Renamed', version: 1 });
    expect(renamed.json<ApiRecord>().status_changed_at).toBe(company.created_at);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const promoted = await api('PATCH', `/api/records/company/${company.id}`, { status: active, version: 2 });
    const after = promoted.json<ApiRecord>();
    expect(after.status_changed_at).toBe(after.updated_at);
    expect(after.status_changed_at).not.toBe(company.created_at);
    const stale = await api('POST', '/api/records/company/query', {
      filter: { field: 'status_changed_at', op: 'lt', value: company.created_at },
    });
    expect(stale.json<ListBody>().items).toEqual([]);
    const readOnly = await api('PATCH', `/api/records/company/${company.id}`, {
      status_changed_at: '2020-01-01T00:00:00Z',
      version: 3,
    });
    expectError(readOnly, 400, 'validation_failed', /status_changed_at/);
  });
});
