import type { Tx } from '../db/dialects/dialect.ts';
import { employeeCountry } from './generator/employees.ts';
import { staffNameDay } from './generator/name-days.ts';
import { planWorkGroups } from './generator/work-groups.ts';
import type { LoadedDataset } from './load.ts';
import { setGrouped } from './load-organisation.ts';

/**
 * What the demo adds to the loaded organisation (the benchmark does without): name days for the
 * Polish and Hungarian employees, and a few work groups with members, one of them reading a
 * task register.
 * Written straight to the tables, like the rest of the seed, inside the caller's transaction.
 */
export async function addDemoOrganisation(
  trx: Tx,
  seed: number,
  loaded: LoadedDataset,
  at: string,
): Promise<void> {
  const byDay = new Map<string, number[]>();
  loaded.staff.forEach((employee, index) => {
    const day = staffNameDay(employee.first_name, employeeCountry(index));
    const id = loaded.employeeIds[index];
    if (day === null || id === undefined) return;
    byDay.set(day, [...(byDay.get(day) ?? []), id]);
  });
  await setGrouped(trx, 'name_day', byDay);

  for (const group of planWorkGroups(seed, loaded.staff, loaded.organisation)) {
    const row = await trx
      .insertInto('work_group')
      .values({
        name: group.name,
        description: group.description,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members = group.members.flatMap((index) => {
      const id = loaded.employeeIds[index];
      return id === undefined ? [] : [{ work_group_id: row.id, employee_id: id, created_at: at }];
    });
    if (members.length > 0) await trx.insertInto('work_group_member').values(members).execute();
    // The task registers this group reads (complaints: the customer experience group); the
    // registers were loaded before the groups existed.
    const registers = (loaded.workGroupRegisters.get(group.key) ?? []).map((registerId) => ({
      register_id: registerId,
      work_group_id: row.id,
      created_at: at,
    }));
    if (registers.length > 0) await trx.insertInto('task_register_work_group').values(registers).execute();
  }
}
