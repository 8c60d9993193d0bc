import { beforeAll, describe, expect, it } from 'vitest';
import { createAs } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { expectNothingChanged, merge } from '../../../../test/merge-fixtures.ts';

/** Every refused merge is a clear 4xx and writes nothing: no record, history, event or log row. */
describe.each(DIALECTS)('merge: bad input (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let keep = 0;
  let gone = 0;
  let trashed = 0;
  let person = 0;

  beforeAll(async () => {
    keep = await createAs(env, 'company', { name: 'Bad Input Keep', notes: 'k' });
    gone = await createAs(env, 'company', { name: 'Bad Input Gone', notes: 'g' });
    await createAs(env, 'person', { first_name: 'Moves', last_name: 'Never', company: gone });
    trashed = await createAs(env, 'company', { name: 'Bad Input Trashed' });
    expect((await env().api('DELETE', `/api/records/company/${trashed}`)).statusCode).toBe(204);
    // A person id far from the companies' ids, so it is no company's id as well.
    for (let i = 0; i < 20; i++)
      person = await createAs(env, 'person', { first_name: 'P', last_name: `${i}` });
  });

  const refused = async (
    body: Record<string, unknown>,
    status: number,
    code: string,
    message?: RegExp,
    object = 'company',
  ) => {
    await expectNothingChanged(env, async () => {
      expectError(await merge(env, object, body), status, code, message);
    });
  };

  it('refuses a record merged with itself', async () => {
    await refused({ keepId: keep, mergeId: keep }, 400, 'bad_request', /itself/);
  });

  it('refuses records of different objects: one object per merge, named in the address', async () => {
    await refused({ keepId: keep, mergeId: person }, 404, 'not_found', /company/);
    await refused({ keepId: keep, mergeId: gone, mergeObject: 'person' }, 400, 'validation_failed');
  });

  it('refuses missing and deleted records as missing', async () => {
    await refused({ keepId: keep, mergeId: 987_654 }, 404, 'not_found');
    await refused({ keepId: 987_654, mergeId: gone }, 404, 'not_found');
    await refused({ keepId: keep, mergeId: trashed }, 404, 'not_found', /deleted/);
    await refused({ keepId: trashed, mergeId: gone }, 404, 'not_found', /deleted/);
  });

  it('refuses stale versions with 409', async () => {
    await refused({ keepId: keep, mergeId: gone, keepVersion: 7 }, 409, 'conflict', /changed/);
    await refused({ keepId: keep, mergeId: gone, mergeVersion: 7 }, 409, 'conflict', /changed/);
  });

  it('refuses values the kept record cannot take', async () => {
    await refused({ keepId: keep, mergeId: gone, values: { nope: 1 } }, 400, 'validation_failed', /nope/);
    await refused(
      { keepId: keep, mergeId: gone, values: { status_changed_at: '2026-01-01T00:00:00Z' } },
      400,
      'validation_failed',
    );
    await refused({ keepId: keep, mergeId: gone, values: { name: null } }, 400, 'validation_failed', /name/);
    await refused(
      { keepId: keep, mergeId: gone, values: { email: 'not an address' } },
      400,
      'validation_failed',
    );
  });

  it('refuses malformed requests and objects without duplicates', async () => {
    await refused({ keepId: 'x', mergeId: gone }, 400, 'validation_failed');
    await refused({ keepId: keep }, 400, 'validation_failed');
    await refused({ keepId: keep, mergeId: gone, values: [] }, 400, 'validation_failed');
    const a = await createAs(env, 'company_group', { name: 'Group A' });
    const b = await createAs(env, 'company_group', { name: 'Group B' });
    await refused({ keepId: a, mergeId: b }, 400, 'bad_request', /duplicate rules/, 'company_group');
    await refused({ keepId: a, mergeId: b }, 404, 'not_found', /nope/, 'nope');
  });

  it('refuses a preview of the same kinds of mistakes', async () => {
    const preview = (query: string) => env().api('GET', `/api/records/company/merge-preview?${query}`);
    expectError(await preview(`keepId=${keep}&mergeId=${keep}`), 400, 'bad_request');
    expectError(await preview(`keepId=${keep}&mergeId=${trashed}`), 404, 'not_found');
    expectError(await preview(`keepId=${keep}`), 400, 'validation_failed');
  });
});
