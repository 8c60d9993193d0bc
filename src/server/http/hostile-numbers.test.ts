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

/**
 * Whole numbers beyond what their column holds — 32 bits for integer fields and versions, 64 for
 * ids — are refused with 400 on both dialects (PostgreSQL refused them as parameters: a 500).
 */
const BEYOND_32_BITS = 99_999_999_999;
const INT32_MAX = 2_147_483_647;

describe.each(DIALECTS)('whole numbers beyond their column are refused with 400 (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  const query = (object: string, filter: unknown) =>
    env().api('POST', `/api/records/${object}/query`, { filter });

  it('in filters on integer fields, naming the range', async () => {
    await createCompany(env, { employee_count: 12 });
    for (const filter of [
      { field: 'employee_count', op: 'eq', value: BEYOND_32_BITS },
      { field: 'employee_count', op: 'gt', value: -BEYOND_32_BITS },
      { field: 'employee_count', op: 'between', value: [0, BEYOND_32_BITS] },
      { field: 'employee_count', op: 'in', value: [1, BEYOND_32_BITS] },
      { field: 'version', op: 'eq', value: BEYOND_32_BITS },
      { field: 'satisfaction', op: 'lte', value: BEYOND_32_BITS },
    ]) {
      const response = await query('company', filter);
      expectError(response, 400, 'bad_request', /from -2147483648 to 2147483647/);
      const count = await env().api('POST', '/api/records/company/count', { filter });
      expectError(count, 400, 'bad_request', /from -2147483648 to 2147483647/);
    }
    expectError(
      await query('task', { field: 'progress', op: 'gt', value: BEYOND_32_BITS }),
      400,
      'bad_request',
      /per cent from/,
    );
    // The edge of the range is still a value to compare with.
    const edge = await query('company', { field: 'employee_count', op: 'lt', value: INT32_MAX });
    expect(edge.statusCode, edge.body).toBe(200);
    expect(edge.json<ListBody>().items.length).toBeGreaterThan(0);
  });

  it('but takes any 64-bit id where ids are compared: they are bigint', async () => {
    for (const filter of [
      { field: 'id', op: 'eq', value: BEYOND_32_BITS },
      { field: 'industry', op: 'eq', value: BEYOND_32_BITS },
      { field: 'account_manager', op: 'in', value: [BEYOND_32_BITS] },
      { field: 'created_by', op: 'eq', value: BEYOND_32_BITS },
    ]) {
      const response = await query('company', filter);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<ListBody>().items).toEqual([]);
    }
    // A reminder's record is any record's id: an integer field declared with the bounds of ids.
    const reminders = await query('reminder', { field: 'record_id', op: 'eq', value: BEYOND_32_BITS });
    expect(reminders.statusCode, reminders.body).toBe(200);
    expect((await env().api('GET', `/api/records/company/${BEYOND_32_BITS}`)).statusCode).toBe(404);
    expectError(
      await query('company', { field: 'id', op: 'eq', value: Number.MAX_SAFE_INTEGER + 2 }),
      400,
      'bad_request',
      /whole number/,
    );
  });

  it('in the version of a change or a deletion, which writes nothing', async () => {
    const { api } = env();
    const company = await createCompany(env, { city: 'Before' });
    await expectNothingWritten(env, async () => {
      expectError(
        await api('PATCH', `/api/records/company/${company.id}`, { city: 'After', version: BEYOND_32_BITS }),
        400,
        'bad_request',
        /version is required.* from 1 to 2147483647/,
      );
      expectError(
        await api('DELETE', `/api/records/company/${company.id}?version=${BEYOND_32_BITS}`),
        400,
        'validation_failed',
        /querystring\.version/,
      );
    });
    expect(await readCompany(env, company.id)).toMatchObject({
      version: 1,
      city: 'Before',
      deleted_at: null,
    });
  });

  it('in the version of a saved view, a comment and a role', async () => {
    const { api } = env();
    const view = await api('POST', '/api/views', {
      object: 'company',
      name: 'Versions',
      definition: { columns: ['name'], sort: [], colourRules: [] },
    });
    expect(view.statusCode, view.body).toBe(201);
    const viewId = view.json<{ id: number }>().id;
    const company = await createCompany(env);
    const comment = await api('POST', `/api/records/company/${company.id}/comments`, { body: 'First' });
    expect(comment.statusCode, comment.body).toBe(201);
    const commentId = comment.json<{ id: number }>().id;
    await expectNothingWritten(env, async () => {
      for (const response of [
        await api('PATCH', `/api/views/${viewId}`, { version: BEYOND_32_BITS, name: 'Renamed' }),
        await api('DELETE', `/api/views/${viewId}?version=${BEYOND_32_BITS}`),
        await api('PATCH', `/api/comments/${commentId}`, { body: 'Changed', version: BEYOND_32_BITS }),
        await api('DELETE', `/api/comments/${commentId}?version=${BEYOND_32_BITS}`),
        await api('PUT', '/api/access/roles/1', {
          name: 'Renamed',
          grants: [],
          fields: [],
          version: BEYOND_32_BITS,
        }),
      ])
        expectError(response, 400, 'validation_failed', /version/);
    }, ['saved_view', 'record_comment', 'access_role']);
  });

  it('in a keyset cursor the client sends back', async () => {
    const { api } = env();
    await createCompany(env, { name: 'One', employee_count: 1 });
    await createCompany(env, { name: 'Two', employee_count: 2 });
    const first = await api('GET', '/api/records/company?sort=employee_count&limit=1');
    const cursor = first.json<ListBody>().nextCursor ?? '';
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: unknown[] };
    payload.v[0] = BEYOND_32_BITS;
    const forged = Buffer.from(JSON.stringify(payload)).toString('base64url');
    expectError(
      await api('GET', `/api/records/company?sort=employee_count&limit=1&cursor=${forged}`),
      400,
      'bad_request',
      /cursor/,
    );
  });
});
