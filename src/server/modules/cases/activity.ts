import { sql } from 'kysely';
import type { Executor } from '../../db/dialects/dialect.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteEffect } from '../../records/effects.ts';
import { MAX_ACTIVITY_DAYS } from './activity-window.ts';
import { invalidField, onlyReadableReferences, sameCompany } from './rules.ts';

/** Far beyond any real follow-up chain; bounds the walk should the data ever be broken. */
const MAX_CHAIN = 10_000;

/** An activity cannot end before it starts (the calendar could not draw it). */
async function endsAfterStart(executor: Executor, id: number): Promise<void> {
  const row = await executor
    .selectFrom('activity')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.ends_at === null) return;
  if (Date.parse(String(row.ends_at)) < Date.parse(String(row.starts_at)))
    throw invalidField('ends_at', 'before_start', 'must not be before the start');
}

/**
 * Nor may it last longer than MAX_ACTIVITY_DAYS (activity-window.ts: what keeps the calendar's
 * range query short). Checked when its times are written, so an activity from before the rule
 * can still be renamed, closed or restored.
 */
const withinAMonth: WriteEffect = async (fact) => {
  if (fact.action === 'delete' || fact.action === 'restore') return;
  if (!fact.changes.some((change) => change.field === 'starts_at' || change.field === 'ends_at')) return;
  const row = await executorOf(fact.ctx)
    .selectFrom('activity')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!row || row.ends_at === null) return;
  if (Date.parse(String(row.ends_at)) - Date.parse(String(row.starts_at)) > MAX_ACTIVITY_DAYS * 86_400_000)
    throw invalidField(
      'ends_at',
      'too_long',
      `an activity lasts at most ${MAX_ACTIVITY_DAYS} days: longer work is a task or a case`,
    );
};

/**
 * Activities follow one another (a call, then the meeting it arranged): `previous` points back,
 * and the next one is the activity whose previous this is. Following the chain back must end,
 * or "what came before" would never stop: no activity may be its own predecessor, directly or
 * through others. Records in the trash count, so restoring one cannot close a loop either.
 */
async function chainWithoutLoop(executor: Executor, id: number): Promise<void> {
  const found = await sql<{ id: number }>`
    WITH RECURSIVE chain (id, previous_id, depth) AS (
      SELECT id, previous_id, 1 FROM activity WHERE id = ${id}
      UNION ALL
      SELECT a.id, a.previous_id, chain.depth + 1 FROM activity a JOIN chain ON a.id = chain.previous_id
      WHERE a.id <> ${id} AND chain.depth < ${MAX_CHAIN}
    )
    SELECT id FROM chain WHERE previous_id = ${id} LIMIT 1`.execute(executor);
  if (found.rows.length > 0)
    throw invalidField('previous', 'loop', `activity ${id} would come before itself in its chain`);
}

/**
 * A call, meeting, visit… with a client: planned in the calendar, then done (with its outcome)
 * or cancelled. It may belong to a case, and may follow an earlier activity.
 */
export const activity = defineObject({
  key: 'activity',
  labels: {
    one: L('Activity', 'Działanie', 'Tevékenység'),
    many: L('Activities', 'Działania', 'Tevékenységek'),
  },
  icon: 'calendar-event',
  owner: 'organiser',
  comments: { followers: ['organiser', 'employees'] },
  subject: 'company',
  // In the file of its client and of each person who took part.
  timeline: {
    at: 'starts_at',
    about: ['company', 'participants'],
    summary: ['status', 'participants', 'outcome'],
    case: 'case',
    people: ['participants'],
    employees: ['organiser', 'employees'],
    kind: 'type',
  },
  titleFields: ['title'],
  grammaticalGender: { pl: 'neuter' },
  searchFields: ['title'],
  subtitleFields: ['company', 'type'],
  // The latest first, as a client's file lists them; the calendar asks for its own range.
  defaultSort: [{ field: 'starts_at', direction: 'desc' }],
  // Whoever plans or logs an activity organises it unless they name someone else.
  createDefaults: (_given, creator) => ({ organiser: creator.employeeId }),
  // The organiser owns the activity; the client, case, people and previous activity it names
  // must be ones they may read (the owner path does not pass through them).
  effects: [onlyReadableReferences(['company', 'case', 'participants', 'previous']), withinAMonth],
  invariants: [
    endsAfterStart,
    chainWithoutLoop,
    (executor, id) => sameCompany(executor, 'activity', id, 'case'),
  ],
  headerFacts: ['type', 'status', 'starts_at', 'ends_at', 'organiser', 'company', 'case'],
  sections: [
    {
      key: 'activity',
      labels: L('Activity', 'Działanie', 'Tevékenység'),
      fields: ['title', 'type', 'status', 'starts_at', 'ends_at', 'all_day'],
    },
    {
      key: 'who',
      labels: L('Who and what for', 'Kto i w jakiej sprawie', 'Kik és milyen ügyben'),
      fields: ['company', 'case', 'participants', 'organiser', 'employees'],
    },
    {
      key: 'outcome',
      labels: L('Outcome', 'Wynik', 'Eredmény'),
      fields: ['outcome', 'previous'],
    },
  ],
  fields: {
    type: field.select(L('Type', 'Rodzaj', 'Típus'), 'activity_type'),
    title: field.text(L('Subject', 'Temat', 'Tárgy'), { required: true }),
    starts_at: field.dateTime(L('Starts', 'Początek', 'Kezdete'), { required: true }),
    ends_at: field.dateTime(L('Ends', 'Koniec', 'Vége')),
    all_day: field.boolean(L('All day', 'Cały dzień', 'Egész napos')),
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company'),
    case: field.relation(L('Case', 'Sprawa', 'Ügy'), 'case'),
    participants: field.multiRelation(L('Participants', 'Uczestnicy', 'Résztvevők'), 'person', {
      table: 'activity_person',
      sourceColumn: 'activity_id',
      targetColumn: 'person_id',
    }),
    employees: field.multiRelation(L('Our people', 'Nasi pracownicy', 'Munkatársaink'), 'employee', {
      table: 'activity_employee',
      sourceColumn: 'activity_id',
      targetColumn: 'employee_id',
      // A calendar finds someone's activities as a guest by start (activity-window.ts).
      carry: ['starts_at'],
    }),
    organiser: field.relation(L('Organiser', 'Organizator', 'Szervező'), 'employee'),
    status: field.choice(
      L('Status', 'Status', 'Állapot'),
      [
        { value: 'planned', labels: L('Planned', 'Zaplanowane', 'Tervezett') },
        { value: 'done', labels: L('Done', 'Wykonane', 'Elvégezve') },
        { value: 'cancelled', labels: L('Cancelled', 'Odwołane', 'Lemondva') },
      ],
      { required: true, defaultValue: 'planned' },
    ),
    outcome: field.longText(L('Outcome', 'Wynik', 'Eredmény')),
    previous: field.relation(L('Previous activity', 'Poprzednie działanie', 'Előző tevékenység'), 'activity'),
  },
});
