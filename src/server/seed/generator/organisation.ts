// The generated staff's organisation: a department tree, a head per department and each
// employee's manager. A pure function of the employee rows, so the demo and the benchmark get
// the same shape every time, and the loader only has to write it down.
import { COUNTRY_MIX, LOCALES } from './context.ts';
import type { EmployeeRow } from './rows.ts';

/**
 * The department above all others: the whole firm. Named like its e-mail domain
 * (kartoteka.example) rather than in one of the three languages its staff write.
 */
export const TOP_DEPARTMENT = 'Kartoteka Demo';

export interface DepartmentPlan {
  name: string;
  /** Index of the parent in `OrganisationPlan.departments`; null only for the top. */
  parent: number | null;
  /** Employee index of the head; null when the department has no active employee. */
  head: number | null;
  /** The function in English ('Sales', 'Customer Service'…); null for the top. */
  area: string | null;
}

export interface OrganisationPlan {
  /** The top first; a parent always comes before its children, so ids can be assigned in order. */
  departments: DepartmentPlan[];
  /** Employee index → department index. */
  departmentOf: number[];
  /** Employee index → the employee index of their manager; null for the top head only. */
  managerOf: Array<number | null>;
}

interface DepartmentKind {
  /** Position in the locales' role lists, which name the same functions in the same order. */
  order: number;
  area: string;
  /** Position of the first country (in COUNTRY_MIX order) that uses the name. */
  rank: number;
}

let kinds: Map<string, DepartmentKind> | null = null;

/** Every department name the generator can produce, with its function and country rank. */
function departmentKinds(): Map<string, DepartmentKind> {
  if (kinds) return kinds;
  const english = LOCALES.GB.employeeRoles;
  const found = new Map<string, DepartmentKind>();
  COUNTRY_MIX.forEach(([country], rank) => {
    LOCALES[country].employeeRoles.forEach((role, order) => {
      const area = english[order]?.department;
      if (area === undefined) throw new Error(`${country} has more employee roles than the English list`);
      const known = found.get(role.department);
      // "Marketing" or "IT" is the same word in several languages: one department, one function.
      if (known && known.order !== order) throw new Error(`"${role.department}" names two functions`);
      if (!known) found.set(role.department, { order, area, rank });
    });
  });
  kinds = found;
  return found;
}

// Positions that name someone who leads (in the three languages), as opposed to "Account
// Manager", which names a salesperson.
const LEADING_POSITION =
  /kierownik|prezes|główny|vezető|igazgató|főkönyvelő|director|head of|(?<!account )manager/i;

/**
 * Who heads a group of employees: someone whose position says they lead, else the
 * longest-serving; an employee who has left heads nothing.
 */
function bestHead(staff: readonly EmployeeRow[], candidates: readonly number[]): number | null {
  let best: number | null = null;
  let bestKey = '';
  for (const index of candidates) {
    const employee = staff[index];
    if (!employee?.active) continue;
    // Sorts as: leaders first, then the earliest hire date, then the lower index.
    const key = `${LEADING_POSITION.test(employee.position) ? 0 : 1}${employee.hired_on}${String(index).padStart(9, '0')}`;
    if (best === null || key < bestKey) {
      best = index;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The tree: the top, below it one department per function, led by the department of the
 * firm's home country (Polish, as half the clients are) with the same function's Hungarian and
 * British departments below it, e.g. Sprzedaż → Értékesítés, Sales. So `subtree` reaches further
 * than `department` for a manager of a leading department.
 */
export function planOrganisation(staff: readonly EmployeeRow[]): OrganisationPlan {
  const known = departmentKinds();
  const kindOf = (name: string): DepartmentKind =>
    known.get(name) ?? { order: Number.MAX_SAFE_INTEGER, area: name, rank: 0 };
  const names = [...new Set(staff.map((e) => e.department))];
  const areas = new Map<string, string[]>();
  for (const name of names) {
    const { area } = kindOf(name);
    areas.set(area, [...(areas.get(area) ?? []), name]);
  }
  const departments: DepartmentPlan[] = [{ name: TOP_DEPARTMENT, parent: null, head: null, area: null }];
  const indexOf = new Map<string, number>();
  const byOrder = [...areas.entries()].sort(
    ([a, [first = a]], [b, [second = b]]) => kindOf(first).order - kindOf(second).order || compare(a, b),
  );
  for (const [area, members] of byOrder) {
    const sorted = [...members].sort((a, b) => kindOf(a).rank - kindOf(b).rank || compare(a, b));
    const leading = departments.length;
    sorted.forEach((name, position) => {
      indexOf.set(name, departments.length);
      departments.push({ name, parent: position === 0 ? 0 : leading, head: null, area });
    });
  }
  const departmentOf = staff.map((e) => indexOf.get(e.department) ?? 0);
  departments.forEach((department, d) => {
    if (d === 0) return;
    const members = departmentOf.flatMap((of, e) => (of === d ? [e] : []));
    department.head = bestHead(staff, members);
  });
  const top = departments[0];
  if (top) {
    // The firm is led by whoever leads its management; without one, by the best of everyone.
    const management = departments.find((d) => d.area === 'Management' && d.parent === 0);
    const everyone = staff.map((_, e) => e);
    top.head = management?.head ?? bestHead(staff, everyone);
  }
  return {
    departments,
    departmentOf,
    managerOf: staff.map((_, e) => headAbove(departments, departmentOf[e] ?? 0, e)),
  };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The nearest head, from the department up to the top, who is not the employee themself. */
function headAbove(departments: readonly DepartmentPlan[], from: number, employee: number): number | null {
  let current: number | null = from;
  while (current !== null) {
    const department: DepartmentPlan | undefined = departments[current];
    if (!department) return null;
    if (department.head !== null && department.head !== employee) return department.head;
    current = department.parent;
  }
  return null;
}

/** The department of a function that leads the others of that function (`Sprzedaż` for 'Sales'). */
export function leadingDepartment(plan: OrganisationPlan, area: string): number | null {
  const index = plan.departments.findIndex((d) => d.area === area && d.parent === 0);
  return index < 0 ? null : index;
}

/** A department and every department below it, as indexes. */
export function departmentSubtree(plan: OrganisationPlan, root: number): number[] {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    plan.departments.forEach((d, index) => {
      if (d.parent === found[i]) found.push(index);
    });
  }
  return found;
}
