// The work done with the first companies of a data set: their cases (with stages and
// watchers), activities (with participants, follow-up chains, some for a case) and notes, as
// DatasetSize's caseClients, activityClients and noteClients ask. Like every generated record,
// a company's work is a pure function of (seed, company index, size, reference date), from
// streams of its own: any company's without the others'.

import { buildActivities } from './activities.ts';
import { buildCases } from './cases.ts';
import {
  checkIndex,
  checkRange,
  context,
  type DatasetSize,
  type GenerateOptions,
  LOCALES,
} from './context.ts';
import { employeeIsActive } from './employees.ts';
import { companyAt } from './generate.ts';
import { buildNotes } from './notes.ts';
import { type CompanyPeople, companyPeople } from './person-company.ts';
import type { CaseRow, ClientWork, CompanyRow } from './rows.ts';
import { isoDate } from './text.ts';
import type { ClientView, WorkContext } from './work-context.ts';

export { isClosedCase } from './cases.ts';

/** How many of the first companies have any work generated: the largest of the three limits. */
export function workClients(size: DatasetSize): number {
  return Math.min(
    size.companies,
    Math.max(size.caseClients ?? 0, size.activityClients ?? 0, size.noteClients ?? 0),
  );
}

interface WorkSetup {
  ctx: WorkContext;
  size: DatasetSize;
  options: GenerateOptions;
  people: CompanyPeople;
}

// The people of each company take one pass over all people: kept for the last seed and size,
// so building companies one at a time (clientWorkAt) does not repeat it.
let lastPeople: { key: string; people: CompanyPeople } | null = null;

function peopleOf(seed: number, size: DatasetSize): CompanyPeople {
  const limit = workClients(size);
  const key = `${seed}|${size.companies}|${size.people}|${limit}`;
  if (lastPeople?.key !== key) {
    lastPeople = { key, people: companyPeople(seed, size.companies, size.people, limit) };
  }
  return lastPeople.people;
}

function setup(seed: number, size: DatasetSize, options: GenerateOptions): WorkSetup {
  const base = context(seed, size, options);
  const active: number[] = [];
  for (let index = 0; index < size.employees; index++) if (employeeIsActive(seed, index)) active.push(index);
  return {
    ctx: {
      seed,
      referenceDay: base.referenceDay,
      active,
      nextYear: Number(isoDate(base.referenceDay).slice(0, 4)) + 1,
    },
    size,
    // Companies are drawn for the same reference date.
    options: { referenceDate: isoDate(base.referenceDay) },
    people: peopleOf(seed, size),
  };
}

function viewOf(work: WorkSetup, company: CompanyRow, index: number): ClientView {
  return {
    index,
    status: company.status_code as ClientView['status'],
    country: company.country,
    language: LOCALES[company.country].language,
    accountManager: company.account_manager_index,
    people: work.people.of(index),
  };
}

function buildWork(work: WorkSetup, index: number): ClientWork {
  const { ctx, size } = work;
  const view = viewOf(work, companyAt(ctx.seed, index, size, work.options), index);
  const cases = index < (size.caseClients ?? 0) ? buildCases(ctx, view) : [];
  return {
    company_index: index,
    cases,
    activities: index < (size.activityClients ?? 0) ? buildActivities(ctx, view, cases) : [],
    notes: index < (size.noteClients ?? 0) ? buildNotes(ctx, view, cases) : [],
  };
}

export function clientWorkAt(
  seed: number,
  index: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): ClientWork {
  checkIndex(index, workClients(size), 'Client work');
  return buildWork(setup(seed, size, options), index);
}

/** The work of companies `from`..`to` - 1, one company at a time. */
export function* clientWork(
  seed: number,
  size: DatasetSize,
  from = 0,
  to = workClients(size),
  options: GenerateOptions = {},
): Generator<ClientWork, void, undefined> {
  checkRange(from, to, workClients(size), 'Client work');
  const work = setup(seed, size, options);
  for (let index = from; index < to; index++) yield buildWork(work, index);
}

/** A client as records about it see it: the company, its people, its cases as its work has them. */
export interface ClientFile {
  company: CompanyRow;
  /** Person indexes, ascending; known for the first workClients(size) companies only. */
  people: readonly number[];
  cases: readonly CaseRow[];
}

/**
 * Any company's file on its own, for records generated about clients (tasks): the same cases
 * in the same order (so case numbers match the loaded ones) without its activities and notes.
 */
export function clientFiles(
  seed: number,
  size: DatasetSize,
  options: GenerateOptions = {},
): (index: number) => ClientFile {
  const work = setup(seed, size, options);
  return (index) => {
    checkIndex(index, size.companies, 'Company');
    const company = companyAt(seed, index, size, work.options);
    const view = viewOf(work, company, index);
    return {
      company,
      people: view.people,
      cases: index < Math.min(size.caseClients ?? 0, workClients(size)) ? buildCases(work.ctx, view) : [],
    };
  };
}
