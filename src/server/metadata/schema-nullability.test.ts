import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/databases.ts';
import { expectError } from '../../../test/errors.ts';
import { useTestDialect, useTestEnv } from '../../../test/harness.ts';
import { expectNothingWritten } from '../../../test/record-fixtures.ts';
import { standardRegistry } from '../modules/objects.ts';
import { defineObject, field, labels as L } from './define-object.ts';
import { MetadataRegistry } from './registry.ts';
import { schemaProblems } from './schema-check.ts';

const label = L('Probe', 'Próba', 'Próba');

/** Fields over NOT NULL columns: which of them a write could still set to null. */
const probe = defineObject({
  key: 'nullability_probe',
  labels: { one: label, many: label },
  icon: 'flask',
  titleFields: ['required_text'],
  fields: {
    // Optional, so null may be sent; the column's default only fills an insert that leaves it out.
    optional_with_column_default: field.integer(label),
    // Optional with a default of its own: a create that sends null still writes null.
    optional_with_field_default: field.text(label, { defaultValue: 'x' }),
    required_text: field.text(label, { required: true }),
    required_with_default: field.integer(label, { required: true, defaultValue: 0 }),
    // Booleans refuse null: a missing answer is false.
    flag: field.boolean(label),
    // Set by the engine only, but nothing sets it on create and the column has no default.
    stamped: field.dateTime(label, { readOnly: true }),
    // A whole number beyond 32 bits needs a 64-bit column.
    wide: field.integer(label, { min: 1, max: Number.MAX_SAFE_INTEGER }),
  },
});

describe.each(DIALECTS)('the schema check compares nullability with the declarations (%s)', (dialect) => {
  const db = useTestDialect(dialect);

  it('names every NOT NULL column a write could leave empty, and only those', async () => {
    await db()
      .db.schema.createTable('nullability_probe')
      .addColumn('optional_with_column_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('optional_with_field_default', 'text', (c) => c.notNull())
      .addColumn('required_text', 'text', (c) => c.notNull())
      .addColumn('required_with_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('flag', dialect === 'postgres' ? 'boolean' : 'integer', (c) => c.notNull())
      .addColumn('stamped', dialect === 'postgres' ? sql`timestamptz` : 'text', (c) => c.notNull())
      .addColumn('wide', 'integer')
      .execute();
    // The probe beside the standard objects its audit fields point at; only its own problems count.
    const registry = new MetadataRegistry([...standardRegistry().list(), probe]);
    const problems = (await schemaProblems(db(), registry)).filter(
      (problem) =>
        problem.startsWith('nullability_probe.') &&
        !/^nullability_probe\.(id|version|created_at|created_by|updated_at|updated_by|deleted_at):/.test(
          problem,
        ),
    );
    const where = (key: string) => `nullability_probe.${key}: column nullability_probe.${key}`;
    expect(problems).toEqual(
      expect.arrayContaining([
        `${where('optional_with_column_default')} is NOT NULL but the field is optional: a write may set it to null`,
        `${where('optional_with_field_default')} is NOT NULL but the field is optional: a write may set it to null`,
        `${where('stamped')} is NOT NULL without a default but a create may leave the field empty`,
      ]),
    );
    for (const fine of ['required_text', 'required_with_default', 'flag'])
      expect(problems.filter((problem) => problem.startsWith(`nullability_probe.${fine}:`))).toEqual([]);
    // PostgreSQL's integer is 32 bits; SQLite's integers are all 64.
    const wide = problems.filter((problem) => problem.startsWith('nullability_probe.wide:'));
    expect(wide).toEqual(
      dialect === 'postgres'
        ? [`${where('wide')} is int4, the integer type with bounds beyond 32 bits stores bigint (int8)`]
        : [],
    );
  });
});

describe.each(DIALECTS)('a dictionary value always has its place in the list (%s)', (dialect) => {
  const env = useTestEnv(dialect);
  const value = { dictionary: 'industry', label_en: 'V', label_pl: 'V', label_hu: 'V' };

  it('refuses null for sort_order with 400 and writes nothing; leaving it out puts the value first', async () => {
    const { api } = env();
    const created = await api('POST', '/api/records/dictionary_value', { ...value, code: 'placed' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, sort_order } = created.json<{ id: number; sort_order: number }>();
    expect(sort_order).toBe(0);
    await expectNothingWritten(env, async () => {
      const refused = [
        await api('POST', '/api/records/dictionary_value', { ...value, code: 'unplaced', sort_order: null }),
        await api('PATCH', `/api/records/dictionary_value/${id}`, { sort_order: null, version: 1 }),
        await api('POST', '/api/records/dictionary_value/bulk', {
          selection: { ids: [id] },
          action: { type: 'update', field: 'sort_order', value: null },
        }),
      ];
      for (const response of refused) {
        const error = expectError(response, 400, 'validation_failed', /sort_order: is required/);
        expect(error.details).toMatchObject({ fields: [{ field: 'sort_order', code: 'required' }] });
      }
    });
    const changed = await api('PATCH', `/api/records/dictionary_value/${id}`, { sort_order: 30, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ sort_order: 30, version: 2 });
  });
});
