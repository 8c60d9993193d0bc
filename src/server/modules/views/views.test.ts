import { describe, expect, it } from 'vitest';
import { createAccount, createRole, grantsOn } from '../../../../test/access-fixtures.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { expectError } from '../../../../test/errors.ts';
import { type Session, useTestEnv } from '../../../../test/harness.ts';
import { count } from '../../../../test/record-fixtures.ts';
import type { SavedView, SavedViewList, ViewDefinition } from '../../../shared/views/types.ts';

const overdueRed: ViewDefinition = {
  columns: ['name', 'city', 'next_action_date'],
  filter: { field: 'city', op: 'contains', value: 'Łódź' },
  sort: [{ field: 'name', direction: 'asc' }],
  colourRules: [{ filter: { field: 'next_action_date', op: 'overdue' }, colour: 'red' }],
};

describe.each(DIALECTS)('saved views over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let sessions: { other: Session; third: Session } | undefined;

  /** Two more users besides the administrator, made once per dialect. */
  async function users() {
    if (!sessions) {
      // Readers of every object, but not administrators: views are per user, not per role.
      const role = await createRole(env, grantsOn(env, 'all'));
      sessions = {
        other: (await createAccount(env, [role])).session,
        third: (await createAccount(env, [role])).session,
      };
    }
    return sessions;
  }

  async function create(body: Record<string, unknown>, session?: Session): Promise<SavedView> {
    const response = await env().api('POST', '/api/views', { object: 'company', ...body }, session);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<SavedView>();
  }

  async function list(object: string, session?: Session): Promise<SavedViewList> {
    const response = await env().api('GET', `/api/views?object=${object}`, undefined, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SavedViewList>();
  }

  it('keeps private views to their owner and shows shared ones to everyone, read-only', async () => {
    const { other } = await users();
    const mine = await create({ name: 'My overdue in Łódź', definition: overdueRed });
    expect(mine).toMatchObject({
      object: 'company',
      name: 'My overdue in Łódź',
      shared: false,
      mine: true,
      isDefault: false,
      version: 1,
      definition: overdueRed,
    });
    const shared = await create({
      name: '  Team list ',
      shared: true,
      definition: { ...overdueRed, filter: null },
    });
    expect(shared.name).toBe('Team list');

    const asOwner = await list('company');
    expect(asOwner.items.map((v) => v.id)).toEqual(expect.arrayContaining([mine.id, shared.id]));
    expect(asOwner.items.every((v) => v.mine)).toBe(true);

    const asOther = await list('company', other);
    expect(asOther.items.map((v) => v.id)).toContain(shared.id);
    expect(asOther.items.map((v) => v.id)).not.toContain(mine.id);
    expect(asOther.items.find((v) => v.id === shared.id)).toMatchObject({ mine: false, ownerLogin: 'admin' });
    // Views belong to one object.
    expect((await list('person')).items).toEqual([]);

    // Someone else's shared view: visible but not theirs to change; a private one does not exist for them.
    expectError(
      await env().api('PATCH', `/api/views/${shared.id}`, { version: 1, name: 'Mine now' }, other),
      403,
      'forbidden',
    );
    expectError(await env().api('DELETE', `/api/views/${shared.id}`, undefined, other), 403, 'forbidden');
    expectError(
      await env().api('PATCH', `/api/views/${mine.id}`, { version: 1, name: 'x' }, other),
      404,
      'not_found',
    );
    expectError(await env().api('DELETE', `/api/views/${mine.id}`, undefined, other), 404, 'not_found');
    expect((await list('company')).items.find((v) => v.id === shared.id)).toMatchObject({
      name: 'Team list',
      version: 1,
    });

    // Unsharing hides it again.
    const unshared = await env().api('PATCH', `/api/views/${shared.id}`, { version: 1, shared: false });
    expect(unshared.json()).toMatchObject({ shared: false, version: 2 });
    expect((await list('company', other)).items.map((v) => v.id)).not.toContain(shared.id);
  });

  it('updates with the version read, answers a stale one with 409 and the current view, deletes for good', async () => {
    const view = await create({ name: 'Versioned', definition: overdueRed });
    const changed = await env().api('PATCH', `/api/views/${view.id}`, {
      version: 1,
      name: 'Versioned, sorted by city',
      definition: { ...overdueRed, sort: [{ field: 'city', direction: 'desc' }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      version: 2,
      definition: { sort: [{ field: 'city', direction: 'desc' }] },
    });

    const stale = expectError(
      await env().api('PATCH', `/api/views/${view.id}`, { version: 1, name: 'Lost update' }),
      409,
      'conflict',
    );
    expect((stale.details as { current: SavedView }).current).toMatchObject({
      name: 'Versioned, sorted by city',
      version: 2,
    });
    expectError(
      await env().api('PATCH', `/api/views/${view.id}`, { name: 'No version' }),
      400,
      'validation_failed',
    );
    expectError(await env().api('DELETE', `/api/views/${view.id}?version=1`), 409, 'conflict');

    expect((await env().api('DELETE', `/api/views/${view.id}?version=2`)).statusCode).toBe(204);
    expect((await list('company')).items.map((v) => v.id)).not.toContain(view.id);
    expectError(
      await env().api('PATCH', `/api/views/${view.id}`, { version: 2, name: 'Gone' }),
      404,
      'not_found',
    );
  });

  it('gives each user their own default, falling back to a shared view its owner made default', async () => {
    const { other, third } = await users();
    const object = 'person';
    const definition: ViewDefinition = {
      columns: ['last_name', 'first_name', 'company'],
      filter: { field: 'company.city', op: 'eq', value: 'Győr' },
      sort: [{ field: 'last_name', direction: 'asc' }],
      colourRules: [],
    };
    const teamDefault = await create({
      object,
      name: 'Team default',
      shared: true,
      isDefault: true,
      definition,
    });
    expect(teamDefault).toMatchObject({ isDefault: true, defaultForEveryone: true });

    // Nobody else has chosen: they get the owner's shared default.
    const seenByOther = await list(object, other);
    expect(seenByOther.defaultViewId).toBe(teamDefault.id);
    expect(seenByOther.items.find((v) => v.id === teamDefault.id)).toMatchObject({
      isDefault: true,
      defaultForEveryone: true,
      mine: false,
    });

    // Their own choice wins, for them only.
    const own = await create({ object, name: 'Only mine', definition }, other);
    const chosen = await env().api('PUT', '/api/views/default', { object, viewId: own.id }, other);
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json<SavedViewList>().defaultViewId).toBe(own.id);
    expect((await list(object, third)).defaultViewId).toBe(teamDefault.id);
    expect((await list(object)).defaultViewId).toBe(teamDefault.id);

    // "No default" is a choice too.
    await env().api('PUT', '/api/views/default', { object, viewId: null }, third);
    expect((await list(object, third)).defaultViewId).toBeNull();

    // A chosen view that is deleted no longer counts: back to the shared default.
    expect((await env().api('DELETE', `/api/views/${own.id}`, undefined, other)).statusCode).toBe(204);
    expect((await list(object, other)).defaultViewId).toBe(teamDefault.id);

    // When the owner stops choosing it, it is nobody's default by fallback.
    await env().api('PUT', '/api/views/default', { object, viewId: null });
    const afterOwner = await list(object, other);
    expect(afterOwner.defaultViewId).toBeNull();
    expect(afterOwner.items.find((v) => v.id === teamDefault.id)?.defaultForEveryone).toBe(false);

    // A user may choose someone else's shared view; not a private one, nor a view of another object.
    const hidden = await create({ object, name: 'Private', definition });
    expectError(
      await env().api('PUT', '/api/views/default', { object, viewId: hidden.id }, other),
      404,
      'not_found',
    );
    const ofCompanies = await create({ name: 'Companies view', definition: overdueRed });
    expectError(
      await env().api('PUT', '/api/views/default', { object, viewId: ofCompanies.id }),
      400,
      'validation_failed',
      /company/,
    );
    const picked = await env().api('PUT', '/api/views/default', { object, viewId: teamDefault.id }, other);
    expect(picked.json<SavedViewList>().defaultViewId).toBe(teamDefault.id);
  });

  it('refuses definitions that do not fit the object, and writes nothing', async () => {
    const bad = async (definition: unknown, field: RegExp, extra: Record<string, unknown> = {}) => {
      const before = await count(env, 'saved_view');
      const error = expectError(
        await env().api('POST', '/api/views', { object: 'company', name: 'Bad', definition, ...extra }),
        400,
        'validation_failed',
      );
      const fields = (error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
      expect(
        fields.some((f) => field.test(f)),
        JSON.stringify(fields),
      ).toBe(true);
      expect(await count(env, 'saved_view')).toBe(before);
    };
    await bad({ ...overdueRed, columns: ['name', 'no_such_field'] }, /^definition\.columns\[1\]$/);
    await bad({ ...overdueRed, columns: [] }, /columns/);
    await bad({ ...overdueRed, filter: { field: 'city', op: 'overdue' } }, /^definition\.filter\.op$/);
    await bad(
      { ...overdueRed, filter: { field: 'employee_count', op: 'gt', value: 'many' } },
      /^definition\.filter\.value$/,
    );
    await bad(
      { ...overdueRed, sort: [{ field: 'groups', direction: 'asc' }] },
      /^definition\.sort\[0\]\.field$/,
    );
    await bad({ ...overdueRed, sort: [{ field: 'name', direction: 'up' }] }, /sort/);
    await bad(
      {
        ...overdueRed,
        colourRules: [
          { filter: { field: 'account_manager.last_name', op: 'eq', value: 'Nowak' }, colour: 'red' },
        ],
      },
      /^definition\.colourRules\[0\]\.filter$/,
    );
    await bad(
      {
        ...overdueRed,
        colourRules: [{ filter: { field: 'next_action_date', op: 'overdue' }, colour: 'magenta' }],
      },
      /colourRules/,
    );
    await bad(
      { ...overdueRed, colourRules: [{ filter: { field: 'nope', op: 'isEmpty' }, colour: 'red' }] },
      /^definition\.colourRules\[0\]\.filter\.field$/,
    );
    await bad({ ...overdueRed, extra: true }, /definition/);
    await bad(overdueRed, /name/, { name: '   ' });

    const view = await create({ name: 'Fine', definition: overdueRed });
    const before = await list('company');
    expectError(
      await env().api('PATCH', `/api/views/${view.id}`, {
        version: 1,
        definition: { ...overdueRed, columns: ['x'] },
      }),
      400,
      'validation_failed',
    );
    expect(await list('company')).toEqual(before);
  });

  it('answers unknown objects, ids, duplicate names and anonymous callers clearly', async () => {
    expectError(await env().api('GET', '/api/views?object=spaceship'), 404, 'not_found', /spaceship/);
    expectError(await env().api('GET', '/api/views'), 400, 'validation_failed');
    expectError(
      await env().api('POST', '/api/views', { object: 'spaceship', name: 'x', definition: overdueRed }),
      404,
      'not_found',
    );
    expectError(await env().api('PATCH', '/api/views/abc', { version: 1 }), 400, 'validation_failed');
    expectError(await env().api('PATCH', '/api/views/999999', { version: 1 }), 404, 'not_found');
    await create({ name: 'Twice', definition: overdueRed });
    const before = await count(env, 'saved_view');
    expectError(
      await env().api('POST', '/api/views', { object: 'company', name: 'Twice', definition: overdueRed }),
      409,
      'conflict',
      /Twice/,
    );
    expect(await count(env, 'saved_view')).toBe(before);
    // The same name is fine for another user.
    const { other } = await users();
    await create({ name: 'Twice', definition: overdueRed }, other);
    const anonymous = await env().app.inject({ method: 'GET', url: '/api/views?object=company' });
    expectError(anonymous, 401, 'unauthorized');
    const document = await env().api('GET', '/api/openapi.json');
    expect(document.statusCode).toBe(200);
    expect(Object.keys(document.json<{ paths: object }>().paths)).toEqual(
      expect.arrayContaining(['/api/views', '/api/views/{id}', '/api/views/default']),
    );
  });
});
