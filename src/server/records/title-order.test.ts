import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { useTestEnv } from '../../../test/harness.ts';

/**
 * Hungarian reads a person's family name first ("Kozma Nikolett"): every title the server makes
 * for a person or an employee follows the reader's language — a reference beside another
 * record, a search hit — while English and Polish keep "Nikolett Kozma".
 */
describe.each(DIALECTS)('title order per language (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const ids = { employee: 0, company: 0, person: 0, employment: 0 };

  const created = async (object: string, values: Record<string, unknown>) => {
    const response = await env().api('POST', `/api/records/${object}`, values);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };
  const read = async (url: string) => {
    const response = await env().api('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Record<string, unknown> & { _expanded: Record<string, { title: string }> }>();
  };

  beforeAll(async () => {
    ids.employee = await created('employee', { first_name: 'Nikolett', last_name: 'Kozma' });
    ids.company = await created('company', { name: 'Győri Kft.', account_manager: ids.employee });
    ids.person = await created('person', {
      first_name: 'Erzsébet',
      last_name: 'Szalai',
      company: ids.company,
    });
    ids.employment = await created('person_employment', {
      person: ids.person,
      company: ids.company,
      position: 'Beszerző',
    });
  });

  it('describes the order in the metadata', async () => {
    const { items } = (await env().api('GET', '/api/metadata/objects')).json<{
      items: Array<{ key: string; titleFields: string[]; titleOrder?: Record<string, string[]> }>;
    }>();
    for (const key of ['person', 'employee']) {
      const meta = items.find((item) => item.key === key);
      expect(meta?.titleFields).toEqual(['first_name', 'last_name']);
      expect(meta?.titleOrder).toEqual({ hu: ['last_name', 'first_name'] });
    }
    expect(items.find((item) => item.key === 'company')?.titleOrder).toBeUndefined();
  });

  it('titles an expanded employee and person family name first in Hungarian only', async () => {
    const company = (locale: string) =>
      read(`/api/records/company/${ids.company}?expand=account_manager&locale=${locale}`);
    expect((await company('hu'))._expanded.account_manager?.title).toBe('Kozma Nikolett');
    expect((await company('pl'))._expanded.account_manager?.title).toBe('Nikolett Kozma');
    expect((await company('en'))._expanded.account_manager?.title).toBe('Nikolett Kozma');

    const employment = (locale: string) =>
      read(`/api/records/person_employment/${ids.employment}?expand=person,company&locale=${locale}`);
    expect((await employment('hu'))._expanded.person?.title).toBe('Szalai Erzsébet');
    expect((await employment('en'))._expanded.person?.title).toBe('Erzsébet Szalai');
    // A company's name has one order in every language.
    expect((await employment('hu'))._expanded.company?.title).toBe('Győri Kft.');
  });

  it('titles search hits in the reader’s order, whatever order was indexed', async () => {
    const hits = async (q: string, locale: string) => {
      const response = await env().api('GET', `/api/search?q=${encodeURIComponent(q)}&locale=${locale}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Array<{ object: string; id: number; title: string }> }>().items;
    };
    const person = (items: Array<{ object: string; id: number; title: string }>) =>
      items.find((hit) => hit.object === 'person' && hit.id === ids.person)?.title;
    expect(person(await hits('szalai', 'hu'))).toBe('Szalai Erzsébet');
    expect(person(await hits('erzsebet szalai', 'hu'))).toBe('Szalai Erzsébet');
    expect(person(await hits('szalai', 'pl'))).toBe('Erzsébet Szalai');
    expect(person(await hits('szalai', 'en'))).toBe('Erzsébet Szalai');
    const company = (await hits('gyori', 'hu')).find(
      (hit) => hit.id === ids.company && hit.object === 'company',
    );
    expect(company?.title).toBe('Győri Kft.');
  });
});
