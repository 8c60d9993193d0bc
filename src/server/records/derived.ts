import type { Dialect } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import type { CheckedInput } from './input.ts';

/**
 * The derived columns a write sets (`defineObject({derivedColumns})`), in the same row write as
 * the fields they come from, so they are never out of step with them. On create every one is
 * computed; on update only those whose source fields the write sets, from the stored values
 * of the others (`before`, the stored row).
 */
export function derivedColumnValues(
  dialect: Dialect,
  definition: ObjectDefinition,
  input: CheckedInput,
  before: Record<string, unknown> | null,
): Record<string, unknown> {
  const derived = Object.entries(definition.derivedColumns);
  if (derived.length === 0) return {};
  const given = new Map([...input.values].map(([field, value]) => [field.key, value]));
  const columns: Record<string, unknown> = {};
  for (const [column, { from, compute }] of derived) {
    if (before && !from.some((key) => given.has(key))) continue;
    const values: Record<string, unknown> = {};
    for (const key of from) {
      const field = definition.field(key);
      if (given.has(key)) values[key] = given.get(key) ?? null;
      else if (before && field) values[key] = serverType(field).decode(before, field, dialect) ?? null;
      else values[key] = null;
    }
    columns[column] = compute(values);
  }
  return columns;
}

/**
 * A row inserted straight into the table (the demo and benchmark loader) with its derived
 * columns added, computed from the row's own columns as the engine would on create.
 */
export function withDerivedColumns(
  dialect: Dialect,
  definition: ObjectDefinition,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const derived = Object.entries(definition.derivedColumns);
  if (derived.length === 0) return row;
  const withColumns = { ...row };
  for (const [column, { from, compute }] of derived) {
    const values: Record<string, unknown> = {};
    for (const key of from) {
      const field = definition.field(key);
      values[key] = field ? (serverType(field).decode(row, field, dialect) ?? null) : null;
    }
    withColumns[column] = compute(values);
  }
  return withColumns;
}

/**
 * A stored row without the columns the database computes itself (PostgreSQL's folded text of
 * `containsIndexes` fields, `Dialect.foldedColumns`), which no INSERT may name: for rows read
 * whole and written again (the demo's near-duplicates).
 */
export function withoutComputedColumns(
  definition: ObjectDefinition,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const computed = new Set(
    definition.containsIndexes.map((key) => `${definition.field(key)?.column ?? key}_folded`),
  );
  return Object.fromEntries(Object.entries(row).filter(([column]) => !computed.has(column)));
}
