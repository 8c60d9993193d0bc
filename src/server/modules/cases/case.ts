import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { updateRecord } from '../../records/writer.ts';
import { CLOSED_CASE_STATUS_CODES } from './dictionaries.ts';
import { caseStatusCode, isClosedStatus, onlyReadableReferences } from './rules.ts';

/**
 * A case closes on the day its status becomes a closed one, unless the writer gave the day;
 * reopened, it has no closing day any more (the history keeps the old one). Written through the
 * engine, so the case's history says the date came with the status.
 */
async function closingDayFollowsStatus(fact: WriteFact): Promise<void> {
  if (fact.action !== 'create' && fact.action !== 'update') return;
  if (!fact.changes.some((change) => change.field === 'status')) return;
  const { ctx } = fact;
  const row = await executorOf(ctx)
    .selectFrom('client_case')
    .select(['closed_on', 'version'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!row) return;
  const closed = isClosedStatus(await caseStatusCode(executorOf(ctx), fact.recordId));
  const hasDay = row.closed_on !== null && row.closed_on !== undefined;
  if (closed === hasDay) return;
  await updateRecord(ctx, fact.actor, 'case', fact.recordId, {
    closed_on: closed ? todayIn(fact.writer.timeZone, ctx.now()) : null,
    version: Number(row.version),
  });
}

/**
 * A client's matter followed from first contact to its end (an opportunity, a tender, a
 * complaint): its stages say what happened, its next action what is to be done and by when.
 * Table `client_case`: CASE is an SQL keyword.
 */
export const clientCase = defineObject({
  key: 'case',
  table: 'client_case',
  labels: { one: L('Case', 'Sprawa', 'Ügy'), many: L('Cases', 'Sprawy', 'Ügyek') },
  icon: 'clipboard-list',
  // The one who leads the case owns it, not the client's account manager: a specialist may lead
  // a case of someone else's client (and must then be able to read the client: see effects).
  owner: 'lead',
  comments: { followers: ['lead', 'watchers'] },
  subject: 'company',
  // Opened: in the file of its client and of its main representative.
  timeline: {
    at: 'created_at',
    about: ['company', 'contact'],
    summary: ['status', 'lead', 'description'],
    people: ['contact'],
    employees: ['lead', 'watchers'],
    kind: 'type',
  },
  titleFields: ['topic'],
  grammaticalGender: { pl: 'feminine' },
  searchFields: ['topic'],
  subtitleFields: ['company'],
  // Newest first: the list of a client's (or all) cases reads as what is going on now. "My next
  // actions" is a filter on lead and next action date sorted by it, served by the
  // (lead_id, next_action_date) index.
  defaultSort: [{ field: 'opened_on', direction: 'desc' }],
  // A case opens today where its writer is, led by them unless they name someone (and as
  // `open`: the status's default code).
  createDefaults: (_given, creator) => ({
    opened_on: todayIn(creator.timeZone, creator.now),
    lead: creator.employeeId,
  }),
  effects: [onlyReadableReferences(['company', 'contact']), closingDayFollowsStatus],
  headerFacts: [
    'status',
    'company',
    'lead',
    'priority',
    'due_on',
    {
      key: 'next_action',
      labels: L('Next action', 'Następna akcja', 'Következő teendő'),
      fields: ['next_action_type', 'next_action_date'],
    },
  ],
  sections: [
    {
      key: 'case',
      labels: L('Case', 'Sprawa', 'Ügy'),
      fields: ['topic', 'company', 'contact', 'type', 'priority', 'status', 'lead', 'watchers'],
    },
    {
      key: 'schedule',
      labels: L('Dates and next action', 'Terminy i następna akcja', 'Határidők és következő teendő'),
      fields: ['opened_on', 'due_on', 'next_action_type', 'next_action_date'],
    },
    { key: 'description', labels: L('Description', 'Opis', 'Leírás'), fields: ['description'] },
    {
      key: 'closing',
      labels: L('Closing', 'Zamknięcie', 'Lezárás'),
      fields: ['closed_on', 'result'],
      when: { field: 'status', codes: [...CLOSED_CASE_STATUS_CODES] },
    },
  ],
  fields: {
    topic: field.text(L('Topic', 'Temat', 'Tárgy'), { required: true }),
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company', { required: true }),
    contact: field.relation(L('Contact person', 'Osoba kontaktowa', 'Kapcsolattartó'), 'person'),
    lead: field.relation(L('Responsible', 'Prowadzący', 'Felelős'), 'employee'),
    watchers: field.multiRelation(L('Watchers', 'Obserwujący', 'Követők'), 'employee', {
      table: 'case_watcher',
      sourceColumn: 'case_id',
      targetColumn: 'employee_id',
    }),
    status: field.select(L('Status', 'Status', 'Státusz'), 'case_status', {
      required: true,
      defaultCode: 'open',
    }),
    type: field.select(L('Type', 'Rodzaj', 'Típus'), 'case_type'),
    priority: field.select(L('Priority', 'Priorytet', 'Prioritás'), 'case_priority'),
    opened_on: field.date(L('Opened on', 'Data otwarcia', 'Megnyitva'), { required: true }),
    // A closed case is done with its dates: none of them shows as overdue any more.
    due_on: field.date(L('Due', 'Termin', 'Határidő'), { due: true, settledBy: 'closed_on' }),
    closed_on: field.date(L('Closed on', 'Data zamknięcia', 'Lezárva')),
    result: field.longText(L('Result', 'Wynik', 'Eredmény')),
    next_action_type: field.select(
      L('Next action', 'Następna akcja', 'Következő teendő'),
      'next_action_type',
    ),
    next_action_date: field.date(L('Next action date', 'Termin następnej akcji', 'Következő teendő dátuma'), {
      due: true,
      settledBy: 'closed_on',
    }),
    description: field.longText(L('Description', 'Opis', 'Leírás')),
  },
});
