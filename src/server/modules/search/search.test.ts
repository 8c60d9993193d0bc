import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, type TestAccount } from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import type { Session } from '../../../../test/harness.ts';
import { useTestEnv } from '../../../../test/harness.ts';

interface Hit {
  object: string;
  id: number;
  title: string;
  subtitle: string | null;
  facts: Array<{ field: string; label: string; value: string }>;
  matched: 'title' | 'other';
}

interface Counts {
  objects: Array<{ object: string; count: number; exact: boolean }>;
  total: number;
  exact: boolean;
}

describe.each(DIALECTS)('global search (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const ids = { kowalczyk: 0, kowalski: 0, kowalczykLogistics: 0, anna: 0, jan: 0, garden: 0 };
  let world: World;
  let seller: TestAccount;

  const search = async (query: string, session?: Session) => {
    const response = await env().api('GET', `/api/search?${query}`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Hit[]; counts?: Counts }>();
  };
  const position = (hits: Hit[], id: number, object: string) => {
    const index = hits.findIndex((hit) => hit.id === id && hit.object === object);
    expect(index, `${object} ${id} among ${hits.map((hit) => hit.title).join(', ')}`).toBeGreaterThanOrEqual(
      0,
    );
    return index;
  };

  beforeAll(async () => {
    world = await buildWorld(env);
    ids.kowalczyk = await createAs(env, 'company', {
      name: 'Kowalczyk',
      city: 'Łódź',
      tax_id: '7251801126',
      email: 'biuro@kowalczyk.pl',
      account_manager: world.employees.me,
    });
    // Anna works at Kowalczyk: her e-mail carries its domain, so "kowal" finds her too.
    ids.anna = await createAs(env, 'person', {
      first_name: 'Anna',
      last_name: 'Nowak',
      email: 'anna.nowak@kowalczyk.pl',
      company: ids.kowalczyk,
    });
    ids.garden = await createAs(env, 'company', {
      name: 'Zielony Ogród',
      city: 'Kowalewo',
      account_manager: world.employees.outsider,
    });
    ids.jan = await createAs(env, 'person', {
      first_name: 'Jan',
      last_name: 'Kowalski',
      company: ids.garden,
    });
    ids.kowalczykLogistics = await createAs(env, 'company', {
      name: 'Kowalczyk Logistyka',
      account_manager: world.employees.outsider,
    });
    // Created last, so the newest: recency does not put it above the better title matches.
    ids.kowalski = await createAs(env, 'company', {
      name: 'Kowalski Sp. z o.o.',
      account_manager: world.employees.outsider,
    });
    const role = await createRole(env, [
      { object: 'company', right: 'read', scope: 'own' },
      { object: 'person', right: 'read', scope: 'own' },
      { object: 'company_group', right: 'read', scope: 'all' },
    ]);
    seller = await createAccount(env, [role], world.employees.me);
  });

  it('lists records whose own title matches before those matched through other fields', async () => {
    const { items } = await search('q=kowal&limit=20');
    const kowalczyk = position(items, ids.kowalczyk, 'company');
    const kowalski = position(items, ids.kowalski, 'company');
    const jan = position(items, ids.jan, 'person');
    const anna = position(items, ids.anna, 'person');
    const garden = position(items, ids.garden, 'company');
    // Titles starting with the query, then a title with a word starting with it, then the rest.
    expect(Math.max(kowalczyk, kowalski)).toBeLessThan(jan);
    expect(jan).toBeLessThan(Math.min(anna, garden));
    expect(items[kowalczyk]?.matched).toBe('title');
    expect(items[jan]?.matched).toBe('title');
    expect(items[anna]?.matched).toBe('other');
    expect(items[garden]?.matched).toBe('other');
  });

  it('puts an exact title first, then titles that start with the query', async () => {
    const { items } = await search('q=Kowalczyk');
    expect(items.slice(0, 2).map((hit) => hit.id)).toEqual([ids.kowalczyk, ids.kowalczykLogistics]);
    expect(items.map((hit) => hit.id)).toContain(ids.anna);
    // Several words: "kowalski sp" starts the title "Kowalski Sp. z o.o." whatever the punctuation.
    expect((await search('q=kowalski%20sp')).items[0]?.id).toBe(ids.kowalski);
    expect((await search('q=JAN%20kowal')).items[0]).toMatchObject({ id: ids.jan, matched: 'title' });
  });

  it('finds an old title match among more newer matches than are ranked', async () => {
    const { services } = env();
    const zebra = await createAs(env, 'company', { name: 'Zebra' });
    // Newer documents matching "zebra" elsewhere, beyond the window of newest matches ranked.
    await services.dialect.insertSearchDocuments(
      services.dialect.db,
      Array.from({ length: 1100 }, (_, index) => ({
        object: 'company',
        recordId: 1_000_000 + index,
        title: `Filler ${index}`,
        text: `filler ${index} zebrastreifen`,
      })),
    );
    const { items } = await search('q=zebra&limit=5');
    expect(items[0]).toMatchObject({ id: zebra, title: 'Zebra', matched: 'title' });
  });

  it('labels the subtitle facts in the reader’s language and keeps the joined subtitle', async () => {
    const polish = (await search('q=kowalczyk&locale=pl')).items.find((hit) => hit.id === ids.kowalczyk);
    expect(polish?.subtitle).toBe('Łódź · 7251801126');
    expect(polish?.facts).toEqual([
      { field: 'city', label: 'Miejscowość', value: 'Łódź' },
      { field: 'tax_id', label: 'NIP', value: '7251801126' },
    ]);
    const english = (await search('q=kowalczyk&locale=en')).items.find((hit) => hit.id === ids.kowalczyk);
    expect(english?.facts.map((fact) => fact.label)).toEqual(['City', 'Tax ID']);
    const anna = (await search('q=anna%20nowak&locale=hu')).items.find((hit) => hit.id === ids.anna);
    expect(anna?.facts).toEqual([{ field: 'company', label: 'Cég', value: 'Kowalczyk' }]);
  });

  it('counts matches per object', async () => {
    const { counts } = await search('q=kowal&count=true');
    expect(counts?.objects).toEqual(
      expect.arrayContaining([
        { object: 'company', count: 4, exact: true },
        { object: 'person', count: 2, exact: true },
      ]),
    );
    expect(counts).toMatchObject({ total: 6, exact: true });
    expect((await search('q=kowal')).counts).toBeUndefined();
  });

  it('counts and finds only what a restricted reader may read', async () => {
    const { items, counts } = await search('q=kowal&count=true', seller.session);
    // The seller owns Kowalczyk and, through it, Anna; the other companies and Jan are not theirs.
    expect(items.map((hit) => `${hit.object}:${hit.id}`).sort()).toEqual(
      [`company:${ids.kowalczyk}`, `person:${ids.anna}`].sort(),
    );
    expect(counts).toEqual({
      objects: expect.arrayContaining([
        { object: 'company', count: 1, exact: true },
        { object: 'person', count: 1, exact: true },
      ]),
      total: 2,
      exact: true,
    });
    expect(counts?.objects).toHaveLength(2);
    // No right on employees: not counted, not even as zero.
    const staff = await search('q=test&count=true', seller.session);
    expect(staff.counts?.objects.map((entry) => entry.object)).not.toContain('employee');
  });

  it('finds groups by name, within the reader’s rights, and by their new name after a rename', async () => {
    const group = await createAs(env, 'company_group', { name: 'Dealerzy Mazowsze' });
    const people = await createAs(env, 'person_group', { name: 'Życzenia świąteczne' });
    const dealers = await search('q=dealerzy');
    expect(dealers.items[0]).toMatchObject({ object: 'company_group', id: group, matched: 'title' });
    const wishes = await search('q=zyczenia%20swi');
    expect(wishes.items[0]).toMatchObject({
      object: 'person_group',
      id: people,
      title: 'Życzenia świąteczne',
    });
    // The seller reads company groups but not person groups.
    expect((await search('q=dealerzy', seller.session)).items.map((hit) => hit.id)).toEqual([group]);
    expect((await search('q=zyczenia', seller.session)).items).toEqual([]);
    // Renamed: the old name no longer finds it.
    expect(
      (await env().api('PATCH', `/api/records/company_group/${group}`, { name: 'Hurtownicy', version: 1 }))
        .statusCode,
    ).toBe(200);
    expect((await search('q=dealerzy')).items).toEqual([]);
    expect((await search('q=hurtow')).items.map((hit) => hit.id)).toEqual([group]);
  });
});
