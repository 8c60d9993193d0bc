import { expect } from 'vitest';
import type { ObjectDefinition } from '../src/server/metadata/define-object.ts';
import { createAs } from './access-fixtures.ts';
import type { EnvGetter } from './record-fixtures.ts';

/** Whose records a test record is: scopes are checked against these five owners. */
export const OWNERS = ['me', 'colleague', 'sub', 'outsider', 'nobody'] as const;
export type Owner = (typeof OWNERS)[number];

/** Who a scope reaches in the world below (`nobody` is an unowned record: only `all`). */
export const REACH: Record<'own' | 'department' | 'subtree' | 'all', readonly Owner[]> = {
  own: ['me'],
  department: ['me', 'colleague'],
  subtree: ['me', 'colleague', 'sub'],
  all: OWNERS,
};

/**
 * A small organisation: Sales (me, colleague) with Sales North (sub) below it, Back office
 * (outsider) beside it, and `nobody` (an employee in no department, standing for "no owner").
 */
export interface World {
  departments: { root: number; sales: number; north: number; backOffice: number };
  employees: Record<Owner, number>;
}

export async function buildWorld(env: EnvGetter): Promise<World> {
  const root = await createAs(env, 'department', { name: 'Company' });
  const sales = await createAs(env, 'department', { name: 'Sales', parent: root });
  const north = await createAs(env, 'department', { name: 'Sales North', parent: sales });
  const backOffice = await createAs(env, 'department', { name: 'Back office', parent: root });
  const employee = (last_name: string, department: number | null) =>
    createAs(env, 'employee', { first_name: 'Test', last_name, department });
  return {
    departments: { root, sales, north, backOffice },
    employees: {
      me: await employee('Me', sales),
      colleague: await employee('Colleague', sales),
      sub: await employee('Sub', north),
      outsider: await employee('Outsider', backOffice),
      nobody: await employee('Nobody', null),
    },
  };
}

let sequence = 0;

/**
 * Values for a new record of any object, from its metadata alone: required fields filled,
 * and, for an owned object, the owner path leading to `ownerEmployee` (null: no owner).
 * A new object is covered by the access tests without writing anything here.
 */
export async function sampleValues(
  env: EnvGetter,
  definition: ObjectDefinition,
  ownerEmployee: number | null,
  world: World,
): Promise<Record<string, unknown>> {
  sequence += 1;
  const values: Record<string, unknown> = {};
  for (const field of definition.fields) {
    if (field.system || field.readOnly || !field.required) continue;
    values[field.key] = await sampleValue(env, field.type, field.key, field.dictionary, field.min);
  }
  if (definition.owner === 'self') {
    // An employee is "owned" by whoever shares their department: put them in the owner's.
    const ownerDepartment = ownerEmployee === null ? null : departmentOf(world, ownerEmployee);
    values.department = ownerDepartment;
  } else if (definition.owner) {
    Object.assign(values, await ownerValues(env, definition, ownerEmployee, world));
  }
  return values;
}

function departmentOf(world: World, employee: number): number | null {
  if (employee === world.employees.me || employee === world.employees.colleague)
    return world.departments.sales;
  if (employee === world.employees.sub) return world.departments.north;
  if (employee === world.employees.outsider) return world.departments.backOffice;
  return null;
}

async function ownerValues(
  env: EnvGetter,
  definition: ObjectDefinition,
  ownerEmployee: number | null,
  world: World,
): Promise<Record<string, unknown>> {
  const path = env().services.registry.ownerPath(definition);
  const [first, ...rest] = path;
  if (!first) return {};
  if (rest.length === 0 || ownerEmployee === null) return { [first.key]: ownerEmployee };
  // The owner is further away: make the intermediate record, owned by the same employee.
  const target = env().services.registry.get(first.target ?? '');
  if (!target) throw new Error(`unknown target of ${definition.key}.${first.key}`);
  const intermediate = await createAs(env, target.key, await sampleValues(env, target, ownerEmployee, world));
  return { [first.key]: intermediate };
}

async function sampleValue(
  env: EnvGetter,
  type: string,
  key: string,
  dictionary: string | undefined,
  min: number | undefined,
): Promise<unknown> {
  const unique = `${sequence}-${Date.now().toString(36)}`;
  switch (type) {
    case 'integer':
      return min ?? 1;
    case 'boolean':
      return true;
    case 'date':
      return '2026-01-15';
    case 'dateTime':
      return '2026-01-15T10:00:00.000Z';
    case 'email':
      return `a${sequence}@example.com`;
    case 'url':
      return 'https://example.com';
    case 'select':
      return createAs(env, 'dictionary_value', {
        dictionary,
        code: `c${unique}`,
        label_en: 'X',
        label_pl: 'X',
        label_hu: 'X',
      });
    default:
      return `${key} ${unique}`;
  }
}

/** Creates one record per owner as the administrator: owner → id. */
export async function recordsPerOwner(
  env: EnvGetter,
  definition: ObjectDefinition,
  world: World,
): Promise<Record<Owner, number>> {
  if (definition.owner === 'self') return { ...world.employees };
  const ids = {} as Record<Owner, number>;
  for (const owner of OWNERS) {
    const employee = owner === 'nobody' ? null : world.employees[owner];
    ids[owner] = await createAs(env, definition.key, await sampleValues(env, definition, employee, world));
  }
  expect(new Set(Object.values(ids)).size).toBe(OWNERS.length);
  return ids;
}
