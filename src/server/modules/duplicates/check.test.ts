import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAs, createRole, type TestAccount } from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { duplicatesOf, ids, uniqueMobile, uniqueNip } from '../../../../test/duplicate-fixtures.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';

describe.each(DIALECTS)('POST /api/records/:object/duplicates (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const company = (values: Record<string, unknown>) => createAs(env, 'company', values);

  it('finds the same tax id however it is typed', async () => {
    const nip = uniqueNip();
    const id = await company({ name: 'Tax One', country: 'PL', tax_id: nip });
    const typed = `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
    const found = await duplicatesOf(env, 'company', {
      name: 'Quite Different',
      country: 'PL',
      tax_id: typed,
    });
    expect(found).toEqual([
      { id, title: 'Tax One', score: 95, reasons: [{ code: 'taxId', field: 'tax_id' }] },
    ]);
  });

  it('finds the same e-mail whatever its case, and the same phone however it is typed', async () => {
    const mobile = uniqueMobile();
    const byEmail = await company({ name: 'Mail One', email: 'Biuro@Mail-One.pl' });
    const byPhone = await company({ name: 'Phone One', country: 'PL', phone: mobile });
    const found = await duplicatesOf(env, 'company', {
      name: 'Someone',
      email: 'biuro@MAIL-ONE.pl',
      country: 'PL',
      phone: `${mobile.slice(3, 6)} ${mobile.slice(6, 9)} ${mobile.slice(9)}`,
    });
    expect(found).toEqual([
      { id: byEmail, title: 'Mail One', score: 80, reasons: [{ code: 'email', field: 'email' }] },
      { id: byPhone, title: 'Phone One', score: 70, reasons: [{ code: 'phone', field: 'phone' }] },
    ]);
  });

  it("compares a client's further phones and e-mails too", async () => {
    const mobile = uniqueMobile();
    const id = await company({ name: 'Switchboard Co', country: 'PL' });
    await createAs(env, 'company_phone', { company: id, phone: mobile });
    await createAs(env, 'company_email', { company: id, email: 'Billing@Switchboard.pl' });
    const found = await duplicatesOf(env, 'company', {
      name: 'Another',
      country: 'PL',
      phone: mobile,
      email: 'billing@switchboard.pl',
    });
    expect(found).toEqual([
      {
        id,
        title: 'Switchboard Co',
        score: 94,
        reasons: [
          { code: 'email', field: 'company_email.email' },
          { code: 'phone', field: 'company_phone.phone' },
        ],
      },
    ]);
  });

  it('finds a similar name in the same city, legal form, accents and case aside', async () => {
    const id = await company({ name: 'Kowalski Sp. z o.o.', city: 'Łódź' });
    await company({ name: 'Kowalski Sp. z o.o.', city: 'Kraków' });
    const found = await duplicatesOf(env, 'company', {
      name: 'KOWALSKI spółka z ograniczoną odpowiedzialnością',
      city: 'LODZ',
    });
    expect(found).toEqual([
      { id, title: 'Kowalski Sp. z o.o.', score: 60, reasons: [{ code: 'nameCity', field: 'name' }] },
    ]);
    // Without a city to compare, the name alone is a weaker hint, in any city.
    const withoutCity = await duplicatesOf(env, 'company', { name: 'Kowalski S.A.' });
    expect(withoutCity).toHaveLength(2);
    expect(withoutCity.every((c) => c.score === 40 && c.reasons[0]?.code === 'name')).toBe(true);
    expect(await duplicatesOf(env, 'company', { name: 'Kowalski Sp. z o.o.', city: 'Győr' })).toEqual([]);
  });

  it('knows Hungarian legal forms and counts several reasons together', async () => {
    const mobile = uniqueMobile();
    const id = await company({ name: 'Győri Keksz Kft.', city: 'Győr', country: 'PL', phone: mobile });
    const [found] = await duplicatesOf(env, 'company', {
      name: 'GYORI KEKSZ korlátolt felelősségű társaság',
      city: 'győr',
      country: 'PL',
      phone: mobile,
    });
    expect(found).toMatchObject({ id, score: 88 });
    expect(found?.reasons).toEqual([
      { code: 'phone', field: 'phone' },
      { code: 'nameCity', field: 'name' },
    ]);
  });

  it('keeps the name key in step with every write of the name (a derived column)', async () => {
    const id = await company({ name: 'Alfa Keys Kft.', city: 'Szeged' });
    const renamed = await env().api('PATCH', `/api/records/company/${id}`, {
      name: 'Béta Keys Kft.',
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await duplicatesOf(env, 'company', { name: 'Alfa Keys', city: 'Szeged' })).toEqual([]);
    expect(ids(await duplicatesOf(env, 'company', { name: 'BETA KEYS Zrt.', city: 'Szeged' }))).toEqual([id]);
    const moved = await env().api('PATCH', `/api/records/company/${id}`, { city: 'Pécs', version: 2 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(ids(await duplicatesOf(env, 'company', { name: 'Beta Keys', city: 'pecs' }))).toEqual([id]);
  });

  it('leaves out the record being edited, the trash and values that would not be stored', async () => {
    const nip = uniqueNip();
    const self = await company({ name: 'Self Check', country: 'PL', tax_id: nip });
    const trashed = await company({ name: 'Self Check', country: 'PL', tax_id: nip });
    expect((await env().api('DELETE', `/api/records/company/${trashed}`)).statusCode).toBe(204);
    expect(
      await duplicatesOf(env, 'company', { id: self, name: 'Self Check', country: 'PL', tax_id: nip }),
    ).toEqual([]);
    // A half-typed phone and a wrong NIP are not refused while typing, only not compared.
    expect(
      await duplicatesOf(env, 'company', { name: 'Zzz Nobody', country: 'PL', phone: '60', tax_id: '123' }),
    ).toEqual([]);
  });

  it('finds a person by name at the same company, and by e-mail or phone across phone fields', async () => {
    const firm = await company({ name: 'People Firm', city: 'Pécs' });
    const other = await company({ name: 'Other Firm', city: 'Pécs' });
    const mobile = uniqueMobile();
    const nagy = await createAs(env, 'person', { first_name: 'István', last_name: 'Nagy', company: firm });
    await createAs(env, 'person', { first_name: 'István', last_name: 'Nagy', company: other });
    const byMobile = await createAs(env, 'person', { first_name: 'Eva', last_name: 'Kiss', mobile });
    const found = await duplicatesOf(env, 'person', {
      first_name: 'NAGY',
      last_name: 'istvan',
      company: firm,
    });
    expect(found).toEqual([
      {
        id: nagy,
        title: 'István Nagy',
        score: 70,
        reasons: [{ code: 'nameCompany', field: 'first_name' }],
      },
    ]);
    // Without a company, a name is too common to mean anything.
    expect(await duplicatesOf(env, 'person', { first_name: 'István', last_name: 'Nagy' })).toEqual([]);
    const byPhone = await duplicatesOf(env, 'person', { first_name: 'X', last_name: 'Y', phone: mobile });
    expect(byPhone).toEqual([
      { id: byMobile, title: 'Eva Kiss', score: 70, reasons: [{ code: 'phone', field: 'mobile' }] },
    ]);
  });

  it('has no duplicates for objects without rules, and refuses unknown objects and bad ids', async () => {
    expect(await duplicatesOf(env, 'company_group', { name: 'Anything' })).toEqual([]);
    expectError(await env().api('POST', '/api/records/nope/duplicates', { values: {} }), 404, 'not_found');
    expectError(
      await env().api('POST', '/api/records/company/duplicates', { values: { id: 'x' } }),
      400,
      'bad_request',
    );
    expectError(await env().api('POST', '/api/records/company/duplicates', {}), 400, 'validation_failed');
  });
});

describe.each(DIALECTS)('duplicates as a reader with narrower rights (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let world: World;
  let seller: TestAccount;
  let stranger: TestAccount;
  const nip = uniqueNip();
  const email = 'shared@rights-test.pl';
  let mine = 0;
  let theirs = 0;

  beforeAll(async () => {
    world = await buildWorld(env);
    const read = (scope: 'own' | 'all') => ({ object: 'company', right: 'read', scope });
    const sellerRole = await createRole(env, [read('own')]);
    seller = await createAccount(env, [sellerRole], world.employees.me);
    const hiddenTax = await createRole(
      env,
      [read('all')],
      [{ object: 'company', field: 'tax_id', access: 'hidden' }],
    );
    stranger = await createAccount(env, [hiddenTax], world.employees.outsider);
    const values = { name: 'Rights Co', city: 'Opole', country: 'PL', tax_id: nip, email };
    mine = await createAs(env, 'company', { ...values, account_manager: world.employees.me });
    theirs = await createAs(env, 'company', { ...values, account_manager: world.employees.outsider });
  });

  it('never tells a reader about a record they may not see', async () => {
    const found = await duplicatesOf(
      env,
      'company',
      { name: 'Rights Co', city: 'Opole', email },
      seller.session,
    );
    expect(ids(found)).toEqual([mine]);
    expect(ids(await duplicatesOf(env, 'company', { name: 'Rights Co', city: 'Opole', email }))).toEqual([
      mine,
      theirs,
    ]);
  });

  it('compares no field the reader may not see', async () => {
    const byTax = await duplicatesOf(env, 'company', { country: 'PL', tax_id: nip }, stranger.session);
    expect(byTax).toEqual([]);
    const byEmail = await duplicatesOf(env, 'company', { email }, stranger.session);
    expect(byEmail.map((c) => c.reasons)).toEqual([
      [{ code: 'email', field: 'email' }],
      [{ code: 'email', field: 'email' }],
    ]);
  });

  it('refuses a reader who may not read the object at all', async () => {
    const nobody = await createAccount(env, [await createRole(env, [])], null);
    expectError(
      await env().api(
        'POST',
        '/api/records/company/duplicates',
        { values: { name: 'Rights Co' } },
        nobody.session,
      ),
      403,
      'forbidden',
    );
  });
});
