import { type RawBuilder, sql } from 'kysely';
import type { Scope } from '../../shared/access/rights.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import type { AudiencePath, MetadataRegistry } from '../metadata/registry.ts';
import type { AccessRights } from './rights.ts';

/** A condition on the rows of a table aliased `alias`; every call makes fresh inner aliases. */
export type RowPredicate = (alias: string) => RawBuilder<unknown>;

const FALSE = sql`1 = 0`;

/**
 * The employees whose records a scope reaches, as a subquery (or a single id): `own` is the
 * account's employee; `department` adds everyone in the employee's department; `subtree` adds
 * everyone in that department and all departments below it (a recursive query, so moving a
 * department in the tree applies at once, with no cached tree to forget).
 */
function ownersIn(scope: Scope, employeeId: number, alias: string): RawBuilder<unknown> {
  const e = `${alias}_e`;
  if (scope === 'own') return sql`${employeeId}`;
  if (scope === 'department') {
    return sql`SELECT ${sql.ref(`${e}.id`)} FROM employee AS ${sql.raw(e)}
      WHERE ${sql.ref(`${e}.id`)} = ${employeeId} OR ${sql.ref(`${e}.department_id`)} =
        (SELECT department_id FROM employee WHERE id = ${employeeId})`;
  }
  const tree = sql.raw(`${alias}_tree`);
  const d = `${alias}_d`;
  return sql`SELECT ${sql.ref(`${e}.id`)} FROM employee AS ${sql.raw(e)}
    WHERE ${sql.ref(`${e}.id`)} = ${employeeId} OR ${sql.ref(`${e}.department_id`)} IN (
      WITH RECURSIVE ${tree}(id) AS (
        SELECT department_id FROM employee WHERE id = ${employeeId}
        UNION
        SELECT ${sql.ref(`${d}.id`)} FROM department AS ${sql.raw(d)}
          JOIN ${tree} ON ${sql.ref(`${d}.parent_id`)} = ${tree}.id
      )
      SELECT id FROM ${tree})`;
}

/** Rows whose owner (at the end of the object's owner path) is among the scope's employees. */
export function ownerPredicate(
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  scope: Scope,
  rights: AccessRights,
): RowPredicate | null {
  if (scope === 'all') return null;
  if (scope === 'none' || !definition.owner || rights.employeeId === null) return () => FALSE;
  const employeeId = rights.employeeId;
  const path = registry.ownerPath(definition);
  return (alias) => {
    const owners = ownersIn(scope, employeeId, alias);
    if (path.length === 0) return sql`${sql.ref(`${alias}.id`)} IN (${owners})`;
    return hop(registry, definition, path, 0, alias, owners);
  };
}

/**
 * One hop of the owner path from the row aliased `alias`. The last hop compares the column
 * with the (small) set of owners; earlier hops follow the reference with a correlated
 * EXISTS, one primary-key look-up per row, instead of listing every record the owners own
 * (a manager's subtree can own a fifth of a million companies).
 */
function hop(
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  path: FieldDefinition[],
  index: number,
  alias: string,
  owners: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const step = path[index];
  if (!step?.column) throw new Error(`${definition.key}: owner path step without a column`);
  const column = sql.ref(`${alias}.${step.column}`);
  if (index === path.length - 1) return sql`${column} IN (${owners})`;
  const target = registry.get(step.target ?? '');
  if (!target) throw new Error(`${definition.key}: owner path through an unknown object`);
  const next = `${alias}_o${index + 1}`;
  return sql`EXISTS (SELECT 1 FROM ${sql.table(target.table)} AS ${sql.raw(next)}
    WHERE ${sql.ref(`${next}.id`)} = ${column} AND ${sql.ref(`${next}.deleted_at`)} IS NULL
      AND ${hop(registry, definition, path, index + 1, next, owners)})`;
}

/**
 * Rows shared with the account, its department or one of its work groups (for `edit` only
 * shares that allow editing). An uncorrelated `id IN (…)`: computed once per query.
 */
export function sharePredicate(
  definition: ObjectDefinition,
  rights: AccessRights,
  access: 'read' | 'edit',
): RowPredicate {
  return (alias) => {
    const s = `${alias}_s`;
    const ref = (column: string) => sql.ref(`${s}.${column}`);
    const editOnly = access === 'edit' ? sql` AND ${ref('access')} = 'edit'` : sql``;
    return sql`${sql.ref(`${alias}.id`)} IN (SELECT ${ref('record_id')} FROM record_share AS ${sql.raw(s)}
      WHERE ${ref('object')} = ${definition.key}${editOnly} AND (${ref('account_id')} = ${rights.accountId}
        OR ${ref('department_id')} = ${rights.departmentId ?? 0}
        OR ${ref('work_group_id')} IN (${sql.join([0, ...rights.workGroupIds])})))`;
  };
}

/**
 * Rows whose audience names the reader (ObjectDefinition.audience): their employee, their
 * department or one above it, or one of their work groups, at the end of any audience path.
 * Each path is a chain of uncorrelated `IN (…)` subqueries, computed once per query: the
 * registers a reader belongs to are few, however many tasks they hold.
 */
export function audiencePredicate(
  registry: MetadataRegistry,
  definition: ObjectDefinition,
  rights: AccessRights,
): RowPredicate | null {
  if (definition.audience.length === 0) return null;
  const paths = definition.audience.map((dotted) => registry.audiencePath(definition, dotted));
  return (alias) =>
    sql`(${sql.join(
      paths.map((path, index) => audienceStep(registry, path, 0, alias, `${alias}_a${index}`, rights)),
      sql` OR `,
    )})`;
}

/** The readers' own ids of the kind a path names, as a list or a subquery. */
function readerIds(path: AudiencePath, rights: AccessRights, alias: string): RawBuilder<unknown> | null {
  if (path.names === 'employee') return rights.employeeId === null ? null : sql`${rights.employeeId}`;
  if (path.names === 'work_group')
    return rights.workGroupIds.length === 0 ? null : sql.join(rights.workGroupIds.map((id) => sql`${id}`));
  if (rights.departmentId === null) return null;
  // A register open to a department is open to the departments below it: the reader's
  // department and every one above it.
  const up = sql.raw(`${alias}_up`);
  const d = `${alias}_d`;
  return sql`WITH RECURSIVE ${up}(id) AS (
      SELECT id FROM department WHERE id = ${rights.departmentId}
      UNION
      SELECT ${sql.ref(`${d}.parent_id`)} FROM department AS ${sql.raw(d)}
        JOIN ${up} ON ${sql.ref(`${d}.id`)} = ${up}.id WHERE ${sql.ref(`${d}.parent_id`)} IS NOT NULL
    )
    SELECT id FROM ${up}`;
}

function audienceStep(
  registry: MetadataRegistry,
  path: AudiencePath,
  index: number,
  alias: string,
  prefix: string,
  rights: AccessRights,
): RawBuilder<unknown> {
  const hop = path.hops[index];
  if (hop) {
    const target = registry.get(hop.target ?? '');
    if (!target || !hop.column) throw new Error(`audience path through ${hop.key} without a target`);
    const next = `${prefix}_h${index + 1}`;
    return sql`${sql.ref(`${alias}.${hop.column}`)} IN (SELECT ${sql.ref(`${next}.id`)}
      FROM ${sql.table(target.table)} AS ${sql.raw(next)} WHERE ${sql.ref(`${next}.deleted_at`)} IS NULL
        AND ${audienceStep(registry, path, index + 1, next, prefix, rights)})`;
  }
  const readers = readerIds(path, rights, prefix);
  if (readers === null) return FALSE;
  const { field } = path;
  if (field.type === 'relation' && field.column)
    return sql`${sql.ref(`${alias}.${field.column}`)} IN (${readers})`;
  const through = field.through;
  if (!through) throw new Error(`audience field ${field.key} has neither a column nor a link table`);
  const m = `${prefix}_m`;
  return sql`${sql.ref(`${alias}.id`)} IN (SELECT ${sql.ref(`${m}.${through.sourceColumn}`)}
    FROM ${sql.table(through.table)} AS ${sql.raw(m)} WHERE ${sql.ref(`${m}.${through.targetColumn}`)} IN (${readers}))`;
}

export function anyOf(predicates: RowPredicate[]): RowPredicate {
  return (alias) =>
    predicates.length === 0
      ? FALSE
      : sql`(${sql.join(
          predicates.map((p) => p(alias)),
          sql` OR `,
        )})`;
}

export function allOf(predicates: Array<RowPredicate | null>): RowPredicate | null {
  const present = predicates.filter((p): p is RowPredicate => p !== null);
  if (present.length === 0) return null;
  return (alias) =>
    sql`(${sql.join(
      present.map((p) => p(alias)),
      sql` AND `,
    )})`;
}
