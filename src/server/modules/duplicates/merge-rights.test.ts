import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  createAs,
  createRole,
  type Grant,
  type TestAccount,
} from '../../../../test/access-fixtures.ts';
import { buildWorld, type World } from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { expectNothingChanged, merge, merged, record, undo } from '../../../../test/merge-fixtures.ts';
import { standardRegistry } from '../objects.ts';

/**
 * A merge needs update on the kept record and delete on the merged one (plus `company.merge`
 * where the object declares it); moving the records that point at the merged one is part of
 * the merge, whoever may see them. A reader is never told about a record they may not see.
 */
describe.each(DIALECTS)('merge: rights (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let world: World;
  let seller: TestAccount;
  let withoutMerge: TestAccount;
  let neighbour: TestAccount;
  let noNotes: TestAccount;
  const declared = () => standardRegistry().get('company')?.actions.includes('company.merge') ?? false;

  const grants = (rights: Record<string, 'own' | 'department' | 'all'>, mergeRight: boolean): Grant[] => [
    ...Object.entries(rights).map(([right, scope]) => ({ object: 'company', right, scope })),
    ...(mergeRight && declared()
      ? [{ object: 'company', right: 'company.merge', scope: 'own' as const }]
      : []),
  ];
  const mine = (name: string, values: Record<string, unknown> = {}) =>
    createAs(env, 'company', { name, account_manager: world.employees.me, ...values });

  beforeAll(async () => {
    world = await buildWorld(env);
    const own = { read: 'own', update: 'own', delete: 'own' } as const;
    seller = await createAccount(env, [await createRole(env, grants(own, true))], world.employees.me);
    withoutMerge = await createAccount(env, [await createRole(env, grants(own, false))], world.employees.me);
    neighbour = await createAccount(
      env,
      [await createRole(env, grants({ ...own, read: 'department' }, true))],
      world.employees.colleague,
    );
    noNotes = await createAccount(
      env,
      [await createRole(env, grants(own, true), [{ object: 'company', field: 'notes', access: 'hidden' }])],
      world.employees.me,
    );
  });

  it('lets a salesperson merge their own clients, moving people they cannot even read', async () => {
    const keep = await mine('Own Keep');
    const gone = await mine('Own Gone');
    const person = await createAs(env, 'person', {
      first_name: 'Hidden',
      last_name: 'Person',
      company: gone,
    });
    const preview = await env().api(
      'GET',
      `/api/records/company/merge-preview?keepId=${keep}&mergeId=${gone}`,
      undefined,
      seller.session,
    );
    expect(preview.json()).toEqual({ references: [], memberships: [] });
    const asAdmin = await env().api(
      'GET',
      `/api/records/company/merge-preview?keepId=${keep}&mergeId=${gone}`,
    );
    // (The person's employment history points at the company too, and moves with it.)
    expect(asAdmin.json().references).toContainEqual({ object: 'person', field: 'company', count: 1 });

    const { mergeId } = await merged(env, 'company', { keepId: keep, mergeId: gone }, seller.session);
    expect((await record(env, 'person', person)).company).toBe(keep);
    const log = await env().api('GET', '/api/merges?object=company', undefined, seller.session);
    expect(log.json().items.map((entry: { id: number }) => entry.id)).toContain(mergeId);
    const response = await undo(env, mergeId, seller.session);
    expect(response.statusCode, response.body).toBe(200);
    expect((await record(env, 'person', person)).company).toBe(gone);
  });

  it('answers 404 for a record the reader may not see, and 403 for one they see but may not merge', async () => {
    const keep = await mine('Scope Keep');
    const theirs = await createAs(env, 'company', {
      name: 'Outsider Co',
      account_manager: world.employees.outsider,
    });
    const colleagues = await createAs(env, 'company', {
      name: 'Colleague Co',
      account_manager: world.employees.colleague,
    });
    await expectNothingChanged(env, async () => {
      expectError(
        await merge(env, 'company', { keepId: keep, mergeId: theirs }, seller.session),
        404,
        'not_found',
      );
      expectError(
        await merge(env, 'company', { keepId: theirs, mergeId: keep }, seller.session),
        404,
        'not_found',
      );
      // The neighbour reads the whole department, but deletes and updates only their own.
      expectError(
        await merge(env, 'company', { keepId: colleagues, mergeId: keep }, neighbour.session),
        403,
        'forbidden',
      );
      expectError(
        await merge(env, 'company', { keepId: keep, mergeId: colleagues }, neighbour.session),
        403,
        'forbidden',
      );
    });
    const { mergeId } = await merged(env, 'company', { keepId: theirs, mergeId: keep });
    // A merge whose records the reader cannot see does not exist for them.
    const log = await env().api('GET', '/api/merges?object=company', undefined, neighbour.session);
    expect(log.json().items.map((entry: { id: number }) => entry.id)).not.toContain(mergeId);
    await expectNothingChanged(env, async () => {
      expectError(await undo(env, mergeId, neighbour.session), 404, 'not_found');
    });
  });

  it.runIf(declared())('needs the company.merge right besides update and delete', async () => {
    const keep = await mine('Right Keep');
    const gone = await mine('Right Gone');
    await expectNothingChanged(env, async () => {
      expectError(
        await merge(env, 'company', { keepId: keep, mergeId: gone }, withoutMerge.session),
        403,
        'forbidden',
        /merge/,
      );
    });
  });

  it('refuses values of fields the reader may not see, and never copies them into the choice', async () => {
    const keep = await mine('Notes Keep', { notes: 'kept secret' });
    const gone = await mine('Notes Gone', { notes: 'merged secret' });
    await expectNothingChanged(env, async () => {
      expectError(
        await merge(env, 'company', { keepId: keep, mergeId: gone, values: { notes: 'x' } }, noNotes.session),
        400,
        'validation_failed',
        /notes/,
      );
    });
    await merged(env, 'company', { keepId: keep, mergeId: gone }, noNotes.session);
    expect((await record(env, 'company', keep)).notes).toBe('kept secret');
  });
});
