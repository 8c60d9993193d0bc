import { expect } from 'vitest';
import type { FieldDefinition, ObjectDefinition } from '../src/server/metadata/define-object.ts';
import type { FieldType } from '../src/shared/field-types/registry.ts';
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
  if (definition.owner === 'self') {
    // An employee is "owned" by whoever shares their department: put them in the owner's.
    const ownerDepartment = ownerEmployee === null ? null : departmentOf(world, ownerEmployee);
    values.department = ownerDepartment;
  } else if (definition.owner) {
    Object.assign(values, await ownerValues(env, definition, ownerEmployee, world));
  }
  for (const field of definition.fields) {
    if (field.system || field.readOnly || !field.required || field.key in values) continue;
    // A required record off the owner path (a case's company for a case owned by its lead)
    // is made without an owner: it does not decide whose the new record is.
    const target = field.type === 'relation' ? env().services.registry.get(field.target ?? '') : undefined;
    values[field.key] = target
      ? await createAs(env, target.key, await sampleValues(env, target, null, world))
      : await sampleValue(env, field);
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
  // A required owner (a request's claimant) is someone: without an owner, the sampler makes one.
  if (rest.length === 0)
    return ownerEmployee === null && first.required ? {} : { [first.key]: ownerEmployee };
  // The owner is further away: make the intermediate record, owned by the same employee. Without
  // an owner it is made too, one without an owner: an address needs its company, a note
  // something it is attached to.
  const target = env().services.registry.get(first.target ?? '');
  if (!target) throw new Error(`unknown target of ${definition.key}.${first.key}`);
  const intermediate = await createAs(env, target.key, await sampleValues(env, target, ownerEmployee, world));
  return { [first.key]: intermediate };
}

type Sampler = (env: EnvGetter, field: FieldDefinition, unique: string) => unknown;

let instants = 0;

const text: Sampler = (_env, field, unique) => `${field.key} ${unique}`.slice(0, field.maxLength ?? 200);

/**
 * A valid value of every field type, for required fields of generated records. Keyed by type,
 * so a new type without a sample fails typechecking here rather than at run time.
 */
const SAMPLES: Record<FieldType, Sampler> = {
  text,
  longText: text,
  richText: text,
  email: () => `a${sequence}@example.com`,
  phone: () => '+48601234567',
  url: () => 'https://example.com',
  colour: () => '#3f51b5',
  integer: (_env, field) => field.min ?? 1,
  boolean: () => true,
  // A day further with every sample: records unique by their day (an exchange rate) stay apart.
  date: () => new Date(Date.UTC(2026, 0, 15) + sequence * 86_400_000).toISOString().slice(0, 10),
  // A minute later with every sample: a record's later date-time (a booking's end) comes after
  // its earlier one (its start), as rules that compare them want.
  dateTime: () => new Date(Date.UTC(2026, 0, 15, 10) + instants++ * 60_000).toISOString(),
  select: (env, field, unique) =>
    createAs(env, 'dictionary_value', {
      dictionary: field.dictionary,
      code: `c${unique}`,
      label_en: 'X',
      label_pl: 'X',
      label_hu: 'X',
    }),
  relation: () => null,
  multiRelation: () => [],
  taxId: () => '7740001454',
  iban: () => 'PL61109010140000071219812874',
  money: () => ({ amount: 100, currency: 'PLN' }),
  percent: () => 12.5,
  decimal: (_env, field) => field.min ?? 1.5,
  rating: () => 3,
  country: () => 'PL',
  postalCode: () => '00-950',
  monthDay: () => '12-04',
  currency: () => 'PLN',
  timeZone: () => 'Europe/Warsaw',
  choice: (_env, field) => field.options?.[0]?.value ?? null,
  savedFilter: () => ({ field: 'id', op: 'gt', value: 0 }),
};

async function sampleValue(env: EnvGetter, field: FieldDefinition): Promise<unknown> {
  return SAMPLES[field.type](env, field, `${sequence}-${Date.now().toString(36)}`);
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
