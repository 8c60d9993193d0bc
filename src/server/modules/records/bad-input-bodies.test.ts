import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  type ApiRecord,
  adminId,
  createCompany,
  expectNothingWritten,
  readCompany,
} from '../../../../test/record-fixtures.ts';
import { BODY_LIMIT_BYTES } from '../../app.ts';

describe.each(DIALECTS)('records API refuses bad input (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe('create and update bodies', () => {
    it('refuses a field the object does not have, naming it', async () => {
      await expectNothingWritten(env, async () => {
        const error = expectError(
          await env().api('POST', '/api/records/company', { name: 'Acme', colour_of_logo: 'red' }),
          400,
          'validation_failed',
          /colour_of_logo/,
        );
        expect(error.details).toMatchObject({ fields: [{ field: 'colour_of_logo', code: 'unknown_field' }] });
      });
    });

    it('refuses a body that is not an object of field values', async () => {
      const raw = (payload: string, contentType = 'application/json') =>
        env().app.inject({
          method: 'POST',
          url: '/api/records/company',
          headers: {
            cookie: env().admin.cookie,
            'x-csrf-token': env().admin.csrfToken,
            'content-type': contentType,
          },
          payload,
        });
      await expectNothingWritten(env, async () => {
        expectError(await env().api('POST', '/api/records/company', [1, 2]), 400, 'validation_failed');
        expectError(await raw('"Acme"'), 400, 'validation_failed');
        expectError(await raw('{"name": "Acme",'), 400, 'bad_request', /JSON/);
        expectError(await raw('{"name": "Acme", "__proto__": {"role": "x"}}'), 400, 'bad_request');
        expectError(
          await raw('{"name": "Acme", "constructor": {"prototype": {"role": "x"}}}'),
          400,
          'bad_request',
        );
        expectError(
          await raw('name=Acme', 'application/x-www-form-urlencoded'),
          415,
          'unsupported_media_type',
        );
      });
    });

    it.each([
      ['a string for an integer', { employee_count: '12' }, 'employee_count', /whole number/],
      ['a fraction for an integer', { employee_count: 1.5 }, 'employee_count', /whole number/],
      ['an integer below its minimum', { employee_count: -1 }, 'employee_count', /at least 0/],
      ['a number for text', { city: 12345 }, 'city', /must be text/],
      ['an object for text', { city: { $ne: null } }, 'city', /must be text/],
      ['an impossible date', { next_action_date: '2026-02-30' }, 'next_action_date', /date/],
      ['a date in another format', { next_action_date: '30.01.2026' }, 'next_action_date', /YYYY-MM-DD/],
      ['an invalid e-mail', { email: 'not an e-mail' }, 'email', /e-mail/],
      ['an e-mail without a domain', { email: 'jan@localhost' }, 'email', /e-mail/],
      ['an invalid web address', { website: 'javascript:alert(1)' }, 'website', /web address/],
      ['a string for a reference', { industry: 'it' }, 'industry', /record id/],
      ['a non-list for a membership', { groups: 3 }, 'groups', /list/],
      ['a reference to a missing record', { account_manager: 999_999 }, 'account_manager', /no employee/],
      ['a membership of a missing group', { groups: [999_999] }, 'groups', /no company_group/],
      ['a 201-character name', { name: 'x'.repeat(201) }, 'name', /at most 200 characters/],
      ['a multi-kilobyte name', { name: 'Ł'.repeat(8 * 1024) }, 'name', /at most 200 characters/],
      ['multi-kilobyte notes over their limit', { notes: 'y'.repeat(20_000) }, 'notes', /at most 10000/],
      ['no name at all', { name: '   ' }, 'name', /required/],
    ])('refuses %s on create and on update', async (_what, values, field, message) => {
      const { api } = env();
      const company = await createCompany(env, { city: 'Before' });
      await expectNothingWritten(env, async () => {
        const created = await api('POST', '/api/records/company', { name: 'Acme', ...values });
        const error = expectError(created, 400, 'validation_failed', new RegExp(`^${field}: `));
        expect(error.message).toMatch(message);
        expect(error.details).toMatchObject({ fields: [{ field }] });

        const updated = await api('PATCH', `/api/records/company/${company.id}`, { ...values, version: 1 });
        const updateError = expectError(updated, 400, 'validation_failed', new RegExp(`^${field}: `));
        expect(updateError.message).toMatch(message);
      });
      const after = await readCompany(env, company.id);
      expect(after).toMatchObject({ version: 1, city: 'Before', name: 'Base Sp. z o.o.' });
    });

    it('reports every problem of a body at once', async () => {
      await expectNothingWritten(env, async () => {
        const error = expectError(
          await env().api('POST', '/api/records/company', {
            name: 7,
            employee_count: 'many',
            email: 'nope',
          }),
          400,
          'validation_failed',
        );
        const fields = (error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
        expect(fields.sort()).toEqual(['email', 'employee_count', 'name']);
      });
    });

    it('answers 409 for a duplicate dictionary code and writes nothing', async () => {
      const { api } = env();
      const value = { dictionary: 'industry', code: 'dup', label_en: 'D', label_pl: 'D', label_hu: 'D' };
      expect((await api('POST', '/api/records/dictionary_value', value)).statusCode).toBe(201);
      await expectNothingWritten(env, async () => {
        const again = await api('POST', '/api/records/dictionary_value', { ...value, label_en: 'Again' });
        expectError(again, 409, 'conflict', /already exists/);
      });
    });

    it('answers 413 for a body over the size limit and writes nothing', async () => {
      const { api } = env();
      const company = await createCompany(env);
      await expectNothingWritten(env, async () => {
        const huge = 'x'.repeat(BODY_LIMIT_BYTES + 1);
        expectError(
          await api('POST', '/api/records/company', { name: 'Huge', notes: huge }),
          413,
          'payload_too_large',
          /too large/,
        );
        expectError(
          await api('PATCH', `/api/records/company/${company.id}`, { notes: huge, version: 1 }),
          413,
          'payload_too_large',
        );
        expectError(
          await api('POST', '/api/records/company/query', { q: 'x', fields: [huge] }),
          413,
          'payload_too_large',
        );
      });
      expect((await readCompany(env, company.id)).version).toBe(1);
    });

    it('ignores id, version and audit fields sent in a create body', async () => {
      const { api } = env();
      const me = await adminId(env);
      const response = await api('POST', '/api/records/company', {
        name: 'Audit Faker',
        id: 999_999,
        version: 42,
        created_by: me + 1000,
        created_at: '2000-01-01T00:00:00.000Z',
        updated_by: me + 1000,
        updated_at: '2000-01-01T00:00:00.000Z',
        deleted_at: '2000-01-01T00:00:00.000Z',
      });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json<ApiRecord>();
      expect(created.id).not.toBe(999_999);
      expect(created).toMatchObject({
        name: 'Audit Faker',
        version: 1,
        created_by: me,
        updated_by: me,
        deleted_at: null,
      });
      expect(created.created_at).not.toBe('2000-01-01T00:00:00.000Z');
      expect(Date.now() - Date.parse(String(created.created_at))).toBeLessThan(60_000);
      expect((await api('GET', '/api/records/company/999999')).statusCode).toBe(404);

      const stored = await env()
        .services.dialect.db.selectFrom('company')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.version)).toBe(1);
      expect(Number(stored.created_by)).toBe(me);
      expect(stored.deleted_at).toBeNull();
    });

    it('ignores id and audit fields sent in an update body', async () => {
      const { api } = env();
      const me = await adminId(env);
      const company = await createCompany(env, { city: 'Old' });
      const other = await createCompany(env);
      const response = await api('PATCH', `/api/records/company/${company.id}`, {
        city: 'New',
        version: 1,
        id: other.id,
        created_by: me + 1000,
        created_at: '2000-01-01T00:00:00.000Z',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id: company.id, city: 'New', version: 2, created_by: me });
      expect(await readCompany(env, other.id)).toMatchObject({
        version: 1,
        name: 'Base Sp. z o.o.',
        city: null,
      });
    });

    it('refuses a role sent to user_account on create and on update: roles are no field', async () => {
      const { api } = env();
      const me = await adminId(env);
      await expectNothingWritten(env, async () => {
        const created = await api('POST', '/api/records/user_account', { login: 'mallory', role: 'viewer' });
        const error = expectError(created, 400, 'validation_failed', /^role: /);
        expect(error.details).toMatchObject({ fields: [{ field: 'role', code: 'unknown_field' }] });
      });
      const admin = (await api('GET', `/api/records/user_account/${me}`)).json<ApiRecord>();
      expect(admin).not.toHaveProperty('role');
      await expectNothingWritten(env, async () => {
        for (const role of ['viewer', 'administrator', null]) {
          const updated = await api('PATCH', `/api/records/user_account/${me}`, {
            role,
            version: admin.version,
          });
          expectError(updated, 400, 'validation_failed', /^role: /);
        }
      });
      const after = (await api('GET', `/api/records/user_account/${me}`)).json<ApiRecord>();
      expect(after).toMatchObject({ version: admin.version });
      const rights = (await api('GET', '/api/access/me')).json<{ administrator: boolean }>();
      expect(rights.administrator).toBe(true);
    });

    it('never reads or writes a password hash through the records API', async () => {
      const { api } = env();
      const me = await adminId(env);
      const admin = (await api('GET', `/api/records/user_account/${me}`)).json<ApiRecord>();
      expect(admin).not.toHaveProperty('password_hash');
      const hashBefore = (
        await env()
          .services.dialect.db.selectFrom('user_account')
          .select('password_hash')
          .where('id', '=', me)
          .executeTakeFirstOrThrow()
      ).password_hash;
      await expectNothingWritten(env, async () => {
        expectError(
          await api('POST', '/api/records/user_account', { login: 'eve', password_hash: 'x' }),
          400,
          'validation_failed',
          /password_hash/,
        );
        expectError(
          await api('PATCH', `/api/records/user_account/${me}`, {
            password_hash: 'x',
            version: admin.version,
          }),
          400,
          'validation_failed',
          /password_hash/,
        );
      });
      const hashAfter = (
        await env()
          .services.dialect.db.selectFrom('user_account')
          .select('password_hash')
          .where('id', '=', me)
          .executeTakeFirstOrThrow()
      ).password_hash;
      expect(hashAfter).toBe(hashBefore);
    });
  });
});
