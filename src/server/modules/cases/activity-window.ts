import { sql } from 'kysely';
import type { Executor } from '../../db/dialects/dialect.ts';

/**
 * The longest an activity may last. A call, a meeting, a visit, even a week's trade fair fit
 * many times; longer work is a task or a case. The bound is what lets a calendar find the
 * activities overlapping a range through the (organiser, start) index: whatever overlaps
 * [from, to) started after `from` minus this, so the scan is of the range and a month before
 * it, not of everyone's whole history.
 */
export const MAX_ACTIVITY_DAYS = 31;
const MAX_ACTIVITY_MS = MAX_ACTIVITY_DAYS * 86_400_000;

/**
 * Ids of the live activities overlapping [from, to) that the employees organise or take part
 * in, soonest first, at most `limit`. Only ids: the calendar reads the records themselves
 * through the records engine, where the reader's rights apply. Two index-led halves (the
 * organisers' by start; the participants' through activity_employee by employee and the start
 * it carries), so neither the other employees' activities nor the employees' own past are
 * read. CROSS JOIN keeps SQLite's planner from starting the second half at activity (every
 * organiser's activities in the range, each looked up in activity_employee); PostgreSQL reads
 * it as a plain join.
 */
export async function activityIdsOverlapping(
  executor: Executor,
  query: { employees: readonly number[]; from: Date; to: Date; limit: number },
): Promise<number[]> {
  if (query.employees.length === 0) return [];
  const from = query.from.toISOString();
  const to = query.to.toISOString();
  const earliest = new Date(query.from.getTime() - MAX_ACTIVITY_MS).toISOString();
  const employees = [...query.employees];
  const overlapping = (alias: string) =>
    sql`${sql.ref(`${alias}.deleted_at`)} IS NULL
      AND ${sql.ref(`${alias}.starts_at`)} >= ${earliest} AND ${sql.ref(`${alias}.starts_at`)} < ${to}
      AND (${sql.ref(`${alias}.starts_at`)} >= ${from} OR ${sql.ref(`${alias}.ends_at`)} > ${from})`;
  const rows = await sql<{ id: number | string; starts_at: string }>`
    SELECT id, starts_at FROM (
      SELECT a.id, a.starts_at FROM activity a
        WHERE a.organiser_id IN (${sql.join(employees)}) AND ${overlapping('a')}
      UNION
      SELECT a.id, a.starts_at FROM activity_employee ae CROSS JOIN activity a
        WHERE ae.employee_id IN (${sql.join(employees)}) AND ae.starts_at >= ${earliest} AND ae.starts_at < ${to}
          AND a.id = ae.activity_id AND ${overlapping('a')}
    ) found
    ORDER BY starts_at, id
    LIMIT ${query.limit}`.execute(executor);
  return rows.rows.map((row) => Number(row.id));
}
