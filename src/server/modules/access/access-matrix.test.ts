import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createRole, type Grant, type TestAccount } from '../../../../test/access-fixtures.ts';
import {
  buildWorld,
  OWNERS,
  type Owner,
  REACH,
  recordsPerOwner,
  sampleValues,
  type World,
} from '../../../../test/access-world.ts';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';
import { count } from '../../../../test/record-fixtures.ts';
import { type RecordRight, SCOPES, type Scope } from '../../../shared/access/rights.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import { STANDARD_OBJECTS } from '../objects.ts';

/**
 * The access matrix, generated from the metadata: for every standard object, every right and
 * every scope, an account that has the right reaches exactly the records the scope covers and
 * is refused (or does not see) the rest, and every refusal leaves the tables as they were.
 * A new object in STANDARD_OBJECTS is covered without writing a test.
 */
describe.each(DIALECTS)('the access matrix over HTTP (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  let world: World;
  const records = new Map<string, Record<Owner, number>>();
  const accounts = new Map<string, TestAccount>();

  beforeAll(async () => {
    world = await buildWorld(env);
    for (const definition of STANDARD_OBJECTS)
      records.set(definition.key, await recordsPerOwner(env, definition, world));
  }, 120_000);

  /** Whether `scope` can be granted on the object: partial scopes need an owner. */
  const grantable = (definition: ObjectDefinition, scope: Scope) =>
    scope === 'none' || scope === 'all' || definition.owner !== undefined;

  /** Owners a scope reaches on an object (none where the scope cannot be granted there). */
  const reached = (definition: ObjectDefinition, scope: Scope, right: RecordRight): readonly Owner[] => {
    if (scope === 'none' || !grantable(definition, scope)) return [];
    // A new employee is never the account's own employee.
    if (right === 'create' && scope === 'own' && definition.owner === 'self') return [];
    return REACH[scope];
  };

  /** One account per right and scope: that right with that scope on every object it can have it on. */
  async function accountFor(right: RecordRight, scope: Scope): Promise<TestAccount> {
    const key = `${right}:${scope}`;
    const known = accounts.get(key);
    if (known) return known;
    const grants: Grant[] = [];
    for (const definition of STANDARD_OBJECTS) {
      const object = definition.key;
      if (right !== 'read') grants.push({ object, right: 'read', scope: 'all' });
      // A bulk action also needs the right of its action on each record.
      if (right === 'bulk') grants.push({ object, right: 'update', scope: 'all' });
      if (grantable(definition, scope)) grants.push({ object, right, scope });
    }
    const account = await createAccount(env, [await createRole(env, grants)], world.employees.me);
    accounts.set(key, account);
    return account;
  }

  const idsOf = (object: string) => Object.values(records.get(object) ?? {});
  const expectedIds = (object: string, owners: readonly Owner[]) =>
    owners.map((owner) => records.get(object)?.[owner]).sort((a, b) => (a ?? 0) - (b ?? 0));
  const tables = async (definition: ObjectDefinition) => ({
    rows: await count(env, definition.table),
    history: await count(env, 'record_history'),
    events: await count(env, 'outbox_event'),
  });
  // A field any value changes: one line of text, else (a case stage, a note) a long or rich one.
  const textField = (definition: ObjectDefinition) =>
    definition.fields.find((f) => !f.system && !f.readOnly && f.type === 'text' && !f.lowercase)?.key ??
    definition.fields.find((f) => !f.system && !f.readOnly && f.type === 'text')?.key ??
    definition.fields.find(
      (f) => !f.system && !f.readOnly && (f.type === 'longText' || f.type === 'richText'),
    )?.key;

  for (const definition of STANDARD_OBJECTS) {
    const object = definition.key;
    describe(object, () => {
      for (const scope of SCOPES) {
        it(`read with scope ${scope}`, async () => {
          const { session } = await accountFor('read', scope);
          const owners = reached(definition, scope, 'read');
          const filter = { field: 'id', op: 'in', value: idsOf(object) };
          const list = await env().api(
            'POST',
            `/api/records/${object}/query`,
            { filter, fields: ['id'] },
            session,
          );
          if (owners.length === 0) {
            expect(list.statusCode, list.body).toBe(403);
            return;
          }
          expect(list.statusCode, list.body).toBe(200);
          const listed = list
            .json<{ items: Array<{ id: number }> }>()
            .items.map((r) => r.id)
            .sort((a, b) => a - b);
          expect(listed).toEqual(expectedIds(object, owners));
          const counted = await env().api('POST', `/api/records/${object}/count`, { filter }, session);
          expect(counted.json<{ count: number }>().count).toBe(owners.length);
          for (const owner of OWNERS) {
            const id = records.get(object)?.[owner];
            const one = await env().api('GET', `/api/records/${object}/${id}`, undefined, session);
            const history = await env().api(
              'GET',
              `/api/records/${object}/${id}/history`,
              undefined,
              session,
            );
            const status = owners.includes(owner) ? 200 : 404;
            expect([one.statusCode, history.statusCode], `${object} of ${owner}`).toEqual([status, status]);
          }
        });

        it(`create with scope ${scope}`, async () => {
          const { session } = await accountFor('create', scope);
          const owners = definition.administratorsOnly ? [] : reached(definition, scope, 'create');
          for (const owner of OWNERS) {
            const employee = owner === 'nobody' ? null : world.employees[owner];
            const values = await sampleValues(env, definition, employee, world);
            const before = await tables(definition);
            const created = await env().api('POST', `/api/records/${object}`, values, session);
            if (owners.includes(owner)) {
              expect(created.statusCode, `${owner}: ${created.body}`).toBe(201);
            } else {
              expect(created.statusCode, `${owner}: ${created.body}`).toBe(403);
              expect(await tables(definition)).toEqual(before);
            }
          }
        });

        it(`update with scope ${scope}`, async () => {
          const { session } = await accountFor('update', scope);
          const owners = definition.administratorsOnly ? [] : reached(definition, scope, 'update');
          const field = textField(definition);
          if (!field) throw new Error(`${object} has no text field to change`);
          for (const owner of OWNERS) {
            const id = records.get(object)?.[owner];
            const current = await env().api('GET', `/api/records/${object}/${id}`);
            const version = current.json<{ version: number }>().version;
            const before = await tables(definition);
            const body = { [field]: `changed ${owner} ${scope} ${Date.now()}`, version };
            const updated = await env().api('PATCH', `/api/records/${object}/${id}`, body, session);
            if (owners.includes(owner)) {
              expect(updated.statusCode, `${owner}: ${updated.body}`).toBe(200);
              expect(updated.json<{ _can: { update: boolean } }>()._can.update).toBe(true);
            } else {
              expect(updated.statusCode, `${owner}: ${updated.body}`).toBe(403);
              expect(await tables(definition)).toEqual(before);
            }
          }
        });

        it(`delete and restore with scope ${scope}`, async () => {
          const { session } = await accountFor('delete', scope);
          const owners = definition.administratorsOnly ? [] : reached(definition, scope, 'delete');
          for (const owner of OWNERS) {
            const id = records.get(object)?.[owner];
            const before = await tables(definition);
            const deleted = await env().api('DELETE', `/api/records/${object}/${id}`, undefined, session);
            if (owners.includes(owner)) {
              expect(deleted.statusCode, `${owner}: ${deleted.body}`).toBe(204);
              const restored = await env().api('POST', `/api/records/${object}/${id}/restore`, {}, session);
              expect(restored.statusCode, restored.body).toBe(200);
            } else {
              expect(deleted.statusCode, `${owner}: ${deleted.body}`).toBe(403);
              expect(await tables(definition)).toEqual(before);
            }
          }
        });

        it(`export with scope ${scope}`, async () => {
          const { session } = await accountFor('export', scope);
          const owners = reached(definition, scope, 'export');
          const filter = { field: 'id', op: 'in', value: idsOf(object) };
          const body = { format: 'csv', fields: ['id'], filter, sort: [{ field: 'id', direction: 'asc' }] };
          const exported = await env().api('POST', `/api/records/${object}/export`, body, session);
          if (owners.length === 0) {
            expect(exported.statusCode, exported.body).toBe(403);
            return;
          }
          expect(exported.statusCode, exported.body).toBe(200);
          const ids = exported.body.replace('\uFEFF', '').trim().split('\r\n').slice(1).map(Number);
          expect(ids).toEqual(expectedIds(object, owners));
        });

        it(`bulk with scope ${scope}`, async () => {
          const { session } = await accountFor('bulk', scope);
          const owners = definition.administratorsOnly ? [] : reached(definition, scope, 'bulk');
          const field = textField(definition);
          const before = await tables(definition);
          const bulk = await env().api(
            'POST',
            `/api/records/${object}/bulk`,
            {
              selection: { filter: { field: 'id', op: 'in', value: idsOf(object) } },
              action: { type: 'update', field, value: `bulk ${scope} ${Date.now()}` },
            },
            session,
          );
          if (owners.length === 0) {
            expect(bulk.statusCode, bulk.body).toBe(403);
            expect(await tables(definition)).toEqual(before);
            return;
          }
          expect(bulk.statusCode, bulk.body).toBe(200);
          expect(bulk.json<{ count: number }>().count).toBe(owners.length);
        });
      }
    });
  }
});
