import { authorize } from '../../access/policy.ts';
import type { Executor } from '../../db/dialects/dialect.ts';
import { type AppError, errors, type FieldIssue } from '../../errors.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteEffect, WriteFact } from '../../records/effects.ts';
import { inScope } from '../../records/in-scope.ts';
import { CLOSED_CASE_STATUS_CODES } from './dictionaries.ts';

// Checks the cases module's objects share. They run inside the write's transaction (as effects,
// which know the action and the writer, or as invariants over the written row), so a refusal
// rolls the whole write back: a rejected request writes nothing.

/** The status code of a case (null when it has none or does not exist). */
export async function caseStatusCode(executor: Executor, caseId: number): Promise<string | null> {
  const row = await executor
    .selectFrom('client_case as c')
    .innerJoin('dictionary_value as s', 's.id', 'c.status_id')
    .select('s.code')
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return typeof row?.code === 'string' ? row.code : null;
}

export function isClosedStatus(code: string | null): boolean {
  return code !== null && (CLOSED_CASE_STATUS_CODES as readonly string[]).includes(code);
}

/** The number a write set a field to, when the write named it (creates name every given value). */
export function newId(fact: WriteFact, key: string): number | null {
  const change = fact.changes.find((c) => c.field === key);
  return typeof change?.new === 'number' ? change.new : null;
}

/** The ids a write newly made a reference or membership field point at. */
function addedIds(fact: WriteFact, key: string): number[] {
  const change = fact.changes.find((c) => c.field === key);
  if (typeof change?.new === 'number') return [change.new];
  if (!Array.isArray(change?.new)) return [];
  const before = new Set(Array.isArray(change.old) ? change.old : []);
  return change.new.filter((id): id is number => typeof id === 'number' && !before.has(id));
}

/** A 400 naming the field at fault, in the shape the engine's own checks use. */
export function invalidField(field: string, code: string, message: string): AppError {
  const issue: FieldIssue = { field, code, message };
  return errors.validation([issue]);
}

/**
 * A record may name only records its writer may read: a case for a client a salesperson does
 * not look after would otherwise show them the client's name (the engine checks only that a
 * referenced record exists). An unreadable one is reported like a missing one, so the answer
 * does not tell that it exists. Objects whose owner path passes through the relation need no
 * such check (the row scope covers it); those owned through someone else (a case through its
 * lead) do. The system (other objects' effects, commands) is not checked.
 */
export function onlyReadableReferences(keys: readonly string[]): WriteEffect {
  return async (fact) => {
    if (fact.writer.kind === 'system' || (fact.action !== 'create' && fact.action !== 'update')) return;
    const definition = fact.ctx.registry.get(fact.object);
    for (const key of keys) {
      const ids = addedIds(fact, key);
      const target = fact.ctx.registry.get(definition?.field(key)?.target ?? '');
      if (ids.length === 0 || !target) continue;
      const grant = authorize(fact.ctx.registry, fact.writer, target.key, 'read');
      for (const id of ids) {
        if (!(await inScope(executorOf(fact.ctx), target, grant, id)))
          throw invalidField(key, 'not_found', `no ${target.key} with id ${id}`);
      }
    }
  };
}

const TABLES = { case: 'client_case', activity: 'activity', contact: 'person' } as const;

/**
 * Where a record names both a client and a case or an activity (an activity, a note), that case
 * or activity must be the client's: otherwise the record would show in one client's file and
 * count in another's case. One without a client of its own is not checked.
 */
export async function sameCompany(
  executor: Executor,
  table: string,
  recordId: number,
  key: keyof typeof TABLES,
): Promise<void> {
  const row = await executor
    .selectFrom(`${table} as r`)
    .innerJoin(`${TABLES[key]} as t`, 't.id', `r.${key}_id`)
    .select(['r.company_id', 't.company_id as other_company_id', 't.id as other_id'])
    .where('r.id', '=', recordId)
    .executeTakeFirst();
  if (!row || row.company_id === null || row.other_company_id === null) return;
  if (Number(row.company_id) === Number(row.other_company_id)) return;
  throw invalidField(
    key,
    'other_company',
    `${key} ${row.other_id} belongs to another company than company ${row.company_id}`,
  );
}
