import { describe, expect, it } from 'vitest';
import {
  CASE_PRIORITY_CODES,
  CASE_STAGE_KIND_CODES,
  CASE_STATUS_CODES,
  CASE_TYPE_CODES,
  NEXT_ACTION_TYPE_CODES,
} from '../../modules/cases/dictionaries.ts';
import { ACTIVITY_TYPE_CODES } from '../../modules/dictionaries/standard-values.ts';
import { DEMO_SEED } from '../demo.ts';
import { clientWork, clientWorkAt, isClosedCase, workClients } from './client-work.ts';
import { BENCH_SIZE, companies, type DatasetSize, DEMO_SIZE, employeeIsActive, people } from './generate.ts';
import { companyPeople } from './person-company.ts';
import type { ActivityRow, CaseRow, ClientWork, CompanyRow } from './rows.ts';
import { dayNumber, isoDate } from './text.ts';
import { WORK_TEXTS } from './work-texts.ts';

const REFERENCE = { referenceDate: '2026-11-23' };
const TODAY = dayNumber(REFERENCE.referenceDate);
const SIZE: DatasetSize = {
  companies: 3_000,
  people: 9_000,
  employees: 40,
  companyGroups: 0,
  personGroups: 0,
  caseClients: 3_000,
  activityClients: 3_000,
  noteClients: 3_000,
};

const work: ClientWork[] = [...clientWork(7, SIZE, 0, SIZE.companies, REFERENCE)];
const companyRows: CompanyRow[] = [...companies(7, SIZE, 0, SIZE.companies, REFERENCE)];
const peopleOf = new Map<number, Set<number>>();
[...people(7, SIZE)].forEach((person, index) => {
  if (person.company_index === null) return;
  peopleOf.set(person.company_index, (peopleOf.get(person.company_index) ?? new Set()).add(index));
});
const allCases = work.flatMap((w) => w.cases);
const allActivities = work.flatMap((w) => w.activities);
const allNotes = work.flatMap((w) => w.notes);
const dayOf = (instant: string) => dayNumber(instant.slice(0, 10));
const isActive = (employee: number | null) =>
  employee !== null && employee < SIZE.employees && employeeIsActive(7, employee);

describe('client work: determinism and sizes', () => {
  it('gives the same work for the same seed, any company on its own', () => {
    expect([...clientWork(7, SIZE, 0, 300, REFERENCE)]).toEqual(work.slice(0, 300));
    for (const index of [0, 17, 1_234, 2_999])
      expect(clientWorkAt(7, index, SIZE, REFERENCE)).toEqual(work[index]);
    const other = [...clientWork(8, SIZE, 0, 300, REFERENCE)];
    const sameTopics = other.filter((w, i) => JSON.stringify(w.cases) === JSON.stringify(work[i]?.cases));
    // Companies without cases agree trivially; the rest differ.
    expect(sameTopics.length).toBeLessThan(150);
  });

  it('is part of the size: the demo has it for every company, the benchmark none', () => {
    expect(workClients(DEMO_SIZE)).toBe(DEMO_SIZE.companies);
    expect(workClients(BENCH_SIZE)).toBe(0);
    // A size written before cases existed (the benchmark's own) has none either.
    expect(workClients({ companies: 10, people: 10, employees: 2, companyGroups: 0, personGroups: 0 })).toBe(
      0,
    );
    expect([...clientWork(7, BENCH_SIZE)]).toEqual([]);
    const notesOnly = [
      ...clientWork(7, { ...SIZE, caseClients: 0, activityClients: 0, noteClients: 50 }, 0, 50, REFERENCE),
    ];
    expect(notesOnly).toHaveLength(50);
    expect(notesOnly.every((w) => w.cases.length === 0 && w.activities.length === 0)).toBe(true);
    // Notes draw on the cases only where there are some.
    const withoutCases = work.slice(0, 50).flatMap((w, i) => (w.cases.length === 0 ? [i] : []));
    expect(withoutCases.length).toBeGreaterThan(5);
    for (const i of withoutCases) expect(notesOnly[i]?.notes).toEqual(work[i]?.notes);
    expect(() => clientWorkAt(7, 3_000, SIZE, REFERENCE)).toThrow(RangeError);
  });

  it('knows each company’s people as the people generator places them', () => {
    const index = companyPeople(7, SIZE.companies, SIZE.people, 100);
    for (let company = 0; company < 100; company++)
      expect(index.of(company)).toEqual([...(peopleOf.get(company) ?? [])].sort((a, b) => a - b));
    expect(index.of(100)).toEqual([]);
  });
});

describe('cases', () => {
  it('go to a good share of clients: a few per active one, fewer for prospects', () => {
    const perStatus = (status: string) => {
      const ofStatus = work.filter((w) => companyRows[w.company_index]?.status_code === status);
      return ofStatus.reduce((n, w) => n + w.cases.length, 0) / ofStatus.length;
    };
    expect(perStatus('active')).toBeGreaterThan(1.5);
    expect(perStatus('prospect')).toBeLessThan(perStatus('active'));
    expect(perStatus('prospect')).toBeGreaterThan(0.3);
    expect(work.filter((w) => w.cases.length > 0).length).toBeGreaterThan(SIZE.companies * 0.5);
  });

  it('use only dictionary codes, every status among them', () => {
    const codes = (pick: (c: CaseRow) => string) => new Set(allCases.map(pick));
    expect(codes((c) => c.status_code)).toEqual(new Set(CASE_STATUS_CODES));
    expect(
      [...codes((c) => c.type_code)].every((t) => (CASE_TYPE_CODES as readonly string[]).includes(t)),
    ).toBe(true);
    expect(codes((c) => c.priority_code)).toEqual(new Set(CASE_PRIORITY_CODES));
    const stages = allCases.flatMap((c) => c.stages);
    expect(new Set(stages.map((s) => s.kind_code))).toEqual(new Set(CASE_STAGE_KIND_CODES));
    const nextTypes = stages.flatMap((s) =>
      s.next_action_type_code === null ? [] : [s.next_action_type_code],
    );
    expect(nextTypes.every((t) => (NEXT_ACTION_TYPE_CODES as readonly string[]).includes(t))).toBe(true);
  });

  it('point at their client’s people and at active employees', () => {
    const bad = work.flatMap((w) =>
      w.cases.filter(
        (c) =>
          c.company_index !== w.company_index ||
          (c.contact_index !== null && !peopleOf.get(w.company_index)?.has(c.contact_index)) ||
          !isActive(c.lead_index) ||
          !c.watcher_indexes.every(isActive) ||
          c.watcher_indexes.includes(c.lead_index ?? -1) ||
          new Set(c.watcher_indexes).size !== c.watcher_indexes.length ||
          c.watcher_indexes.length > 3 ||
          !c.stages.every((s) => s.by_index === null || isActive(s.by_index)),
      ),
    );
    expect(bad).toEqual([]);
    // Mostly led by the client's account manager: the salesperson sees their clients' cases.
    const byManager = work.flatMap((w) =>
      w.cases.filter((c) => c.lead_index === companyRows[w.company_index]?.account_manager_index),
    );
    expect(byManager.length).toBeGreaterThan(allCases.length * 0.75);
  });

  it('have 1–6 stages in order, within the last year and before today', () => {
    const bad = allCases.filter((c) => {
      const days = c.stages.map((s) => dayOf(s.at));
      return (
        c.stages.length < 1 ||
        c.stages.length > 6 ||
        c.opened_on !== isoDate(days[0] ?? 0) ||
        days.some((day, i) => i > 0 && day <= (days[i - 1] ?? day)) ||
        (days.at(-1) ?? TODAY) >= TODAY ||
        dayNumber(c.opened_on) < TODAY - 365 ||
        c.created_at > (c.stages[0]?.at ?? '') ||
        c.updated_at !== c.stages.at(-1)?.at
      );
    });
    expect(bad).toEqual([]);
  });

  it('close with a day and a result; open ones carry their newest stage’s next action', () => {
    const closed = allCases.filter((c) => isClosedCase(c.status_code));
    const open = allCases.filter((c) => !isClosedCase(c.status_code));
    expect(
      closed.filter(
        (c) =>
          c.closed_on !== c.stages.at(-1)?.at.slice(0, 10) ||
          !c.result ||
          c.next_action_date !== null ||
          c.stages.at(-1)?.next_action_date !== null,
      ),
    ).toEqual([]);
    expect(
      open.filter((c) => {
        const newest = c.stages.at(-1);
        return (
          c.closed_on !== null ||
          c.result !== null ||
          c.next_action_type_code === null ||
          c.next_action_date === null ||
          c.next_action_type_code !== newest?.next_action_type_code ||
          c.next_action_date !== newest?.next_action_date ||
          // Planned after the step that set it.
          dayNumber(c.next_action_date) <= dayOf(newest?.at ?? '')
        );
      }),
    ).toEqual([]);
    // Every stage but a closed case's last one says what comes next, and after itself.
    const stages = allCases.flatMap((c) => c.stages.slice(0, isClosedCase(c.status_code) ? -1 : undefined));
    expect(
      stages.filter((s) => s.next_action_date === null || dayNumber(s.next_action_date) <= dayOf(s.at)),
    ).toEqual([]);
  });

  it('spread open cases’ next actions: overdue, today, this week and later', () => {
    const offsets = allCases.flatMap((c) =>
      c.next_action_date === null ? [] : [dayNumber(c.next_action_date) - TODAY],
    );
    expect(offsets.filter((d) => d < 0).length).toBeGreaterThan(offsets.length * 0.15);
    expect(offsets.filter((d) => d === 0).length).toBeGreaterThan(offsets.length * 0.05);
    expect(offsets.filter((d) => d > 0 && d < 7).length).toBeGreaterThan(offsets.length * 0.1);
    expect(offsets.filter((d) => d >= 7).length).toBeGreaterThan(offsets.length * 0.1);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-60);
  });

  it('speak their client’s language', () => {
    for (const w of work.slice(0, 500)) {
      const language = ({ PL: 'pl', HU: 'hu', GB: 'en' } as const)[
        companyRows[w.company_index]?.country ?? 'PL'
      ];
      const texts = WORK_TEXTS[language];
      const known = new Set([
        ...Object.values(texts.stageNotes).flat(),
        ...Object.values(texts.closingNotes).flat(),
      ]);
      for (const stage of w.cases.flatMap((c) => c.stages))
        expect(known.has(stage.note), stage.note).toBe(true);
    }
  });
});

describe('activities', () => {
  it('chain backwards in time within their client, without loops', () => {
    const bad = work.flatMap((w) =>
      w.activities.filter((a, index) => {
        if (a.company_index !== w.company_index) return true;
        if (a.previous_number === null) return false;
        const previous = w.activities[a.previous_number];
        if (!previous || a.previous_number >= index || previous.starts_at >= a.starts_at) return true;
        // Following `previous` ends, in fewer steps than there are activities.
        let steps = 0;
        for (let at: ActivityRow | undefined = a; at?.previous_number != null; steps++) {
          at = w.activities[at.previous_number];
          if (steps > w.activities.length) return true;
        }
        return false;
      }),
    );
    expect(bad).toEqual([]);
    expect(allActivities.filter((a) => a.previous_number !== null).length).toBeGreaterThan(
      allActivities.length * 0.25,
    );
  });

  it('cover the last year and the next month: done or cancelled before today, planned after', () => {
    const bad = allActivities.filter((a) => {
      const day = dayOf(a.starts_at);
      return (
        day < TODAY - 366 ||
        day > TODAY + 31 ||
        (day < TODAY ? a.status === 'planned' : a.status === 'done') ||
        (a.status === 'done') !== (a.outcome !== null && a.status === 'done') ||
        (a.status === 'planned' && a.outcome !== null) ||
        (a.ends_at !== null && a.ends_at < a.starts_at) ||
        a.created_at > a.starts_at ||
        dayOf(a.created_at) >= TODAY ||
        a.updated_at < a.created_at
      );
    });
    expect(bad).toEqual([]);
    const statuses = new Set(allActivities.map((a) => a.status));
    expect(statuses).toEqual(new Set(['done', 'planned', 'cancelled']));
    const types = new Set(allActivities.map((a) => a.type_code));
    for (const type of ['call', 'meeting', 'presentation', 'visit', 'email'])
      expect(types.has(type)).toBe(true);
    expect([...types].every((t) => (ACTIVITY_TYPE_CODES as readonly string[]).includes(t))).toBe(true);
    expect(allActivities.filter((a) => dayOf(a.starts_at) >= TODAY).length).toBeGreaterThan(100);
  });

  it('name their client’s people, active colleagues, and cases of their client within the case’s life', () => {
    const bad = work.flatMap((w) =>
      w.activities.filter((a) => {
        const people = peopleOf.get(w.company_index) ?? new Set();
        const linked = a.case_number === null ? null : w.cases[a.case_number];
        return (
          !a.person_indexes.every((p) => people.has(p)) ||
          !isActive(a.organiser_index) ||
          !a.employee_indexes.every(isActive) ||
          a.employee_indexes.includes(a.organiser_index ?? -1) ||
          linked === undefined ||
          (linked !== null &&
            (a.starts_at.slice(0, 10) < linked.opened_on ||
              (linked.closed_on !== null && a.starts_at.slice(0, 10) > linked.closed_on)))
        );
      }),
    );
    expect(bad).toEqual([]);
    expect(allActivities.filter((a) => a.case_number !== null).length).toBeGreaterThan(
      allActivities.length * 0.15,
    );
    expect(allActivities.filter((a) => a.employee_indexes.length > 0).length).toBeGreaterThan(0);
  });
});

describe('notes', () => {
  it('belong to their client, some to a case or a person, a few pinned', () => {
    const bad = work.flatMap((w) =>
      w.notes.filter(
        (n) =>
          n.company_index !== w.company_index ||
          n.body.trim() === '' ||
          (n.case_number !== null && w.cases[n.case_number] === undefined) ||
          (n.person_index !== null && !peopleOf.get(w.company_index)?.has(n.person_index)) ||
          dayOf(n.created_at) >= TODAY,
      ),
    );
    expect(bad).toEqual([]);
    const pinned = allNotes.filter((n) => n.pinned).length;
    expect(pinned).toBeGreaterThan(0);
    expect(pinned).toBeLessThan(allNotes.length * 0.4);
    expect(allNotes.some((n) => n.case_number !== null)).toBe(true);
    expect(allNotes.some((n) => n.person_index !== null)).toBe(true);
  });
});

describe('the demo’s work', () => {
  it('gives the account managers open cases with next actions due', () => {
    const demo = [...clientWork(DEMO_SEED, DEMO_SIZE, undefined, undefined, REFERENCE)];
    const demoCompanies = [...companies(DEMO_SEED, DEMO_SIZE, 0, DEMO_SIZE.companies, REFERENCE)];
    const managers = new Map<number, number>();
    for (const c of demoCompanies)
      if (c.account_manager_index !== null)
        managers.set(c.account_manager_index, (managers.get(c.account_manager_index) ?? 0) + 1);
    const busiest = [...managers].filter(([, clients]) => clients >= 10).map(([employee]) => employee);
    expect(busiest.length).toBeGreaterThan(3);
    for (const employee of busiest) {
      const due = demo
        .flatMap((w) => w.cases)
        .filter((c) => c.lead_index === employee && c.next_action_date !== null)
        .map((c) => dayNumber(c.next_action_date ?? '') - TODAY);
      expect(
        due.some((d) => d < 7),
        `employee ${employee}`,
      ).toBe(true);
    }
  });
});
