import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  type ApiRecord,
  createCompany,
  type ListBody,
  readCompany,
} from '../../../../test/record-fixtures.ts';

describe.each(DIALECTS)('the client card’s child records (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const post = async (object: string, body: Record<string, unknown>) => {
    const response = await env().api('POST', `/api/records/${object}`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ApiRecord>();
  };
  const list = async (object: string, filter: unknown) =>
    (await env().api('POST', `/api/records/${object}/query`, { filter })).json<ListBody>().items;
  const dictionaryId = async (dictionary: string, code: string) =>
    Number(
      (
        await env()
          .services.dialect.db.selectFrom('dictionary_value')
          .select('id')
          .where('dictionary', '=', dictionary)
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id,
    );

  it('keeps one main address and shows it on the company, where the list filters by city', async () => {
    const company = await createCompany(env, { name: 'Adresowo' });
    const registered = await post('address', {
      company: company.id,
      kind: await dictionaryId('address_kind', 'registered'),
      street: 'ul. Piotrkowska',
      building: '12/4',
      postal_code: '90-001',
      city: 'Łódź',
      country: 'PL',
      is_main: true,
    });
    expect(await readCompany(env, company.id)).toMatchObject({
      street: 'ul. Piotrkowska 12/4',
      postal_code: '90-001',
      city: 'Łódź',
      country: 'PL',
    });
    const delivery = await post('address', {
      company: company.id,
      kind: await dictionaryId('address_kind', 'delivery'),
      street: 'Váci út 1',
      postal_code: '1062',
      city: 'Budapest',
      country: 'HU',
    });
    expect((await readCompany(env, company.id)).city).toBe('Łódź');
    // Making the delivery address the main one unmarks the registered office.
    const promoted = await env().api('PATCH', `/api/records/address/${delivery.id}`, {
      is_main: true,
      version: delivery.version,
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect((await env().api('GET', `/api/records/address/${registered.id}`)).json<ApiRecord>().is_main).toBe(
      false,
    );
    expect(await readCompany(env, company.id)).toMatchObject({
      city: 'Budapest',
      country: 'HU',
      postal_code: '1062',
    });
    const inBudapest = await list('company', { field: 'city', op: 'eq', value: 'Budapest' });
    expect(inBudapest.map((item) => item.id)).toContain(company.id);
    // The company's history says its address changed.
    const history = (await env().api('GET', `/api/records/company/${company.id}/history`)).json<{
      items: Array<{ field: string | null; newValue: unknown }>;
    }>();
    expect(history.items).toContainEqual(expect.objectContaining({ field: 'city', newValue: 'Budapest' }));
  });

  it('turns an address typed on the card into the main address record', async () => {
    const company = await createCompany(env, {
      name: 'Kártya Kft.',
      city: 'Szeged',
      country: 'HU',
      postal_code: '6720',
    });
    const addresses = await list('address', { field: 'company', op: 'eq', value: company.id });
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({ city: 'Szeged', country: 'HU', postal_code: '6720', is_main: true });
    const current = await readCompany(env, company.id);
    await env().api('PATCH', `/api/records/company/${company.id}`, {
      city: 'Debrecen',
      postal_code: '4024',
      version: current.version,
    });
    const after = await list('address', { field: 'company', op: 'eq', value: company.id });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ city: 'Debrecen', postal_code: '4024' });
  });

  it('refuses an address postal code that does not fit its country, and writes nothing', async () => {
    const company = await createCompany(env, { name: 'Kody' });
    const refused = await env().api('POST', '/api/records/address', {
      company: company.id,
      city: 'Warszawa',
      country: 'PL',
      postal_code: '1011',
      is_main: true,
    });
    expectError(refused, 400, 'validation_failed', /postal_code/);
    expect((await readCompany(env, company.id)).city).toBeNull();
  });

  it('keeps a person’s past employment when they move to another company', async () => {
    const first = await createCompany(env, { name: 'Pierwsza' });
    const second = await createCompany(env, { name: 'Druga' });
    const person = await post('person', {
      first_name: 'Barbara',
      last_name: 'Nowak',
      company: first.id,
      position: 'CFO',
    });
    expect(person.name_day).toBe('12-04');
    const moved = await env().api('PATCH', `/api/records/person/${person.id}`, {
      company: second.id,
      version: person.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const jobs = await list('person_employment', { field: 'person', op: 'eq', value: person.id });
    // The job left behind is history; where they work now is the person's own company.
    expect(jobs.map((job) => [job.company, job.position, job.ended_on !== null])).toEqual([
      [first.id, 'CFO', true],
    ]);
    const again = await env().api('PATCH', `/api/records/person/${person.id}`, {
      company: first.id,
      position: 'CEO',
      version: person.version + 1,
    });
    expect(again.statusCode, again.body).toBe(200);
    const both = await list('person_employment', { field: 'person', op: 'eq', value: person.id });
    expect(both.map((job) => [job.company, job.position])).toEqual(
      expect.arrayContaining([
        [first.id, 'CFO'],
        [second.id, 'CFO'],
      ]),
    );
  });

  it('fills the name day from the first name (Hungarian calendar too), keeps one that is given', async () => {
    expect((await post('person', { first_name: 'Katalin', last_name: 'Szabó' })).name_day).toBe('11-25');
    expect(
      (await post('person', { first_name: 'Barbara', last_name: 'K', name_day: '06-01' })).name_day,
    ).toBe('06-01');
    expect((await post('person', { first_name: 'Xyzzy', last_name: 'Q' })).name_day).toBeNull();
    const refused = await env().api('POST', '/api/records/person', {
      first_name: 'A',
      last_name: 'B',
      name_day: '02-30',
    });
    expectError(refused, 400, 'validation_failed', /name_day/);
  });

  it('reads a person’s phone typed without a country code as one of their company’s country', async () => {
    const hungarian = await createCompany(env, { name: 'Telefon Kft.', country: 'HU' });
    const person = await post('person', {
      first_name: 'Ádám',
      last_name: 'Kiss',
      company: hungarian.id,
      mobile: '06 30 123 4567',
    });
    expect(person.mobile).toBe('+36301234567');
  });

  it('records consents per channel and filters people by them through a path', async () => {
    const person = await post('person', { first_name: 'Anna', last_name: 'Zgoda' });
    const email = await dictionaryId('consent_channel', 'email');
    await post('consent', {
      person: person.id,
      channel: email,
      recorded_at: '2026-11-01T10:00:00Z',
      source: 'Newsletter form',
      text_version: 'v3',
    });
    const given = await list('consent', {
      and: [
        { field: 'channel', op: 'eq', value: email },
        { field: 'given', op: 'eq', value: true },
        { field: 'person.last_name', op: 'eq', value: 'Zgoda' },
      ],
    });
    expect(given.map((item) => item.person)).toEqual([person.id]);
  });

  it('keeps money in financial years and one row per company and year', async () => {
    const company = await createCompany(env, { name: 'Finanse' });
    const year = await post('financial_year', {
      company: company.id,
      year: 2025,
      revenue: { amount: 12_345_678_90, currency: 'PLN' },
      profit: { amount: -1_000_00, currency: 'PLN' },
    });
    expect(year.revenue).toEqual({ amount: 1234567890, currency: 'PLN' });
    const again = await env().api('POST', '/api/records/financial_year', { company: company.id, year: 2025 });
    expectError(again, 409, 'conflict');
    const account = await post('bank_account', {
      company: company.id,
      iban: 'pl61 1090 1014 0000 0712 1981 2874',
      currency: 'pln',
    });
    expect(account).toMatchObject({ iban: 'PL61109010140000071219812874', currency: 'PLN' });
  });
});
