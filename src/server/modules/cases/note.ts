import type { Executor } from '../../db/dialects/dialect.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { invalidField, onlyReadableReferences, sameCompany } from './rules.ts';

/** A note is about something: a note attached to nothing could never be found again. */
async function attachedToSomething(executor: Executor, id: number): Promise<void> {
  const row = await executor
    .selectFrom('note')
    .select(['company_id', 'person_id', 'case_id', 'activity_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  if ([row.company_id, row.person_id, row.case_id, row.activity_id].some((value) => value !== null)) return;
  throw invalidField(
    'company',
    'no_target',
    'a note must be attached to a company, a person, a case or an activity',
  );
}

/**
 * What someone wants remembered about a client, a person, a case or an activity ("prefers calls
 * after 3 pm"); pinned ones stay on top of the card. Its text is rich text: sanitised HTML, shown
 * as plain text wherever it names or summarises the note (titles, timeline, mails, the report).
 */
export const note = defineObject({
  key: 'note',
  labels: { one: L('Note', 'Notatka', 'Jegyzet'), many: L('Notes', 'Notatki', 'Jegyzetek') },
  icon: 'note',
  // Whoever looks after the client reads and writes the notes about it, whoever wrote them. A
  // note that names no company (about a person alone) has no owner: only `all` reaches it, so
  // clients send the person's, case's or activity's company along.
  owner: 'company.account_manager',
  subject: 'company',
  // A note about a case shows in its client's file even when it names no company itself.
  timeline: {
    at: 'created_at',
    about: ['company', 'person', 'case.company'],
    summary: ['case', 'person'],
    case: 'case',
    people: ['person'],
  },
  // A note has no name of its own: its text names it (lists and references shorten it).
  titleFields: ['body'],
  grammaticalGender: { pl: 'feminine' },
  searchFields: ['body'],
  subtitleFields: ['company', 'person'],
  // Pinned first, then the newest, as the card shows them ((company_id, created_at) index).
  defaultSort: [
    { field: 'pinned', direction: 'desc' },
    { field: 'created_at', direction: 'desc' },
  ],
  effects: [onlyReadableReferences(['company', 'person', 'case', 'activity'])],
  invariants: [
    attachedToSomething,
    (executor, id) => sameCompany(executor, 'note', id, 'case'),
    (executor, id) => sameCompany(executor, 'note', id, 'activity'),
  ],
  headerFacts: ['company', 'person', 'case', 'activity', 'pinned'],
  fields: {
    body: field.richText(L('Note', 'Treść', 'Szöveg'), { required: true }),
    pinned: field.boolean(L('Pinned', 'Przypięta', 'Kitűzve')),
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company'),
    person: field.relation(L('Person', 'Osoba', 'Személy'), 'person'),
    case: field.relation(L('Case', 'Sprawa', 'Ügy'), 'case'),
    activity: field.relation(L('Activity', 'Działanie', 'Tevékenység'), 'activity'),
  },
});
