import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  count,
  createCompany,
  expectNothingWritten,
  historyRows,
  readCompany,
} from '../../../../test/record-fixtures.ts';

describe.each(DIALECTS)('records API refuses bad input (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe('unknown objects', () => {
    it('answers 404 on every record route for an object that does not exist', async () => {
      const { api } = env();
      await createCompany(env);
      await expectNothingWritten(env, async () => {
        const requests: Array<[string, string, unknown?]> = [
          ['GET', '/api/records/invoice'],
          ['POST', '/api/records/invoice/query', {}],
          ['POST', '/api/records/invoice', { name: 'X' }],
          ['GET', '/api/records/invoice/1'],
          ['PATCH', '/api/records/invoice/1', { name: 'X', version: 1 }],
          ['DELETE', '/api/records/invoice/1'],
          ['POST', '/api/records/invoice/1/restore'],
          ['GET', '/api/records/invoice/1/history'],
          ['POST', `/api/records/${encodeURIComponent('company; drop table company')}`, { name: 'X' }],
        ];
        for (const [method, url, body] of requests) {
          expectError(await api(method, url, body), 404, 'not_found', /unknown object|invoice|company;/i);
        }
      });
      expect(await count(env, 'company')).toBeGreaterThan(0);
    });
  });

  describe('versions and missing records', () => {
    it('answers 409 with the current record for a stale version, and changes nothing', async () => {
      const { api } = env();
      const company = await createCompany(env, { city: 'First' });
      const updated = await api('PATCH', `/api/records/company/${company.id}`, {
        city: 'Second',
        version: 1,
      });
      expect(updated.statusCode).toBe(200);
      const history = await historyRows(env, 'company', company.id);
      await expectNothingWritten(env, async () => {
        const stale = await api('PATCH', `/api/records/company/${company.id}`, { city: 'Third', version: 1 });
        const error = expectError(stale, 409, 'conflict', /changed by someone else/);
        expect(error.details).toMatchObject({ current: { id: company.id, city: 'Second', version: 2 } });

        const future = await api('PATCH', `/api/records/company/${company.id}`, {
          city: 'Third',
          version: 9,
        });
        expectError(future, 409, 'conflict');

        const staleDelete = await api('DELETE', `/api/records/company/${company.id}?version=1`);
        const deleteError = expectError(staleDelete, 409, 'conflict');
        expect(deleteError.details).toMatchObject({ current: { version: 2, deleted_at: null } });
      });
      expect(await readCompany(env, company.id)).toMatchObject({ city: 'Second', version: 2 });
      expect(await historyRows(env, 'company', company.id)).toBe(history);
    });

    it.each([
      ['no version', {}],
      ['a string version', { version: '1' }],
      ['version 0', { version: 0 }],
      ['a fractional version', { version: 1.5 }],
      ['a null version', { version: null }],
    ])('refuses a PATCH with %s', async (_what, extra) => {
      const { api } = env();
      const company = await createCompany(env, { city: 'Kept' });
      await expectNothingWritten(env, async () => {
        const response = await api('PATCH', `/api/records/company/${company.id}`, { city: 'Lost', ...extra });
        expectError(response, 400, 'bad_request', /version is required/);
      });
      expect(await readCompany(env, company.id)).toMatchObject({ city: 'Kept', version: 1 });
    });

    it('answers 404 for a deleted record on GET, PATCH and DELETE', async () => {
      const { api } = env();
      const company = await createCompany(env, { city: 'Trash' });
      expect((await api('DELETE', `/api/records/company/${company.id}`)).statusCode).toBe(204);
      await expectNothingWritten(env, async () => {
        expectError(await api('GET', `/api/records/company/${company.id}`), 404, 'not_found', /deleted/);
        expectError(
          await api('PATCH', `/api/records/company/${company.id}`, { city: 'Back', version: 2 }),
          404,
          'not_found',
          new RegExp(`company ${company.id}`),
        );
        expectError(
          await api('DELETE', `/api/records/company/${company.id}`),
          404,
          'not_found',
          new RegExp(`company ${company.id}`),
        );
      });
      const stored = await env()
        .services.dialect.db.selectFrom('company')
        .select(['version', 'city'])
        .where('id', '=', company.id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.version)).toBe(2);
      expect(stored.city).toBe('Trash');
    });

    it('answers 404 for an id that does not exist', async () => {
      const { api } = env();
      await expectNothingWritten(env, async () => {
        const id = 987_654_321;
        expectError(await api('GET', `/api/records/company/${id}`), 404, 'not_found', /987654321/);
        expectError(
          await api('PATCH', `/api/records/company/${id}`, { city: 'X', version: 1 }),
          404,
          'not_found',
          /987654321/,
        );
        expectError(await api('DELETE', `/api/records/company/${id}`), 404, 'not_found', /987654321/);
        expectError(await api('POST', `/api/records/company/${id}/restore`), 404, 'not_found', /987654321/);
        expectError(await api('GET', `/api/records/company/${id}/history`), 404, 'not_found', /987654321/);
      });
    });

    it.each(['abc', '1.5', '-1', '0', '1e3', '0x10', '99999999999999999', '1;DROP TABLE company'])(
      'answers 400 for the id %j',
      async (id) => {
        const { api } = env();
        const path = `/api/records/company/${encodeURIComponent(id)}`;
        await expectNothingWritten(env, async () => {
          for (const [method, url, body] of [
            ['GET', path, undefined],
            ['PATCH', path, { city: 'X', version: 1 }],
            ['DELETE', path, undefined],
            ['POST', `${path}/restore`, undefined],
            ['GET', `${path}/history`, undefined],
          ] as const) {
            expectError(
              await api(method, url, body),
              400,
              'bad_request',
              /record id must be a positive whole number/,
            );
          }
        });
      },
    );
  });
});
