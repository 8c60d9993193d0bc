import { describe, expect, it } from 'vitest';
import { mainNameDay } from '../../../shared/name-days/index.ts';
import { DEMO_SEED } from '../demo.ts';
import { employeeCountry } from './employees.ts';
import { BENCH_SIZE, type DatasetSize, DEMO_SIZE, employees } from './generate.ts';
import { staffNameDay } from './name-days.ts';
import { EN_FEMALE_FIRST_NAMES, EN_MALE_FIRST_NAMES } from './names-en.ts';
import { departmentSubtree, leadingDepartment, planOrganisation, TOP_DEPARTMENT } from './organisation.ts';
import { planWorkGroups } from './work-groups.ts';

const staffOf = (size: DatasetSize) => [...employees(DEMO_SEED, size)];

describe.each([
  ['demo', DEMO_SIZE],
  ['bench', BENCH_SIZE],
] as const)('organisation of the %s staff', (_, size) => {
  const staff = staffOf(size);
  const plan = planOrganisation(staff);

  it('is the same every time', () => {
    expect(planOrganisation(staffOf(size))).toEqual(plan);
    expect(planWorkGroups(DEMO_SEED, staffOf(size), plan)).toEqual(planWorkGroups(DEMO_SEED, staff, plan));
  });

  it('is a tree under one top, parents first, with every generated department in it', () => {
    expect(plan.departments[0]).toMatchObject({ name: TOP_DEPARTMENT, parent: null });
    plan.departments.slice(1).forEach((department, index) => {
      expect(department.parent).not.toBeNull();
      expect(department.parent ?? Number.POSITIVE_INFINITY).toBeLessThan(index + 1);
    });
    const names = new Set(plan.departments.map((d) => d.name));
    expect(names.size).toBe(plan.departments.length);
    for (const [e, employee] of staff.entries()) {
      expect(plan.departments[plan.departmentOf[e] ?? 0]?.name).toBe(employee.department);
    }
  });

  it('puts the other countries\u2019 sales departments below the leading one', () => {
    const sales = leadingDepartment(plan, 'Sales');
    expect(sales).not.toBeNull();
    expect(plan.departments[sales ?? 0]?.name).toBe('Sprzedaż');
    expect(departmentSubtree(plan, sales ?? 0).length).toBeGreaterThan(1);
  });

  it('has active heads from their own department and a manager for everyone but the top head', () => {
    const topHead = plan.departments[0]?.head ?? null;
    expect(topHead).not.toBeNull();
    plan.departments.slice(1).forEach((department, index) => {
      if (department.head === null) return;
      expect(staff[department.head]?.active).toBe(true);
      expect(plan.departmentOf[department.head]).toBe(index + 1);
    });
    const heads = new Set(plan.departments.map((d) => d.head));
    plan.managerOf.forEach((manager, e) => {
      if (e === topHead) expect(manager).toBeNull();
      else {
        expect(manager).not.toBeNull();
        expect(manager).not.toBe(e);
        expect(heads.has(manager)).toBe(true);
      }
    });
    // Walking up from anyone ends at the top head, without a circle.
    for (let e = 0; e < staff.length; e++) {
      const seen = new Set<number>();
      let current: number | null = e;
      while (current !== null && !seen.has(current)) {
        seen.add(current);
        current = plan.managerOf[current] ?? null;
      }
      expect(current).toBeNull();
      expect([...seen].at(-1)).toBe(topHead);
    }
  });

  it('forms work groups of active employees, each with members', () => {
    const groups = planWorkGroups(DEMO_SEED, staff, plan);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      expect(group.members.length).toBeGreaterThanOrEqual(2);
      expect(group.members.every((e) => staff[e]?.active)).toBe(true);
    }
  });
});

describe('name days', () => {
  it('come from the calendar of the country the employee works in; British staff have none', () => {
    const staff = staffOf(DEMO_SIZE);
    staff.forEach((employee, index) => {
      const country = employeeCountry(index);
      const day = staffNameDay(employee.first_name, country);
      if (country === 'GB') expect(day, employee.first_name).toBeNull();
      else {
        const expected = mainNameDay(employee.first_name, country === 'PL' ? 'pl' : 'hu');
        expect(day).toBe(
          expected && `${String(expected.month).padStart(2, '0')}-${String(expected.day).padStart(2, '0')}`,
        );
      }
    });
    // A British name is no reason for a name day either, whatever calendar knows it.
    for (const name of [...EN_MALE_FIRST_NAMES, ...EN_FEMALE_FIRST_NAMES])
      expect(staffNameDay(name, 'GB')).toBeNull();
    expect(staffNameDay('Katalin', 'HU')).toBe('11-25');
    expect(staffNameDay('Katarzyna', 'PL')).toBe('11-25');
  });

  it('go to some of the demo staff, not all', () => {
    const days = staffOf(DEMO_SIZE).map((e, index) => staffNameDay(e.first_name, employeeCountry(index)));
    expect(days.filter((d) => d !== null).length).toBeGreaterThan(3);
    expect(days).toContain(null);
  });
});
