import { expect } from 'vitest';
import { RECORD_RIGHTS, type Scope } from '../src/shared/access/rights.ts';
import type { Session } from './harness.ts';
import type { EnvGetter } from './record-fixtures.ts';

export const ACCOUNT_PASSWORD = 'plum-orbit-lantern-7';

export interface Grant {
  object: string;
  right: string;
  scope: Scope;
}

export interface FieldRule {
  object: string;
  field: string;
  access: 'hidden' | 'read' | 'edit';
}

let roles = 0;
/** A role made through the API as an administrator would; returns its id. */
export async function createRole(
  env: EnvGetter,
  grants: Grant[],
  fields: FieldRule[] = [],
  name = `role-${++roles}-${Date.now().toString(36)}`,
): Promise<number> {
  const response = await env().api('POST', '/api/access/roles', { name, grants, fields });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

/** Every right with the given scope on each of the objects (all objects when none are named). */
export function grantsOn(env: EnvGetter, scope: Scope, objects?: string[]): Grant[] {
  const keys =
    objects ??
    env()
      .services.registry.list()
      .map((d) => d.key);
  return keys.flatMap((object) => {
    const owned = env().services.registry.get(object)?.owner !== undefined;
    const effective: Scope = owned || scope === 'none' ? scope : 'all';
    return RECORD_RIGHTS.map((right) => ({ object, right, scope: effective }));
  });
}

let accounts = 0;
export interface TestAccount {
  id: number;
  login: string;
  session: Session;
}

/** An account with the given roles (and employee), created through the access API and logged in. */
export async function createAccount(
  env: EnvGetter,
  roleIds: number[],
  employee: number | null = null,
): Promise<TestAccount> {
  const login = `acct-${env().dialect}-${++accounts}-${Date.now().toString(36)}`;
  const response = await env().api('POST', '/api/access/accounts', {
    login,
    employee,
    password: ACCOUNT_PASSWORD,
    roles: roleIds,
  });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json<{ id: number }>().id;
  return { id, login, session: await env().login(login, ACCOUNT_PASSWORD) };
}

/** A record made as the administrator; returns its id. */
export async function createAs(
  env: EnvGetter,
  object: string,
  values: Record<string, unknown>,
  session?: Session,
): Promise<number> {
  const response = await env().api('POST', `/api/records/${object}`, values, session);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}
