// The task registers of the generated firm: sales, complaints, internal matters, office and IT,
// each kept by the head of the department it belongs to, read by a department, a work group or
// a few colleagues, with its topics. A pure function of the seed and the staff, like the
// organisation, so the demo and the benchmark get the same registers every time.

import { LOCALES, STREAM } from './context.ts';
import { employeeCountry } from './employees.ts';
import type { Language } from './locale.ts';
import { leadingDepartment, type OrganisationPlan } from './organisation.ts';
import { forIndex } from './prng.ts';
import type { EmployeeRow, TaskRegisterRow } from './rows.ts';
import { TASK_TEXTS, type TaskRegisterKey } from './task-texts.ts';
import { instantAt, pickSome } from './work-context.ts';
import type { WorkGroupKey } from './work-groups.ts';
import type { CaseTypeCode } from './work-texts.ts';

export interface TaskTopicSpec {
  /** Whether its tasks are about a client (their titles name one). */
  client: boolean;
  /** The client's cases a task on the topic may be about. */
  caseTypes: readonly CaseTypeCode[];
}

interface RegisterSpec {
  key: TaskRegisterKey;
  colour: string;
  /** The register is kept by the head of the first of these functions the firm has. */
  keeperAreas: readonly string[];
  /** Whose staff take its tasks on; empty: anyone. */
  staffAreas: readonly string[];
  /**
   * Who reads it besides its keeper: the leading department of its function (with those below
   * it), the top department (the whole firm), a demo work group, or a few colleagues. One of each
   * kind, so the demo shows every way a register can be opened.
   */
  readers: { department?: 'function' | 'firm'; workGroup?: WorkGroupKey; members?: number };
  /** In the order of the topics in the texts. */
  topics: readonly TaskTopicSpec[];
}

const INTERNAL: TaskTopicSpec = { client: false, caseTypes: [] };
const COMPLAINT: TaskTopicSpec = { client: true, caseTypes: ['complaint'] };

const REGISTER_SPECS: readonly RegisterSpec[] = [
  {
    key: 'sales',
    colour: '#1c7ed6',
    keeperAreas: ['Sales'],
    staffAreas: ['Sales', 'Marketing'],
    readers: { department: 'function' },
    topics: [
      { client: true, caseTypes: ['sales', 'inquiry', 'tender'] },
      INTERNAL,
      { client: true, caseTypes: ['sales'] },
    ],
  },
  {
    key: 'complaints',
    colour: '#e03131',
    keeperAreas: ['Customer Service', 'Sales'],
    staffAreas: ['Customer Service'],
    readers: { workGroup: 'customer_experience' },
    topics: [COMPLAINT, COMPLAINT, COMPLAINT],
  },
  {
    key: 'internal',
    colour: '#7048e8',
    keeperAreas: ['Management'],
    staffAreas: [],
    readers: { members: 3 },
    topics: [INTERNAL, INTERNAL, INTERNAL],
  },
  {
    key: 'office',
    colour: '#2f9e44',
    keeperAreas: ['IT', 'Accounts', 'Logistics'],
    staffAreas: ['IT', 'Accounts', 'Logistics', 'Management'],
    readers: { department: 'firm' },
    topics: [INTERNAL, INTERNAL, INTERNAL],
  },
];

/** Which topic of which register the breakdowns go in. */
export const TREE_TOPICS = {
  trade_fair: { register: 'sales', topic: 1 },
  onboarding: { register: 'sales', topic: 2 },
} as const satisfies Record<string, { register: TaskRegisterKey; topic: number }>;

export interface TaskRegisterPlan {
  key: TaskRegisterKey;
  row: TaskRegisterRow;
  topics: readonly TaskTopicSpec[];
  /** Active employees who take its tasks on, ascending; never empty while anyone is active. */
  staff: number[];
}

/** The language an employee writes in: their country's. */
export function languageOf(employee: number | null): Language {
  return employee === null ? 'en' : LOCALES[employeeCountry(employee)].language;
}

/** The registers, in REGISTER_SPECS order; named in their keeper's language. */
export function planTaskRegisters(
  seed: number,
  staff: readonly EmployeeRow[],
  organisation: OrganisationPlan,
  referenceDay: number,
): TaskRegisterPlan[] {
  const active = staff.flatMap((employee, e) => (employee.active ? [e] : []));
  const areaOf = (e: number) => organisation.departments[organisation.departmentOf[e] ?? 0]?.area ?? null;
  const headOf = (area: string) => {
    const department = leadingDepartment(organisation, area);
    return department === null ? null : (organisation.departments[department]?.head ?? null);
  };
  return REGISTER_SPECS.map((spec, index) => {
    // A stream of its own: drawing members shifts no other generated record.
    const rng = forIndex(seed, STREAM.taskRegisters, index);
    const keeper =
      spec.keeperAreas.map(headOf).find((head) => head !== null) ??
      organisation.departments[0]?.head ??
      active[0] ??
      null;
    const pool = active.filter((e) => {
      const area = areaOf(e);
      return area !== null && spec.staffAreas.includes(area);
    });
    const firstArea = spec.keeperAreas[0];
    const functionDepartment = firstArea === undefined ? null : leadingDepartment(organisation, firstArea);
    const departments =
      spec.readers.department === 'firm'
        ? [0]
        : spec.readers.department === 'function' && functionDepartment !== null
          ? [functionDepartment]
          : [];
    const texts = TASK_TEXTS[languageOf(keeper)].registers[spec.key];
    return {
      key: spec.key,
      topics: spec.topics,
      staff: pool.length > 0 ? pool : active,
      row: {
        name: texts.name,
        colour: spec.colour,
        description: texts.description,
        keeper_index: keeper,
        member_indexes:
          spec.readers.members === undefined ? [] : pickSome(rng, active, spec.readers.members, keeper),
        department_indexes: departments,
        work_group_key: spec.readers.workGroup ?? null,
        topics: texts.topics.map((topic) => topic.name),
        // Set up long before any of the tasks in them.
        created_at: instantAt(referenceDay - 400, 8 * 60 + index * 5),
      },
    };
  });
}
