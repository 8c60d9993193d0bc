import type { Dialect, Executor } from '../db/dialects/dialect.ts';
import type { OrganisationPlan } from './generator/organisation.ts';

type Audit = { created_at: string; updated_at: string; version: number };

/** Writes the department tree, parents first; returns the ids in the plan's order. */
export async function insertDepartments(
  dialect: Dialect,
  plan: OrganisationPlan,
  audit: Audit,
): Promise<number[]> {
  return dialect.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const department of plan.departments) {
      const parentId = department.parent === null ? null : (ids[department.parent] ?? null);
      const row = await trx
        .insertInto('department')
        .values({ name: department.name, parent_id: parentId, ...audit })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(row.id));
    }
    return ids;
  });
}

/**
 * Heads and managers point at employees, so they are set once the employees exist: one
 * statement per department and one per manager (not per employee), a few dozen even for the
 * benchmark's staff.
 */
export async function linkHeadsAndManagers(
  dialect: Dialect,
  plan: OrganisationPlan,
  departmentIds: readonly number[],
  employeeIds: readonly number[],
): Promise<void> {
  await dialect.db.transaction().execute(async (trx) => {
    for (const [index, department] of plan.departments.entries()) {
      const id = departmentIds[index];
      const head = department.head === null ? undefined : employeeIds[department.head];
      if (id === undefined || head === undefined) continue;
      await trx.updateTable('department').set({ head_id: head }).where('id', '=', id).execute();
    }
    const reports = new Map<number, number[]>();
    plan.managerOf.forEach((manager, employee) => {
      const managerId = manager === null ? undefined : employeeIds[manager];
      const employeeId = employeeIds[employee];
      if (managerId === undefined || employeeId === undefined) return;
      reports.set(managerId, [...(reports.get(managerId) ?? []), employeeId]);
    });
    await setGrouped(trx, 'manager_id', reports);
  });
}

/** `UPDATE employee SET column = value WHERE id IN (…)`, once per distinct value. */
export async function setGrouped<V extends string | number>(
  executor: Executor,
  column: string,
  byValue: ReadonlyMap<V, readonly number[]>,
): Promise<void> {
  for (const [value, ids] of byValue) {
    if (ids.length === 0) continue;
    await executor
      .updateTable('employee')
      .set({ [column]: value })
      .where('id', 'in', [...ids])
      .execute();
  }
}
