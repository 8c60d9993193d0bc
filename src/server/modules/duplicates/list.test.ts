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

  it('refuses a bad cursor and objects without duplicate rules', async () => {
    expectError(await env().api('GET', '/api/records/company/duplicates?cursor=xyz'), 400, 'bad_request');
    expectError(await env().api('GET', '/api/records/company_group/duplicates'), 400, 'bad_request');
    expectError(await env().api('GET', '/api/records/company/duplicates?limit=0'), 400, 'validation_failed');
  });
});
