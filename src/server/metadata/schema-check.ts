import { INT32 } from '../../shared/field-types/kinds.ts';
import type { Dialect } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from './define-object.ts';
import { alwaysSetOnCreate, mayBeWrittenNull } from './nullability.ts';
import type { MetadataRegistry } from './registry.ts';

/**
 * Columns the engine keeps on every record table beside the declared fields: who deleted a
 * record (the trash shows it) is written by the engine only.
 */
const ENGINE_COLUMNS: ReadonlySet<string> = new Set(['deleted_by']);

interface TableShape {
  columns: Map<string, { dataType: string; isNullable: boolean; hasDefaultValue: boolean }>;
}

async function tablesOf(dialect: Dialect): Promise<Map<string, TableShape>> {
  const tables = await dialect.db.introspection.getTables();
  return new Map(
    tables.map((table) => [
      table.name,
      { columns: new Map(table.columns.map((column) => [column.name, column])) },
    ]),
  );
}

function fitsInt32(field: { min?: number; max?: number }): boolean {
  return (
    (field.min === undefined || field.min >= INT32.min) && (field.max === undefined || field.max <= INT32.max)
  );
}

function objectProblems(
  dialect: Dialect,
  definition: ObjectDefinition,
  tables: Map<string, TableShape>,
): string[] {
  const problems: string[] = [];
  const table = tables.get(definition.table);
  if (!table) return [`${definition.key}: table ${definition.table} does not exist`];
  const derived = Object.keys(definition.derivedColumns);
  // Where the dialect stores folded text for `contains` (Dialect.foldedColumns), beside its field.
  const folded = dialect.foldedColumns
    ? definition.containsIndexes.map((key) => `${definition.field(key)?.column ?? key}_folded`)
    : [];
  const declared = new Set<string>([...ENGINE_COLUMNS, ...definition.internalColumns, ...derived, ...folded]);
  for (const name of folded) {
    if (!table.columns.has(name))
      problems.push(`${definition.key}: folded column ${definition.table}.${name} does not exist`);
  }
  for (const name of derived) {
    if (!table.columns.has(name))
      problems.push(`${definition.key}: derived column ${definition.table}.${name} does not exist`);
  }
  for (const field of definition.fields) {
    for (const spec of field.columns) {
      declared.add(spec.name);
      const column = table.columns.get(spec.name);
      const where = `${definition.key}.${field.key}: column ${definition.table}.${spec.name}`;
      if (!column) {
        problems.push(`${where} does not exist`);
        continue;
      }
      // A whole number the field allows beyond 32 bits (a record id) needs a 64-bit column.
      const wide = spec.type === 'integer' && !fitsInt32(field);
      const stored = wide ? 'bigint' : spec.type;
      const accepted = dialect.storedTypes[stored];
      if (!accepted.includes(column.dataType.toLowerCase()))
        problems.push(
          `${where} is ${column.dataType}, the ${field.type} type ${wide ? 'with bounds beyond 32 bits ' : ''}stores ${stored} (${accepted.join(' or ')})`,
        );
      // A NOT NULL column refuses a write that clears the field (a column default only fills a
      // column an insert leaves out, never one set to null), and a create that leaves it out
      // unless the column has a default.
      if (!column.isNullable && mayBeWrittenNull(field))
        problems.push(`${where} is NOT NULL but the field is optional: a write may set it to null`);
      else if (!column.isNullable && !column.hasDefaultValue && !alwaysSetOnCreate(field))
        problems.push(`${where} is NOT NULL without a default but a create may leave the field empty`);
    }
    if (field.through) {
      const link = tables.get(field.through.table);
      const { sourceColumn, targetColumn } = field.through;
      if (!link)
        problems.push(`${definition.key}.${field.key}: link table ${field.through.table} does not exist`);
      else
        for (const name of [sourceColumn, targetColumn, ...(field.through.carry ?? [])])
          if (!link.columns.has(name))
            problems.push(
              `${definition.key}.${field.key}: column ${field.through.table}.${name} does not exist`,
            );
    }
  }
  for (const name of table.columns.keys()) {
    if (!declared.has(name))
      problems.push(`${definition.key}: column ${definition.table}.${name} is not declared by any field`);
  }
  return problems;
}

/**
 * Where the database and the object declarations disagree: a missing table or column, a column
 * of the wrong type, an optional field on a NOT NULL column, a column no field declares. Empty
 * when every declaration is backed by the schema the migrations made.
 */
export async function schemaProblems(dialect: Dialect, registry: MetadataRegistry): Promise<string[]> {
  const tables = await tablesOf(dialect);
  return registry.list().flatMap((definition) => objectProblems(dialect, definition, tables));
}
