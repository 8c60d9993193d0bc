import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { type ErrorBody, expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import {
  count,
  createCompany,
  expectNothingWritten,
  type ListBody,
} from '../../../../test/record-fixtures.ts';

const SQL_LIKE_NAMES = ['name; drop table company', '(select 1)', 'password_hash', 'company.password_hash'];

describe.each(DIALECTS)('records API refuses bad input (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe('field names in filter, sort and fields', () => {
    it.each(SQL_LIKE_NAMES)(
      'refuses %j everywhere a field name goes; the company table keeps its rows',
      async (name) => {
        const { api } = env();
        await createCompany(env, { city: 'Injection' });
        const companies = await count(env, 'company');
        const object = name === 'password_hash' ? 'user_account' : 'company';
        await expectNothingWritten(env, async () => {
          const attempts: LightMyRequestResponse[] = [
            await api('POST', `/api/records/${object}/query`, {
              filter: { field: name, op: 'eq', value: 'x' },
            }),
            await api('POST', `/api/records/${object}/query`, {
              filter: { field: name, op: 'isNotEmpty' },
            }),
            await api('POST', `/api/records/${object}/query`, { sort: [{ field: name, direction: 'asc' }] }),
            await api('POST', `/api/records/${object}/query`, { fields: [name] }),
            await api('POST', `/api/records/${object}/query`, { expand: [name] }),
            await api('GET', `/api/records/${object}?sort=${encodeURIComponent(name)}`),
            await api('GET', `/api/records/${object}?sort=-${encodeURIComponent(name)}`),
            await api('GET', `/api/records/${object}?fields=${encodeURIComponent(name)}`),
            await api('GET', `/api/records/${object}?expand=${encodeURIComponent(name)}`),
            await api('GET', `/api/records/${object}/1?fields=${encodeURIComponent(name)}`),
          ];
          for (const response of attempts) {
            expectError(response, 400, 'bad_request', /unknown field|is not a relation/);
            expect(response.body).not.toMatch(/\$2|argon|password_hash":/);
          }
        });
        // Also through a relation: person.company → company has no such field either.
        const throughRelation = await api('POST', '/api/records/person/query', {
          filter: { field: `company.${name}`, op: 'eq', value: 'x' },
        });
        expect(throughRelation.statusCode).toBe(400);
        const throughAudit = await api('POST', '/api/records/company/query', {
          filter: { field: 'created_by.password_hash', op: 'isNotEmpty' },
        });
        expectError(throughAudit, 400, 'bad_request', /unknown field "created_by.password_hash"/);
        expect(await count(env, 'company')).toBe(companies);
        const list = await api('GET', '/api/records/company?limit=500');
        expect(list.statusCode).toBe(200);
        expect(list.json<ListBody>().items.length).toBeGreaterThan(0);
      },
    );
  });

  describe('malformed filters', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['a string', 'name = 1', /must be an object/],
      ['a number', 42, /must be an object/],
      ['an array', [{ field: 'name', op: 'eq', value: 'x' }], /must be an object/],
      ['an unknown operator', { field: 'name', op: 'like', value: 'x' }, /unknown operator "like"/],
      ['an operator as SQL', { field: 'name', op: '= 1 OR 1=1 --', value: 'x' }, /unknown operator/],
      ['a missing operator', { field: 'name', value: 'x' }, /unknown operator/],
      ['a missing field', { op: 'eq', value: 'x' }, /must be a field name/],
      [
        'an ordering operator on text',
        { field: 'name', op: 'gt', value: 'a' },
        /operator "gt" does not apply to text field "name"/,
      ],
      [
        'a text operator on an integer',
        { field: 'employee_count', op: 'contains', value: 1 },
        /operator "contains" does not apply to integer/,
      ],
      ['an empty and', { and: [] }, /filter\.and: must be a non-empty array/],
      ['an empty or', { or: [] }, /filter\.or: must be a non-empty array/],
      ['an and that is not a list', { and: { field: 'name', op: 'eq', value: 'x' } }, /non-empty array/],
      [
        'a group with extra keys',
        { and: [{ field: 'name', op: 'isNotEmpty' }], field: 'name' },
        /only the key "and"/,
      ],
      ['a leaf with extra keys', { field: 'name', op: 'eq', value: 'x', raw: 'DROP' }, /unknown key "raw"/],
      [
        'a string for an integer field',
        { field: 'employee_count', op: 'eq', value: '10' },
        /filter\.value: must be a whole number/,
      ],
      [
        'a number for a text field',
        { field: 'name', op: 'eq', value: 10 },
        /filter\.value: must be a string/,
      ],
      [
        'a string for a date field',
        { field: 'next_action_date', op: 'eq', value: '2026-02-30' },
        /must be a date/,
      ],
      ['in with a non-array', { field: 'name', op: 'in', value: 'a,b' }, /must be a list/],
      ['in with an empty array', { field: 'name', op: 'in', value: [] }, /must be a list of 1 to/],
      [
        'in with a wrong item type',
        { field: 'employee_count', op: 'in', value: [1, 'two'] },
        /filter\.value\[1\]: must be a whole number/,
      ],
      ['between with one bound', { field: 'employee_count', op: 'between', value: [1] }, /\[from, to\]/],
      ['a value for isEmpty', { field: 'name', op: 'isEmpty', value: 'x' }, /takes no value/],
      ['a reference as text', { field: 'industry', op: 'eq', value: 'it' }, /record id/],
      [
        'a field path of five parts',
        { field: 'account_manager.created_by.employee.created_by.login', op: 'isNotEmpty' },
        /at most 4 parts/,
      ],
      ['a path through a non-relation', { field: 'name.length', op: 'isNotEmpty' }, /not a relation/],
      [
        'a nested problem',
        { or: [{ field: 'name', op: 'isNotEmpty' }, { not: { field: 'city', op: 'eq', value: false } }] },
        /filter\.or\[1\]\.not\.value: must be a string/,
      ],
    ];

    it.each(cases)('refuses %s with 400 and the path of the problem', async (_what, filter, message) => {
      await createCompany(env, { city: 'Filtered' });
      await expectNothingWritten(env, async () => {
        const response = await env().api('POST', '/api/records/company/query', { filter });
        expectError(response, 400, 'bad_request', message);
      });
    });

    it('refuses a 50-level deep not chain and a 50-level deep and chain, mentioning depth', async () => {
      const { api } = env();
      const leaf = { field: 'name', op: 'isNotEmpty' };
      let notChain: unknown = leaf;
      let andChain: unknown = leaf;
      for (let level = 0; level < 50; level++) {
        notChain = { not: notChain };
        andChain = { and: [andChain] };
      }
      await expectNothingWritten(env, async () => {
        for (const filter of [notChain, andChain]) {
          const response = await api('POST', '/api/records/company/query', { filter });
          expectError(response, 400, 'bad_request', /nested too deeply|depth/i);
          expect(response.json<ErrorBody>().error.message).toMatch(/at most \d+ levels/);
        }
      });
    });

    it('refuses a filter with too many conditions', async () => {
      const filter = {
        or: Array.from({ length: 300 }, (_, i) => ({ field: 'name', op: 'eq', value: `n${i}` })),
      };
      const response = await env().api('POST', '/api/records/company/query', { filter });
      expectError(response, 400, 'bad_request', /too many conditions/);
    });

    it('refuses malformed sort specifications', async () => {
      const { api } = env();
      const cases: Array<[unknown, RegExp]> = [
        [{ field: 'name' }, /sort must be a list/],
        ['name', /sort must be a list/],
        [[{ field: 'name', direction: 'sideways' }], /direction: must be "asc" or "desc"/],
        [[{ field: 'notes' }], /"notes" cannot be sorted/],
        [[null], /unknown field/],
        [Array.from({ length: 6 }, () => ({ field: 'name' })), /at most 5/],
      ];
      for (const [sort, message] of cases) {
        expectError(await api('POST', '/api/records/company/query', { sort }), 400, 'bad_request', message);
      }
    });
  });

  describe('page size', () => {
    it.each([0, -1, -500])('refuses limit %i', async (limit) => {
      const { api } = env();
      expectError(
        await api('POST', '/api/records/company/query', { limit }),
        400,
        'bad_request',
        /limit must be a whole number of at least 1/,
      );
      expectError(await api('GET', `/api/records/company?limit=${limit}`), 400, 'bad_request', /limit/);
    });

    it('refuses a limit that is not a whole number', async () => {
      const { api } = env();
      expectError(
        await api('POST', '/api/records/company/query', { limit: 2.5 }),
        400,
        'bad_request',
        /limit/,
      );
      expectError(await api('POST', '/api/records/company/query', { limit: '10' }), 400, 'validation_failed');
      expectError(await api('GET', '/api/records/company?limit=ten'), 400, 'validation_failed', /limit/);
    });

    it('caps a huge limit at 500 items per page', async () => {
      const { api, services } = env();
      const at = new Date().toISOString();
      const total = 620;
      for (let start = 0; start < total; start += 100) {
        await services.dialect.db
          .insertInto('company')
          .values(
            Array.from({ length: Math.min(100, total - start) }, (_, i) => ({
              name: `Capped ${String(start + i).padStart(4, '0')}`,
              city: 'Captown',
              created_at: at,
              updated_at: at,
              version: 1,
            })),
          )
          .execute();
      }
      const filter = { field: 'city', op: 'eq', value: 'Captown' };
      const first = await api('POST', '/api/records/company/query', { filter, limit: 100_000 });
      expect(first.statusCode, first.body).toBe(200);
      const page = first.json<ListBody>();
      expect(page.items).toHaveLength(500);
      expect(page.nextCursor).not.toBeNull();
      const second = await api('POST', '/api/records/company/query', {
        filter,
        limit: 100_000,
        cursor: page.nextCursor,
      });
      expect(second.statusCode, second.body).toBe(200);
      const rest = second.json<ListBody>();
      expect(rest.items).toHaveLength(total - 500);
      expect(rest.nextCursor).toBeNull();
      const ids = new Set([...page.items, ...rest.items].map((item) => item.id));
      expect(ids.size).toBe(total);

      const viaGet = await api('GET', '/api/records/company?limit=100000');
      expect(viaGet.statusCode, viaGet.body).toBe(200);
      expect(viaGet.json<ListBody>().items).toHaveLength(500);
    });
  });

  describe('cursors', () => {
    async function firstCursor(body: Record<string, unknown>): Promise<string> {
      const response = await env().api('POST', '/api/records/company/query', { limit: 1, ...body });
      expect(response.statusCode, response.body).toBe(200);
      const cursor = response.json<ListBody>().nextCursor;
      if (!cursor) throw new Error('expected a next page');
      return cursor;
    }

    let seeded = 0;
    let filter: Record<string, unknown> = {};
    /** Three companies in a town of their own, so each test pages over its own rows. */
    async function seed(): Promise<void> {
      const city = `Cursorville ${++seeded}`;
      for (const name of ['Cursor A', 'Cursor B', 'Cursor C']) await createCompany(env, { name, city });
      filter = { field: 'city', op: 'eq', value: city };
    }

    const byName = [{ field: 'name', direction: 'asc' }];

    it('refuses a cursor that was tampered with', async () => {
      await seed();
      const cursor = await firstCursor({ filter, sort: byName });
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
        s: string;
        v: unknown[];
      };
      const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
      const tampered = [
        'not-a-cursor',
        `x${cursor.slice(1)}`,
        cursor.split('').reverse().join(''),
        encode(null),
        encode([]),
        encode({ ...decoded, s: 'forged-signa' }),
        encode({ ...decoded, v: [...decoded.v, 1] }),
        encode({ ...decoded, v: [{ $gt: '' }, 1] }),
      ];
      for (const bad of tampered) {
        const response = await env().api('POST', '/api/records/company/query', {
          filter,
          sort: byName,
          limit: 1,
          cursor: bad,
        });
        expectError(response, 400, 'bad_request', /cursor/);
      }
    });

    // The signature is not a secret, so a client can rebuild a cursor for the same sort with
    // other values. The keys here are [name (text), id (integer)]: values of the wrong type are
    // not a cursor the server made and must be refused, not sent to the database.
    it.each([
      ['a text id', (v: unknown[]) => [v[0], 'not-a-number']],
      ['a fractional id', (v: unknown[]) => [v[0], 1.5]],
      ['an id beyond bigint', (v: unknown[]) => [v[0], 1e300]],
      ['a number for the name', (v: unknown[]) => [12, v[1]]],
    ])('refuses a re-signed cursor with %s', async (_what, forge) => {
      await seed();
      const cursor = await firstCursor({ filter, sort: byName });
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
        s: string;
        v: unknown[];
      };
      const forged = Buffer.from(JSON.stringify({ s: decoded.s, v: forge(decoded.v) })).toString('base64url');
      const response = await env().api('POST', '/api/records/company/query', {
        filter,
        sort: byName,
        limit: 1,
        cursor: forged,
      });
      expectError(response, 400, 'bad_request', /cursor/);
    });

    it('refuses a cursor made for another sort, direction, locale or object', async () => {
      const { api } = env();
      await seed();
      const cursor = await firstCursor({ filter, sort: byName });
      const others: Array<[string, Record<string, unknown>]> = [
        ['company', { sort: [{ field: 'city', direction: 'asc' }] }],
        ['company', { sort: [{ field: 'name', direction: 'desc' }] }],
        ['company', { sort: [{ field: 'name' }, { field: 'city' }] }],
        ['company', { sort: byName, locale: 'hu' }],
        ['person', {}],
      ];
      for (const [object, body] of others) {
        const response = await api('POST', `/api/records/${object}/query`, { ...body, cursor });
        expectError(response, 400, 'bad_request', /cursor does not belong to this list and sort/);
      }
      const viaGet = await api('GET', `/api/records/company?sort=-name&cursor=${encodeURIComponent(cursor)}`);
      expectError(viaGet, 400, 'bad_request', /cursor/);
      // The cursor still works with the sort it was made for.
      const ok = await api('POST', '/api/records/company/query', { filter, sort: byName, limit: 1, cursor });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<ListBody>().items[0]).toMatchObject({ name: 'Cursor B' });
    });
  });
});
