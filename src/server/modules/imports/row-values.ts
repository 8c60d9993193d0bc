import { createHash } from 'node:crypto';
import { kindOf } from '../../../shared/field-types/registry.ts';
import type { TextContext } from '../../metadata/field-types/module.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import type { ImportPlan, MappedColumn } from './mapping.ts';
import type { ReferenceResolver, Resolved } from './references.ts';
import type { RowIssue, StoredRow } from './store.ts';

/**
 * The export writes a text that a spreadsheet would run as a formula with an apostrophe in
 * front (`'=HYPERLINK(…)`, see export/cells.ts): reading it back, the apostrophe goes, so the
 * value round-trips. The text is then stored as text, like any other: nothing is evaluated.
 */
const NEUTRALISED_FORMULA = /^'(?=[=+\-@\t\r])/;

export function cellValue(cells: string[], index: number): string {
  return (cells[index] ?? '').trim().replace(NEUTRALISED_FORMULA, '');
}

/** Several related records in one cell, as the export joins them. */
const LIST_SEPARATOR = /\s*;\s*/;

/** A row's values for one object, as API values before the engine's check, and what was wrong. */
export interface ObjectValues {
  body: Record<string, unknown>;
  issues: RowIssue[];
  /** Whether any mapped cell of this object had a value. */
  present: boolean;
}

export interface RowValues {
  row: StoredRow;
  own: ObjectValues;
  /** By relation field key (`company`). */
  related: Map<string, ObjectValues>;
  hash: string;
}

/** Reference texts of a batch, resolved per field in one look-up each. */
export type ResolvedTexts = Map<MappedColumn, Map<string, Resolved>>;

export async function resolveReferences(
  plan: ImportPlan,
  rows: StoredRow[],
  resolver: ReferenceResolver,
): Promise<ResolvedTexts> {
  const resolved: ResolvedTexts = new Map();
  const columns = [...plan.own, ...plan.related.flatMap((related) => related.columns)];
  for (const mapped of columns) {
    const kind = kindOf(mapped.field);
    if (kind !== 'reference' && kind !== 'membership') continue;
    const texts = new Set<string>();
    for (const row of rows) {
      const text = cellValue(row.cells, mapped.index);
      if (text === '') continue;
      for (const part of kind === 'membership' ? text.split(LIST_SEPARATOR) : [text])
        if (part) texts.add(part);
    }
    resolved.set(mapped, await resolver.resolve(mapped.field, [...texts]));
  }
  return resolved;
}

function objectValues(
  columns: MappedColumn[],
  cells: string[],
  resolved: ResolvedTexts,
  context: TextContext,
  prefix: string,
): ObjectValues {
  const values: ObjectValues = { body: {}, issues: [], present: false };
  for (const mapped of columns) {
    const text = cellValue(cells, mapped.index);
    if (text === '') continue;
    values.present = true;
    const { field } = mapped;
    const issue = (code: string, message: string) =>
      values.issues.push({ column: mapped.column, field: `${prefix}${field.key}`, code, message });
    const kind = kindOf(field);
    if (kind === 'reference' || kind === 'membership') {
      const parts = kind === 'membership' ? text.split(LIST_SEPARATOR).filter(Boolean) : [text];
      const ids: number[] = [];
      for (const part of parts) {
        const found = resolved.get(mapped)?.get(part);
        if (found?.id !== undefined) ids.push(found.id);
        else issue('not_found', found?.problem ?? `"${part}" was not found`);
      }
      values.body[field.key] = kind === 'membership' ? ids : ids[0];
      continue;
    }
    const type = serverType(field);
    const converted = type.fromText ? type.fromText(text, field, context) : { value: text };
    if (converted.issue) issue(converted.issue.code, converted.issue.message);
    else values.body[field.key] = converted.value;
  }
  return values;
}

/**
 * A fingerprint of what a row says about its record: the object and every mapped column's
 * text. The same row imported again (by this file or another) is recognised by it.
 */
function rowHash(plan: ImportPlan, cells: string[]): string {
  const columns = [...plan.own, ...plan.related.flatMap((related) => related.columns)];
  const pairs = columns
    .map((mapped) => [mapped.field.key, mapped.column, cellValue(cells, mapped.index)] as const)
    .filter(([, , text]) => text !== '')
    .map(([key, column, text]) => `${column}\u0001${key}\u0001${text}`)
    .sort();
  return createHash('sha256')
    .update(`${plan.definition.key}\u0002${pairs.join('\u0002')}`)
    .digest('base64url');
}

export function rowValues(
  plan: ImportPlan,
  row: StoredRow,
  resolved: ResolvedTexts,
  context: TextContext,
): RowValues {
  const related = new Map<string, ObjectValues>();
  for (const relatedPlan of plan.related) {
    related.set(
      relatedPlan.via.key,
      objectValues(relatedPlan.columns, row.cells, resolved, context, `${relatedPlan.via.key}.`),
    );
  }
  return {
    row,
    own: objectValues(plan.own, row.cells, resolved, context, ''),
    related,
    hash: rowHash(plan, row.cells),
  };
}
