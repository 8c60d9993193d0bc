import { describe, expect, it } from 'vitest';
import { createAccount, createRole } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { runToEnd, settle, uploaded } from '../../../../test/import-fixtures.ts';
import { snapshot } from '../../../../test/record-fixtures.ts';

const CSV = 'First name,Last name,E-mail\nRita,Rights,rita@rights.example.pl\n';

describe.each(DIALECTS)('who may import (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('refuses with 403 before anything runs when the user may not create the object', async () => {
    const readOnly = await createRole(env, [
      { object: 'person', right: 'read', scope: 'all' },
      { object: 'company', right: 'read', scope: 'all' },
      { object: 'company', right: 'create', scope: 'all' },
    ]);
    const account = await createAccount(env, [readOnly]);
    const file = await uploaded(env, 'people.csv', CSV, account.session);
    const mapping = { 'First name': 'first_name', 'Last name': 'last_name', 'E-mail': 'email' };
    expect(file.guesses.mappings.person).toBeUndefined();
    const before = await snapshot(env);
    const body = { object: 'person', mapping, duplicates: 'skip' };
    expectError(
      await env().api('POST', `/api/imports/${file.id}/preview`, body, account.session),
      403,
      'forbidden',
    );
    expectError(
      await env().api('POST', `/api/imports/${file.id}/run`, body, account.session),
      403,
      'forbidden',
    );
    expect(await snapshot(env)).toEqual(before);
  });

  it('needs the update right to update duplicates and the delete right to undo, and shows an import to its author only', async () => {
    const creator = await createRole(env, [
      { object: 'person', right: 'read', scope: 'all' },
      { object: 'person', right: 'create', scope: 'all' },
      { object: 'company', right: 'read', scope: 'all' },
    ]);
    const account = await createAccount(env, [creator]);
    const other = await createAccount(env, [creator]);
    const file = await uploaded(env, 'people.csv', CSV, account.session);
    const mapping = { 'First name': 'first_name', 'Last name': 'last_name', 'E-mail': 'email' };
    expectError(
      await env().api(
        'POST',
        `/api/imports/${file.id}/run`,
        { object: 'person', mapping, duplicates: 'update' },
        account.session,
      ),
      403,
      'forbidden',
    );
    expectError(
      await env().api('GET', `/api/imports/${file.id}`, undefined, other.session),
      404,
      'not_found',
    );
    const status = await runToEnd(
      env,
      file.id,
      { object: 'person', mapping, duplicates: 'skip' },
      account.session,
    );
    expect(status).toMatchObject({ status: 'done', created: 1 });
    expectError(
      await env().api('POST', `/api/imports/${file.id}/undo`, undefined, account.session),
      403,
      'forbidden',
    );
    // An administrator may undo anyone's import.
    expect((await env().api('POST', `/api/imports/${file.id}/undo`)).statusCode).toBe(202);
    expect(await settle(env, file.id)).toMatchObject({ status: 'undone', undoProcessed: 1 });
  });
});
