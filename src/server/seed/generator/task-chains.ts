// The demo's chain templates: work that always goes the same way, started from a client's task
// (a new client's onboarding, a complaint). Steps go in the task registers the tasks use, done
// by whom the step's role says or, for examining a complaint, by one colleague of the
// complaints staff. A pure function of the seed and the staff, like the registers.
import type { StepCondition, StepRole } from '../../modules/tasks/task-chain.ts';
import { context, type DatasetSize, type GenerateOptions, STREAM } from './context.ts';
import { employees } from './employees.ts';
import { planOrganisation } from './organisation.ts';
import { PLANNING_TEXTS, TASK_CHAIN_KEYS, type TaskChainKey } from './planning-texts.ts';
import { forIndex } from './prng.ts';
import { languageOf, planTaskRegisters } from './task-registers.ts';
import type { TaskRegisterKey } from './task-texts.ts';
import { taskTarget } from './tasks.ts';
import { instantAt } from './work-context.ts';

interface StepSpec {
  register: TaskRegisterKey;
  role: StepRole;
  /** A named colleague of the register's staff does it rather than the role. */
  named?: true;
  dueOffsetDays: number | null;
  condition: StepCondition;
}

/** In the order of the step titles in planning-texts.ts. */
const CHAIN_SPECS: Readonly<Record<TaskChainKey, readonly StepSpec[]>> = {
  onboarding: [
    { register: 'sales', role: 'starter', dueOffsetDays: 1, condition: 'done' },
    { register: 'sales', role: 'previous_assignee', dueOffsetDays: 3, condition: 'done' },
    // The invoice is the back office's: its register's keeper hands it on.
    { register: 'office', role: 'register_keeper', dueOffsetDays: 7, condition: 'done' },
    // Whoever won the client calls after a month, whether the invoice went out or not.
    { register: 'sales', role: 'starter', dueOffsetDays: 30, condition: 'any' },
  ],
  complaint: [
    { register: 'complaints', role: 'starter', dueOffsetDays: 1, condition: 'done' },
    { register: 'complaints', role: 'starter', named: true, dueOffsetDays: 5, condition: 'done' },
    // Accepted (examined, done): put right; rejected (examination cancelled): explained.
    { register: 'complaints', role: 'register_keeper', dueOffsetDays: 5, condition: 'done' },
    { register: 'complaints', role: 'previous_assignee', dueOffsetDays: 3, condition: 'cancelled' },
    { register: 'complaints', role: 'starter', dueOffsetDays: 14, condition: 'any' },
  ],
};

export interface TaskChainStepRow {
  /** 1, 2, … in the chain. */
  position: number;
  title: string;
  /** Into `taskRegisters` (the registers the tasks go in), as the tasks number them. */
  register_number: number;
  assignee_index: number | null;
  assignee_role: StepRole;
  due_offset_days: number | null;
  condition: StepCondition;
}

export interface TaskChainRow {
  key: TaskChainKey;
  name: string;
  description: string;
  created_at: string;
  steps: TaskChainStepRow[];
}

/**
 * The first `size.taskChains` templates (none without tasks: their steps need the registers),
 * each written in the language of the keeper of its first step's register, who set it up.
 */
export function taskChains(seed: number, size: DatasetSize, options: GenerateOptions = {}): TaskChainRow[] {
  const count = Math.min(Math.max(0, size.taskChains ?? 0), TASK_CHAIN_KEYS.length);
  if (count === 0 || taskTarget(size) === 0) return [];
  const base = context(seed, size, options);
  const staff = [...employees(seed, size)];
  const registers = planTaskRegisters(seed, staff, planOrganisation(staff), base.referenceDay);
  const registerNumber = (key: TaskRegisterKey) => {
    const number = registers.findIndex((r) => r.key === key);
    if (number < 0) throw new Error(`no task register ${key}`);
    return number;
  };
  return TASK_CHAIN_KEYS.slice(0, count).map((key, index) => {
    // A stream of its own: the named colleague shifts no other record.
    const rng = forIndex(seed, STREAM.taskChains, index);
    const specs = CHAIN_SPECS[key];
    const first = registers[registerNumber(specs[0]?.register ?? 'sales')];
    const texts = PLANNING_TEXTS[languageOf(first?.row.keeper_index ?? null)].chains[key];
    return {
      key,
      name: texts.name,
      description: texts.description,
      // After the registers, long before the tasks.
      created_at: instantAt(base.referenceDay - 380, 9 * 60 + index * 10),
      steps: specs.map((spec, s) => {
        const register = registers[registerNumber(spec.register)];
        const staffOf = register?.staff ?? [];
        return {
          position: s + 1,
          title: texts.steps[s] ?? texts.name,
          register_number: registerNumber(spec.register),
          assignee_index: spec.named && staffOf.length > 0 ? rng.pick(staffOf) : null,
          assignee_role: spec.role,
          due_offset_days: spec.dueOffsetDays,
          condition: spec.condition,
        };
      }),
    };
  });
}
