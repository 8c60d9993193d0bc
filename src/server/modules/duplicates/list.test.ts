import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, type TestAccount } from '../../../../test/access-fixtures.ts';
import { buildWorld } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { uniqueMobile, uniqueNip } from '../../../../test/duplicate-fixtures.ts';
import { expectError } from '../../../../test/errors.ts';
import type { Session } from '../../../../test/harness.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import type { DuplicateGroup, DuplicateGroupPage } from '../../../shared/duplicates/types.ts';

describe.each(DIALECTS)('GET /api/records/:object/duplicates (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const ids: Record<string, number> = {};
  let seller: TestAccount;

  const page = async (object: string, query = '', session?: Session): Promise<DuplicateGroupPage> => {
    const response = await env().api('GET', `/api/records/${object}/duplicates?${query}`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DuplicateGroupPage>();
  };
  const summary = (groups: DuplicateGroup[]) =>
    groups.map((g) => [g.code, g.field, g.value, g.records.map((r) => r.id)]);

  beforeAll(async () => {
    const world = await buildWorld(env);
    const me = world.employees.me;
    const other = world.employees.outsider;
    const nip = uniqueNip();
    const mobile = uniqueMobile();
    const company = async (key: string, values: Record<string, unknown>) => {
      ids[key] = await createAs(env, 'company', { account_manager: me, ...values });
    };
    await company('tax1', { name: 'Alpha', country: 'PL', tax_id: nip });
    await company('tax2', { name: 'Beta', country: 'PL', tax_id: nip });
    await company('mail1', { name: 'Gamma', email: 'Office@Same.pl' });
    await company('mail2', { name: 'Delta', email: 'office@same.pl', account_manager: other });
    await company('phone1', { name: 'Epsilon', country: 'PL', phone: mobile });
    await company('phone2', { name: 'Zeta', country: 'PL', phone: mobile });
    await company('phone3', { name: 'Eta', country: 'PL', phone: mobile });
    await company('name1', { name: 'Kowalski Sp. z o.o.', city: 'Łódź' });
    await company('name2', { name: 'KOWALSKI spółka z ograniczoną odpowiedzialnością', city: 'LODZ' });
    await company('name3', { name: 'Kowalski S.A.', city: 'Kraków' });
    await company('trashed', { name: 'Kowalski S.A.', city: 'Łódź' });
    expect((await env().api('DELETE', `/api/records/company/${ids.trashed}`)).statusCode).toBe(204);
    await createAs(env, 'person', { first_name: 'Anna', last_name: 'Nowak', company: ids.tax1 });
    ids.anna1 = await createAs(env, 'person', { first_name: 'Anna', last_name: 'Nowak', company: ids.tax2 });
    ids.anna2 = await createAs(env, 'person', { first_name: 'ANNA', last_name: 'nowák', company: ids.tax2 });
    const role = await createRole(env, [{ object: 'company', right: 'read', scope: 'own' }]);
    seller = await createAccount(env, [role], me);
  });

  it('lists groups of records sharing a value, strongest reason first', async () => {
    const { items, nextCursor } = await page('company');
    expect(nextCursor).toBeNull();
    expect(summary(items)).toEqual([
      ['taxId', 'tax_id', expect.any(String), [ids.tax1, ids.tax2]],
      ['email', 'email', 'office@same.pl', [ids.mail1, ids.mail2]],
      ['phone', 'phone', expect.stringMatching(/^\+48/), [ids.phone1, ids.phone2, ids.phone3]],
      ['nameCity', 'name', null, [ids.name1, ids.name2]],
    ]);
    expect(items.map((g) => g.score)).toEqual([95, 80, 70, 60]);
    expect(items[1]?.reasons).toEqual([{ code: 'email', field: 'email', value: 'office@same.pl' }]);
    expect(items[3]?.reasons).toEqual([{ code: 'nameCity', field: 'name' }]);
    expect(items[3]?.records[1]).toEqual({
      id: ids.name2,
      title: 'KOWALSKI spółka z ograniczoną odpowiedzialnością',
    });
  });

  it('groups people by name at the same company', async () => {
    const { items } = await page('person');
    expect(summary(items)).toEqual([['nameCompany', 'first_name', null, [ids.anna1, ids.anna2]]]);
  });

  it('pages by cursor without losing or repeating a group', async () => {
    const all = (await page('company')).items;
    const seen: DuplicateGroup[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 10; round++) {
      const next: DuplicateGroupPage = await page('company', `limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...next.items);
      cursor = next.nextCursor;
      if (!cursor) break;
    }
    expect(summary(seen)).toEqual(summary(all));
  });

  it('shows a reader only groups of records they may see', async () => {
    const { items } = await page('company', '', seller.session);
    // The e-mail group had one record of someone else's: a single visible record is no group.
    expect(items.map((g) => g.code)).toEqual(['taxId', 'phone', 'nameCity']);
  });

  it('describes the reasons of a group in the OpenAPI document', async () => {
    const document = (await env().api('GET', '/api/openapi.json')).json();
    const listed = JSON.stringify(document.paths['/api/records/{object}/duplicates'].get.responses);
    expect(listed).toContain('"reasons"');
    expect(listed).toContain('Every reason the records share');
  });

  it('refuses a bad cursor and objects without duplicate rules', async () => {
    expectError(await env().api('GET', '/api/records/company/duplicates?cursor=xyz'), 400, 'bad_request');
    expectError(await env().api('GET', '/api/records/company_group/duplicates'), 400, 'bad_request');
    expectError(await env().api('GET', '/api/records/company/duplicates?limit=0'), 400, 'validation_failed');
  });
});

describe.each(DIALECTS)('GET /api/records/:object/duplicates: one entry per set (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const ids: Record<string, number> = {};
  const nips: string[] = [];
  const mobiles: string[] = [];
  let seller: TestAccount;

  const page = async (object: string, query = '', session?: Session): Promise<DuplicateGroupPage> => {
    const response = await env().api('GET', `/api/records/${object}/duplicates?${query}`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DuplicateGroupPage>();
  };
  /** Each entry as its records and its reasons' codes, strongest first. */
  const sets = (groups: DuplicateGroup[]) =>
    groups.map((g) => [g.records.map((r) => r.id), g.reasons.map((r) => r.code)]);
  const group = (...keys: string[]) => keys.map((key) => ids[key]);

  beforeAll(async () => {
    const world = await buildWorld(env);
    const me = world.employees.me;
    const other = world.employees.outsider;
    nips.push(uniqueNip(), uniqueNip(), uniqueNip());
    mobiles.push(uniqueMobile(), uniqueMobile());
    const [n1, n2, n3] = nips;
    const [m1, m2] = mobiles;
    const company = async (key: string, values: Record<string, unknown>) => {
      ids[key] = await createAs(env, 'company', { account_manager: me, country: 'PL', ...values });
    };
    // One client entered twice: same NIP, e-mail (another case) and name in the same city.
    await company('a1', { name: 'Orzeł Sp. z o.o.', city: 'Gdańsk', tax_id: n1, email: 'Biuro@Orzel.pl' });
    await company('a2', {
      name: 'ORZEŁ spółka z ograniczoną odpowiedzialnością',
      city: 'GDANSK',
      tax_id: n1,
      email: 'biuro@orzel.pl',
    });
    await company('p1', { name: 'Pelikan', phone: m1 });
    await company('p2', { name: 'Sokół', phone: m1 });
    // The e-mail groups two of three same-named companies; the name all three.
    await company('s1', { name: 'Wrona S.A.', city: 'Poznań', email: 'wrona@wrona.pl' });
    await company('s2', { name: 'Wrona S.A.', city: 'Poznań', email: 'wrona@wrona.pl' });
    await company('s3', { name: 'Wrona S.A.', city: 'Poznań' });
    // The phone groups three; the name two of them.
    await company('t1', { name: 'Czapla', city: 'Kraków', phone: m2 });
    await company('t2', { name: 'Czapla', city: 'Kraków', phone: m2 });
    await company('t3', { name: 'Bocian', city: 'Kraków', phone: m2 });
    // The NIP groups two; the e-mail those two and one only the administrator sees.
    await company('u1', { name: 'Jeż', tax_id: n2, email: 'jez@jez.pl' });
    await company('u2', { name: 'Kret', tax_id: n2, email: 'jez@jez.pl' });
    await company('u3', { name: 'Mysz', email: 'jez@jez.pl', account_manager: other });
    // A pair the reader sees only half of.
    await company('v1', { name: 'Dudek', city: 'Opole', tax_id: n3, email: 'dudek@dudek.pl' });
    await company('v2', {
      name: 'Dudek',
      city: 'Opole',
      tax_id: n3,
      email: 'dudek@dudek.pl',
      account_manager: other,
    });
    ids.jan1 = await createAs(env, 'person', {
      first_name: 'Jan',
      last_name: 'Kowal',
      company: ids.a1,
      email: 'Jan@Orzel.pl',
    });
    ids.jan2 = await createAs(env, 'person', {
      first_name: 'JAN',
      last_name: 'Kowal',
      company: ids.a1,
      email: 'jan@orzel.pl',
    });
    const role = await createRole(env, [{ object: 'company', right: 'read', scope: 'own' }]);
    seller = await createAccount(env, [role], me);
  });

  it('lists a set of records once, with every reason they share', async () => {
    const { items, nextCursor } = await page('company');
    expect(nextCursor).toBeNull();
    expect(sets(items)).toEqual([
      [group('a1', 'a2'), ['taxId', 'email', 'nameCity']],
      [group('u1', 'u2'), ['taxId', 'email']],
      [group('v1', 'v2'), ['taxId', 'email', 'nameCity']],
      [group('u1', 'u2', 'u3'), ['email']],
      [group('s1', 's2'), ['email', 'nameCity']],
      [group('p1', 'p2'), ['phone']],
      [group('t1', 't2', 't3'), ['phone']],
      // Listed under the name, yet the phone is their strongest reason: it groups a third record.
      [group('t1', 't2'), ['phone', 'nameCity']],
      [group('s1', 's2', 's3'), ['nameCity']],
    ]);
    expect(items[0]).toMatchObject({
      code: 'taxId',
      field: 'tax_id',
      value: nips[0],
      score: 100,
      reasons: [
        { code: 'taxId', field: 'tax_id', value: nips[0] },
        { code: 'email', field: 'email', value: 'biuro@orzel.pl' },
        { code: 'nameCity', field: 'name' },
      ],
    });
    expect(items[0]?.reasons[2]).not.toHaveProperty('value');
    expect(items[5]).toMatchObject({
      code: 'phone',
      value: mobiles[0],
      score: 70,
      reasons: [{ code: 'phone', field: 'phone', value: mobiles[0] }],
    });
    expect(items[7]).toMatchObject({ code: 'phone', field: 'phone', value: mobiles[1], score: 88 });
  });

  it('lists people sharing an e-mail and a name at one company once', async () => {
    const { items } = await page('person');
    expect(sets(items)).toEqual([
      [
        [ids.jan1, ids.jan2],
        ['email', 'nameCompany'],
      ],
    ]);
    expect(items[0]?.value).toBe('jan@orzel.pl');
  });

  it('never repeats a set across pages, however small', async () => {
    const all = sets((await page('company')).items);
    for (const limit of [1, 2, 4]) {
      const seen: DuplicateGroup[] = [];
      let cursor: string | null = null;
      for (let round = 0; round < 20; round++) {
        const next: DuplicateGroupPage = await page(
          'company',
          `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(next.items.length).toBeLessThanOrEqual(limit);
        seen.push(...next.items);
        cursor = next.nextCursor;
        if (!cursor) break;
      }
      expect(sets(seen)).toEqual(all);
    }
  });

  it('decides what is the same set by what the reader sees', async () => {
    const { items } = await page('company', '', seller.session);
    // The NIP and e-mail groups of u1 and u2 are one set for this reader; of v1 and v2 only v1 is theirs.
    expect(sets(items)).toEqual([
      [group('a1', 'a2'), ['taxId', 'email', 'nameCity']],
      [group('u1', 'u2'), ['taxId', 'email']],
      [group('s1', 's2'), ['email', 'nameCity']],
      [group('p1', 'p2'), ['phone']],
      [group('t1', 't2', 't3'), ['phone']],
      [group('t1', 't2'), ['phone', 'nameCity']],
      [group('s1', 's2', 's3'), ['nameCity']],
    ]);
    expect(items.every((g) => g.records.length >= 2)).toBe(true);
  });
});
