import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { noCycle } from '../../records/no-cycle.ts';
import { onlyReadableReferences, sameCompany } from '../cases/rules.ts';
import { nextChainStep } from './chains.ts';
import { rollUpProgress } from './progress.ts';
import { doneAtFollowsStatus, topicOfTheRegister } from './rules.ts';
import { REGISTER_AUDIENCE } from './task-register.ts';

/**
 * Internal work that is not a client's case: in a register, for an assignee, asked for by a
 * requester, due by a time, perhaps about a client, a case or a person. Subtasks hang below
 * their parent to any depth; the parent's progress is the share of the tree's steps done.
 */
export const task = defineObject({
  key: 'task',
  labels: { one: L('Task', 'Zadanie', 'Feladat'), many: L('Tasks', 'Zadania', 'Feladatok') },
  icon: 'checkbox',
  // The assignee owns the task ("my tasks"); its requester, watchers and the register's
  // readers see it too.
  owner: 'assignee',
  comments: { followers: ['assignee', 'requester', 'watchers'] },
  audience: ['requester', 'watchers', ...REGISTER_AUDIENCE('register')],
  // Status and assignee changes (any field change) show in the linked client's file.
  subject: 'company',
  titleFields: ['title'],
  grammaticalGender: { pl: 'neuter' },
  searchFields: ['title'],
  subtitleFields: ['register', 'assignee'],
  // What is due soonest first: a task list is a to-do list.
  defaultSort: [{ field: 'due_at', direction: 'asc' }],
  // Whoever writes a task asks for it and, unless they name someone, does it.
  createDefaults: (_given, creator) => ({ requester: creator.employeeId, assignee: creator.employeeId }),
  effects: [
    onlyReadableReferences(['register', 'topic', 'company', 'case', 'person', 'parent']),
    doneAtFollowsStatus,
    rollUpProgress,
    nextChainStep,
  ],
  invariants: [
    noCycle('task', 'parent_id', 'parent'),
    (executor, id) => sameCompany(executor, 'task', id, 'case'),
    topicOfTheRegister,
  ],
  headerFacts: ['status', 'assignee', 'due_at', 'priority', 'register', 'progress', 'parent'],
  sections: [
    {
      key: 'task',
      labels: L('Task', 'Zadanie', 'Feladat'),
      fields: ['title', 'register', 'topic', 'status', 'priority', 'parent'],
    },
    {
      key: 'who',
      labels: L('Who and when', 'Kto i na kiedy', 'Ki és mikorra'),
      fields: ['assignee', 'requester', 'watchers', 'due_at', 'done_at', 'progress'],
    },
    {
      key: 'about',
      labels: L('About', 'Dotyczy', 'Kapcsolódik'),
      fields: ['company', 'case', 'person'],
    },
    { key: 'description', labels: L('Description', 'Opis', 'Leírás'), fields: ['description'] },
    { key: 'chain', labels: L('Chain', 'Łańcuch', 'Lánc'), fields: ['chain_step', 'previous_task'] },
  ],
  fields: {
    title: field.text(L('Title', 'Tytuł', 'Cím'), { required: true, maxLength: 300 }),
    // A subtask given only its parent lands in the parent's register.
    register: field.relation(L('Register', 'Rejestr', 'Nyilvántartás'), 'task_register', {
      required: true,
      inheritFrom: 'parent.register',
    }),
    topic: field.relation(L('Topic', 'Temat', 'Téma'), 'task_topic'),
    description: field.richText(L('Description', 'Opis', 'Leírás')),
    status: field.select(L('Status', 'Status', 'Állapot'), 'task_status', {
      required: true,
      defaultCode: 'new',
    }),
    priority: field.select(L('Priority', 'Priorytet', 'Prioritás'), 'task_priority', {
      defaultCode: 'normal',
    }),
    assignee: field.relation(L('Assignee', 'Wykonawca', 'Felelős'), 'employee'),
    requester: field.relation(L('Requested by', 'Zlecający', 'Kérelmező'), 'employee'),
    watchers: field.multiRelation(L('Watchers', 'Obserwujący', 'Követők'), 'employee', {
      table: 'task_watcher',
      sourceColumn: 'task_id',
      targetColumn: 'employee_id',
    }),
    due_at: field.dateTime(L('Due', 'Termin', 'Határidő'), { due: true, settledBy: 'done_at' }),
    done_at: field.dateTime(L('Done at', 'Wykonano', 'Elvégezve')),
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company'),
    case: field.relation(L('Case', 'Sprawa', 'Ügy'), 'case'),
    person: field.relation(L('Person', 'Osoba', 'Személy'), 'person'),
    parent: field.relation(L('Part of', 'Część zadania', 'Szülőfeladat'), 'task'),
    progress: field.percent(L('Progress', 'Postęp', 'Előrehaladás'), { readOnly: true }),
    // Set on the tasks a chain makes: which step it is, and the task whose finishing made it.
    chain_step: field.relation(L('Chain step', 'Krok łańcucha', 'Lánclépés'), 'task_chain_step'),
    previous_task: field.relation(L('Follows', 'Następuje po', 'Előzmény'), 'task'),
  },
});
