// The firm's tasks: single to-dos in every register and a few breakdowns of work into subtasks
// two or three levels deep (preparing a trade fair, taking on a new client, a complaint handled
// in steps), some about one of the first clients, its case and its contact. Like every
// generated record, tree #n is a pure function of (seed, n, size, reference date), from a
// stream of its own; trees come one after another until DatasetSize.tasks is reached.
import type { TaskStatusCode } from '../../modules/tasks/dictionaries.ts';
import { type ClientFile, clientFiles, workClients } from './client-work.ts';
import { context, type DatasetSize, type GenerateOptions, LOCALES, STREAM } from './context.ts';
import { employees } from './employees.ts';
import type { Language } from './locale.ts';
import { planOrganisation } from './organisation.ts';
import { forIndex, type Rng } from './prng.ts';
import type { TaskRow, TaskTree } from './rows.ts';
import { languageOf, planTaskRegisters, type TaskRegisterPlan, TREE_TOPICS } from './task-registers.ts';
import { fillTaskText, TASK_TEXTS, type TaskRegisterKey, type TaskTreeKind } from './task-texts.ts';
import { pruneTree, shapeTree } from './task-trees.ts';
import { isoDate } from './text.ts';
import { pickSome, type Weights } from './work-context.ts';

type Kind = 'single' | TaskTreeKind;

/** Mostly single tasks; about one top task in twelve is broken down (into some ten subtasks). */
const KIND_MIX: Weights<Kind> = [
  ['single', 92],
  ['trade_fair', 2],
  ['onboarding', 3],
  ['complaint', 3],
];

const SINGLE_STATUS: Weights<TaskStatusCode> = [
  ['new', 20],
  ['in_progress', 24],
  ['waiting', 12],
  ['done', 34],
  ['cancelled', 10],
];
/** A breakdown is mostly under way: that is when its progress says something. */
const TREE_STATUS: Weights<TaskStatusCode> = [
  ['new', 10],
  ['in_progress', 45],
  ['waiting', 10],
  ['done', 25],
  ['cancelled', 10],
];

const PRIORITY_MIX: Weights<string> = [
  ['low', 20],
  ['normal', 55],
  ['high', 18],
  ['urgent', 7],
];

/** How single tasks spread over the registers. */
const REGISTER_SHARE: Readonly<Record<TaskRegisterKey, number>> = {
  sales: 40,
  complaints: 22,
  internal: 18,
  office: 20,
};

interface TaskSetup {
  seed: number;
  reference: number;
  active: readonly number[];
  registers: readonly TaskRegisterPlan[];
  /** Tasks are about the first companies, those with client work when there is any. */
  clients: number;
  file: (index: number) => ClientFile;
}

function setup(seed: number, size: DatasetSize, options: GenerateOptions): TaskSetup {
  const base = context(seed, size, options);
  const staff = [...employees(seed, size)];
  const registers = planTaskRegisters(seed, staff, planOrganisation(staff), base.referenceDay);
  return {
    seed,
    reference: base.referenceDay,
    active: staff.flatMap((employee, e) => (employee.active ? [e] : [])),
    registers,
    clients: workClients(size) > 0 ? workClients(size) : size.companies,
    // Companies are drawn for the same reference date.
    file: clientFiles(seed, size, { referenceDate: isoDate(base.referenceDay) }),
  };
}

/** A client, drawn until one `fits` (a few tries: a client that does not fit will do). */
function drawClient(rng: Rng, work: TaskSetup, fits: (file: ClientFile) => boolean, tries: number) {
  let index = rng.int(0, work.clients - 1);
  let file = work.file(index);
  for (let attempt = 1; attempt < tries && !fits(file); attempt++) {
    index = rng.int(0, work.clients - 1);
    file = work.file(index);
  }
  return { index, file };
}

/** What a task is about: a client, maybe one of its cases (by number) and one of its people. */
interface About {
  company: number | null;
  file: ClientFile | null;
  caseNumber: number | null;
  person: number | null;
}

const NOTHING: About = { company: null, file: null, caseNumber: null, person: null };

function aboutClient(
  rng: Rng,
  work: TaskSetup,
  caseTypes: readonly string[],
  caseShare: number,
  preferCase: boolean,
): About {
  const hasCase = (file: ClientFile) => file.cases.some((c) => caseTypes.includes(c.type_code));
  const { index, file } = drawClient(rng, work, preferCase ? hasCase : () => true, preferCase ? 6 : 1);
  const numbers = file.cases.flatMap((c, n) => (caseTypes.includes(c.type_code) ? [n] : []));
  const caseNumber = numbers.length > 0 && rng.chance(caseShare) ? rng.pick(numbers) : null;
  const contact = caseNumber === null ? null : (file.cases[caseNumber]?.contact_index ?? null);
  const person =
    contact !== null && rng.chance(0.7)
      ? contact
      : file.people.length > 0 && rng.chance(0.4)
        ? rng.pick(file.people)
        : null;
  return { company: index, file, caseNumber, person };
}

function clientName(about: About): string | undefined {
  const company = about.file?.company;
  return company ? (company.short_name ?? company.name) : undefined;
}

/** A sentence, sometimes with a short list of steps under it, as the rich text editor writes them. */
function description(rng: Rng, language: Language): string {
  const texts = TASK_TEXTS[language];
  const paragraph = `<p>${escapeHtml(rng.pick(texts.descriptions))}</p>`;
  if (!rng.chance(0.4)) return paragraph;
  const steps = pickSome(
    rng,
    texts.checklist.map((_, i) => i),
    rng.int(2, 3),
  );
  return `${paragraph}<ul>${steps.map((i) => `<li>${escapeHtml(texts.checklist[i] ?? '')}</li>`).join('')}</ul>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function anyone(rng: Rng, work: TaskSetup): number | null {
  return work.active.length === 0 ? null : rng.pick(work.active);
}

function registerNumber(work: TaskSetup, key: string): number {
  const number = work.registers.findIndex((r) => r.key === key);
  if (number < 0) throw new Error(`no task register ${key}`);
  return number;
}

/** Who does it: the client's account manager now and then, else someone of the register's staff. */
function assigneeFor(rng: Rng, register: TaskRegisterPlan, about: About, work: TaskSetup): number | null {
  const manager = about.file?.company.account_manager_index ?? null;
  if (manager !== null && rng.chance(0.6)) return manager;
  return register.staff.length > 0 ? rng.pick(register.staff) : anyone(rng, work);
}

/** Who asked for it: the assignee themself (their own to-do), the register's keeper, anyone. */
function requesterFor(rng: Rng, register: TaskRegisterPlan, assignee: number | null, work: TaskSetup) {
  const roll = rng.float();
  if (roll < 0.3) return assignee;
  if (roll < 0.6 && register.row.keeper_index !== null) return register.row.keeper_index;
  return anyone(rng, work);
}

interface TreePlan {
  kind: Kind;
  register: number;
  topic: number;
  about: About;
  status: TaskStatusCode;
}

function planSingle(rng: Rng, work: TaskSetup): TreePlan {
  const withClients = work.clients > 0;
  // Complaints are all about a client: without clients, none.
  const register = rng.weighted(
    work.registers.map((r, n) => [
      n,
      withClients || r.topics.some((t) => !t.client) ? REGISTER_SHARE[r.key] : 0,
    ]),
  );
  const plan = work.registers[register];
  if (!plan) throw new Error(`no task register ${register}`);
  const topics = plan.topics.flatMap((t, n) => (withClients || !t.client ? [n] : []));
  const topic = rng.pick(topics);
  const spec = plan.topics[topic];
  const about = spec?.client
    ? aboutClient(rng, work, spec.caseTypes, plan.key === 'complaints' ? 0.8 : 0.4, plan.key === 'complaints')
    : NOTHING;
  return { kind: 'single', register, topic, about, status: rng.weighted(SINGLE_STATUS) };
}

function planTree(rng: Rng, work: TaskSetup, kind: TaskTreeKind): TreePlan {
  const status = rng.weighted(TREE_STATUS);
  if (kind === 'complaint') {
    const register = registerNumber(work, 'complaints');
    const topics = work.registers[register]?.topics.length ?? 1;
    const about = aboutClient(rng, work, ['complaint'], 0.9, true);
    return { kind, register, topic: rng.int(0, topics - 1), about, status };
  }
  const { register: key, topic } = TREE_TOPICS[kind];
  const about = kind === 'onboarding' ? aboutClient(rng, work, ['sales'], 0.5, true) : NOTHING;
  return { kind, register: registerNumber(work, key), topic, about, status };
}

function buildTree(work: TaskSetup, number: number): TaskTree {
  const rng = forIndex(work.seed, STREAM.tasks, number);
  const withClients = work.clients > 0;
  const kind = rng.weighted(
    KIND_MIX.map(([k, w]) => [k, withClients || k === 'single' || k === 'trade_fair' ? w : 0]),
  );
  const plan = kind === 'single' ? planSingle(rng, work) : planTree(rng, work, kind);
  const register = work.registers[plan.register];
  if (!register) throw new Error(`no task register ${plan.register}`);
  const assignee = assigneeFor(rng, register, plan.about, work);
  const requester =
    kind === 'single' ? requesterFor(rng, register, assignee, work) : (register.row.keeper_index ?? assignee);
  const company = plan.about.file?.company;
  // A task about a client is written in the client's language, any other in its requester's.
  const language = company ? LOCALES[company.country].language : languageOf(requester);
  const texts = TASK_TEXTS[language];
  const root =
    kind === 'single'
      ? { title: rng.pick(texts.registers[register.key].topics[plan.topic]?.titles ?? ['']) }
      : // A trade fair always takes steps of steps; a client's matter now and then only steps.
        pruneTree(rng, texts.trees[kind], kind !== 'trade_fair' && rng.chance(0.35) ? 2 : 3);
  const shaped = shapeTree(rng, work.reference, root, plan.status);
  const fair = rng.pick(texts.fairs);
  const values = {
    client: clientName(plan.about),
    fair: fillTaskText(fair, { year: Number(isoDate(shaped[0]?.dueDay ?? work.reference).slice(0, 4)) }),
  };
  const priority = rng.weighted(PRIORITY_MIX);
  const tasks = shaped.map((task): TaskRow => {
    const top = task.parent === null;
    // The top task's assignee breaks the work down and hands some steps to colleagues.
    const doer = top || rng.chance(0.5) || register.staff.length === 0 ? assignee : rng.pick(register.staff);
    return {
      register_number: plan.register,
      topic_number: plan.topic,
      title: fillTaskText(task.node.title, values),
      description: rng.chance(top ? 0.35 : 0.08) ? description(rng, language) : null,
      status_code: task.status,
      priority_code: top || rng.chance(0.2) ? priority : rng.weighted(PRIORITY_MIX),
      assignee_index: doer,
      requester_index: top ? requester : assignee,
      watcher_indexes: rng.chance(top ? 0.3 : 0.05) ? pickSome(rng, work.active, rng.int(1, 2), doer) : [],
      due_at: task.dueAt,
      done_at: task.doneAt,
      // Every step of work for a client is in the client's file; the contact is named once.
      company_index: plan.about.company,
      case_number: plan.about.caseNumber,
      person_index: top ? plan.about.person : null,
      parent_number: task.parent,
      progress: task.progress,
      created_at: task.createdAt,
      updated_at: task.updatedAt,
    };
  });
  return { number, tasks };
}

/** How many tasks the size asks for (subtasks included). */
export function taskTarget(size: DatasetSize): number {
  return Math.max(0, size.tasks ?? 0);
}

/** Tree #number on its own, as `taskTrees` yields it. */
export function taskTreeAt(
  seed: number,
  number: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): TaskTree {
  if (!Number.isInteger(number) || number < 0)
    throw new RangeError(`Task tree number ${number} is not a number ≥ 0`);
  return buildTree(setup(seed, size, options), number);
}

/** The data set's task trees in order, until they hold `size.tasks` tasks. */
export function* taskTrees(
  seed: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): Generator<TaskTree, void, undefined> {
  const target = taskTarget(size);
  if (target === 0) return;
  const work = setup(seed, size, options);
  let count = 0;
  for (let number = 0; count < target; number++) {
    const tree = buildTree(work, number);
    count += tree.tasks.length;
    yield tree;
  }
}

/** The registers the tasks go in, as `taskTrees` numbers them (none when the size has no tasks). */
export function taskRegisters(
  seed: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): TaskRegisterPlan[] {
  if (taskTarget(size) === 0) return [];
  return [...setup(seed, size, options).registers];
}
