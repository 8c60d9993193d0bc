import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';

describe.each(DIALECTS)('records CRUD over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('creates, reads, updates with version, deletes to trash and restores', async () => {
    const { api } = env();
    const created = await api('POST', '/api/records/company', {
      name: '  Łódzka Fabryka Sp. z o.o. ',
      city: 'Łódź',
    });
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({
      name: 'Łódzka Fabryka Sp. z o.o.',
      city: 'Łódź',
      version: 1,
      deleted_at: null,
    });
    expect(company.created_by).toBeTypeOf('number');

    const read = await api('GET', `/api/records/company/${company.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().name).toBe('Łódzka Fabryka Sp. z o.o.');

    const updated = await api('PATCH', `/api/records/company/${company.id}`, { city: 'Kraków', version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ city: 'Kraków', version: 2 });

    const stale = await api('PATCH', `/api/records/company/${company.id}`, { city: 'Gdańsk', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ city: 'Kraków', version: 2 });

    const history = await api('GET', `/api/records/company/${company.id}/history`);
    expect(history.json().items[0]).toMatchObject({
      action: 'update',
      field: 'city',
      oldValue: 'Łódź',
      newValue: 'Kraków',
    });

    expect((await api('DELETE', `/api/records/company/${company.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/records/company/${company.id}`)).statusCode).toBe(404);
    const trash = await api('GET', '/api/records/company?deleted=only');
    expect(trash.json().items.map((c: { id: number }) => c.id)).toContain(company.id);

    const restored = await api('POST', `/api/records/company/${company.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deleted_at: null, version: 4 });
  });

  it('keeps group memberships and expands references', async () => {
    const { api } = env();
    const group = (await api('POST', '/api/records/company_group', { name: 'Dealers' })).json();
    const industry = (
      await api('POST', '/api/records/dictionary_value', {
        dictionary: 'industry',
        code: 'it',
        label_en: 'IT',
        label_pl: 'Informatyka',
        label_hu: 'Informatika',
      })
    ).json();
    const company = await api('POST', '/api/records/company', {
      name: 'Győri Kft.',
      industry: industry.id,
      groups: [group.id],
    });
    expect(company.statusCode).toBe(201);
    const expanded = await api(
      'GET',
      `/api/records/company/${company.json().id}?expand=industry,groups&locale=pl`,
    );
    expect(expanded.json()).toMatchObject({
      groups: [group.id],
      _expanded: {
        industry: { id: industry.id, title: 'Informatyka', code: 'it' },
        groups: [{ id: group.id, title: 'Dealers' }],
      },
    });
    const wrongDictionary = await api('POST', '/api/records/company', { name: 'X', status: industry.id });
    expect(wrongDictionary.statusCode).toBe(400);
    expect(wrongDictionary.json().error.details.fields[0]).toMatchObject({
      field: 'status',
      code: 'not_found',
    });
  });

  it('filters, sorts in the reader alphabet and pages with a cursor', async () => {
    const { api } = env();
    for (const name of [
      'Lublin Sp.',
      'Łańcut S.A.',
      'Mława Bt.',
      'Ostrava',
      'Ödön Kft.',
      'Őrség Zrt.',
      'Pécs Nyrt.',
    ]) {
      expect((await api('POST', '/api/records/company', { name, city: 'Sorttown' })).statusCode).toBe(201);
    }
    const names = async (locale: string) => {
      const result: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await api('POST', '/api/records/company/query', {
          filter: { field: 'city', op: 'eq', value: 'Sorttown' },
          sort: [{ field: 'name', direction: 'asc' }],
          limit: 2,
          cursor,
          locale,
        });
        expect(response.statusCode).toBe(200);
        const page = response.json();
        result.push(...page.items.map((c: { name: string }) => c.name));
        cursor = page.nextCursor;
      } while (cursor);
      return result;
    };
    expect(await names('pl')).toEqual(
      ['Lublin Sp.', 'Łańcut S.A.', 'Mława Bt.', 'Ödön Kft.', 'Ostrava', 'Őrség Zrt.', 'Pécs Nyrt.'].sort(
        (a, b) => new Intl.Collator('pl').compare(a, b),
      ),
    );
    const hungarian = await names('hu');
    expect(hungarian.indexOf('Ostrava')).toBeLessThan(hungarian.indexOf('Ödön Kft.'));
    expect(hungarian.indexOf('Ödön Kft.')).toBeLessThan(hungarian.indexOf('Pécs Nyrt.'));
    const polish = await names('pl');
    expect(polish.indexOf('Lublin Sp.')).toBeLessThan(polish.indexOf('Łańcut S.A.'));
    expect(polish.indexOf('Łańcut S.A.')).toBeLessThan(polish.indexOf('Mława Bt.'));
  });

  it('finds records by global search without accents', async () => {
    const { api } = env();
    const company = (
      await api('POST', '/api/records/company', { name: 'Zakłady Mięsne Łódź', city: 'Łódź' })
    ).json();
    await api('POST', '/api/records/person', {
      first_name: 'Zoltán',
      last_name: 'Győri',
      company: company.id,
      position: 'Kereskedelmi igazgató',
    });
    const lodz = (await api('GET', '/api/search?q=lodz')).json();
    // The subtitle tells same-named records apart: a company's city, a person's company and post.
    expect(lodz.items).toContainEqual(
      expect.objectContaining({ object: 'company', title: 'Zakłady Mięsne Łódź', subtitle: 'Łódź' }),
    );
    const gyor = (await api('GET', '/api/search?q=gyo')).json();
    expect(gyor.items).toContainEqual(
      expect.objectContaining({
        object: 'person',
        title: 'Zoltán Győri',
        subtitle: 'Zakłady Mięsne Łódź · Kereskedelmi igazgató',
      }),
    );
  });
});
