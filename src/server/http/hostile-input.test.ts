import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { expectError } from '../../../test/errors.ts';
import { useTestEnv } from '../../../test/harness.ts';
import {
  createCompany,
  expectNothingWritten,
  type ListBody,
  readCompany,
} from '../../../test/record-fixtures.ts';
import { AppError } from '../errors.ts';
import { company } from '../modules/clients/company.ts';
import { checkInput } from '../records/input.ts';

/**
 * Text no column can keep — a NUL character, half of a UTF-16 surrogate pair — is refused with
 * 400 wherever a request carries it, on both dialects alike (PostgreSQL failed such statements
 * with a 500, SQLite stored them).
 */
const NUL = 'Ac\u0000me';
const HIGH_SURROGATE = 'Ac\ud800me';
const LOW_SURROGATE = 'Ac\udc00me';
const HOSTILE: Array<[string, string]> = [
  ['a NUL character', NUL],
  ['an unpaired high surrogate', HIGH_SURROGATE],
  ['an unpaired low surrogate', LOW_SURROGATE],
];

/** The one refusal: 400 validation_failed, naming where the text was and what is wrong with it. */
function expectRefusedText(response: LightMyRequestResponse, where: string): void {
  const error = expectError(response, 400, 'validation_failed', /NUL character|surrogate/);
  expect(error.details).toMatchObject({ fields: [{ field: where, code: 'invalid_text' }] });
}

describe.each(DIALECTS)('text no database can keep is refused with 400 (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  describe.each(HOSTILE)('%s', (_what, hostile) => {
    it('in a record written through the records API, which writes nothing', async () => {
      const { api } = env();
      const company = await createCompany(env, { city: 'Before' });
      await expectNothingWritten(env, async () => {
        expectRefusedText(await api('POST', '/api/records/company', { name: hostile }), 'body.name');
        expectRefusedText(
          await api('PATCH', `/api/records/company/${company.id}`, { city: hostile, version: 1 }),
          'body.city',
        );
        expectRefusedText(
          await api('POST', '/api/records/company', { name: 'Acme', notes: `ok\n${hostile}` }),
          'body.notes',
        );
        // In a key as well: it names no field, but the key is text too.
        expectRefusedText(
          await api('POST', '/api/records/company', { name: 'Acme', [hostile]: 1 }),
          'body.Ac\ufffdme',
        );
      });
      expect(await readCompany(env, company.id)).toMatchObject({ version: 1, city: 'Before' });
    });

    it('in a filter value, in lists, counts, exports and bulk actions', async () => {
      const { api } = env();
      await createCompany(env, { name: 'Acme' });
      const eq = { field: 'name', op: 'eq', value: hostile };
      const contains = { field: 'name', op: 'contains', value: hostile };
      const nested = {
        and: [
          { field: 'city', op: 'isNotEmpty' },
          { or: [{ field: 'name', op: 'in', value: ['x', hostile] }] },
        ],
      };
      expectRefusedText(await api('POST', '/api/records/company/query', { filter: eq }), 'body.filter.value');
      expectRefusedText(
        await api('POST', '/api/records/company/query', { filter: contains }),
        'body.filter.value',
      );
      expectRefusedText(
        await api('POST', '/api/records/company/query', { filter: nested }),
        'body.filter.and[1].or[0].value[1]',
      );
      expectRefusedText(await api('POST', '/api/records/company/count', { filter: eq }), 'body.filter.value');
      expectRefusedText(
        await api('POST', '/api/records/company/export', { format: 'csv', fields: ['name'], filter: eq }),
        'body.filter.value',
      );
      await expectNothingWritten(env, async () => {
        expectRefusedText(
          await api('POST', '/api/records/company/bulk', {
            selection: { filter: eq },
            action: { type: 'update', field: 'city', value: 'Gone' },
          }),
          'body.selection.filter.value',
        );
        expectRefusedText(
          await api('POST', '/api/records/company/bulk', {
            selection: { filter: { field: 'name', op: 'isNotEmpty' } },
            action: { type: 'update', field: 'city', value: hostile },
          }),
          'body.action.value',
        );
      });
    });

    it('on routes outside the records engine: logging in, saved views, comments', async () => {
      const { api, app } = env();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: `admin${hostile}`, password: 'whatever-it-is' },
      });
      expectRefusedText(login, 'body.login');
      const company = await createCompany(env);
      await expectNothingWritten(env, async () => {
        expectRefusedText(
          await api('POST', '/api/views', {
            object: 'company',
            name: hostile,
            definition: { columns: ['name'], sort: [], colourRules: [] },
          }),
          'body.name',
        );
        expectRefusedText(
          await api('POST', '/api/views', {
            object: 'company',
            name: 'Filtered',
            definition: {
              columns: ['name'],
              sort: [],
              colourRules: [],
              filter: { field: 'name', op: 'eq', value: hostile },
            },
          }),
          'body.definition.filter.value',
        );
        expectRefusedText(
          await api('POST', `/api/records/company/${company.id}/comments`, { body: hostile }),
          'body.body',
        );
      }, ['saved_view', 'record_comment']);
    });
  });

  it('keeps text with emoji (paired surrogates) and other control characters as it was', async () => {
    const name = 'Zielony 🌿 Ogród\tSp. z o.o.';
    const company = await createCompany(env, { name, notes: 'line one\r\nline two 👍' });
    expect(await readCompany(env, company.id)).toMatchObject({ name, notes: 'line one\r\nline two 👍' });
    const found = await env().api('POST', '/api/records/company/query', {
      filter: { field: 'name', op: 'contains', value: '🌿' },
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<ListBody>().items.map((item) => item.id)).toContain(company.id);
  });

  it('refuses such text in a keyset cursor, which the client sends back', async () => {
    const { api } = env();
    await createCompany(env, { name: 'Cursor One' });
    await createCompany(env, { name: 'Cursor Two' });
    const first = await api('GET', '/api/records/company?sort=name&limit=1');
    const cursor = first.json<ListBody>().nextCursor ?? '';
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: unknown[] };
    payload.v[0] = NUL;
    const forged = Buffer.from(JSON.stringify(payload)).toString('base64url');
    expectError(
      await api('GET', `/api/records/company?sort=name&limit=1&cursor=${forged}`),
      400,
      'bad_request',
      /cursor/,
    );
  });

  it('refuses a NUL in a query string and in the path (a surrogate cannot be percent-encoded)', async () => {
    const { api } = env();
    expectRefusedText(await api('GET', '/api/records/company?q=Ac%00me'), 'querystring.q');
    expectRefusedText(await api('GET', '/api/search?q=Ac%00me'), 'querystring.q');
    expectRefusedText(await api('GET', '/api/records/company?sort=na%00me'), 'querystring.sort');
    expectRefusedText(await api('GET', '/api/records/comp%00any/1'), 'params.object');
  });
});

/** The engine's own check, for values that come from elsewhere than a request (an imported file). */
describe('the records engine refuses such text in any field, whatever its source', () => {
  it.each(HOSTILE)('%s', (_what, hostile) => {
    const cases: Array<[string, unknown]> = [
      ['name', hostile],
      ['notes', `a\n${hostile}`],
      ['email', `${hostile}@example.com`],
      ['payment_limit', { amount: 100, currency: hostile }],
    ];
    for (const [field, value] of cases) {
      let thrown: unknown;
      try {
        checkInput(company, { name: 'Acme', [field]: value }, 'create');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).details).toEqual({
        fields: [{ field, code: 'invalid_text', message: expect.stringMatching(/NUL character/) }],
      });
    }
  });
});
