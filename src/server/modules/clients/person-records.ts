import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * Where a person worked before and as what: a move to another company adds the job they leave
 * (`employment.ts`), so the past stays (who bought from us at their old firm). Entries can
 * also be typed in, for a career known from before.
 */
export const personEmployment = defineObject({
  key: 'person_employment',
  labels: {
    one: L('Employment', 'Zatrudnienie', 'Munkaviszony'),
    many: L('Employment history', 'Historia zatrudnienia', 'Munkahelyek'),
  },
  icon: 'briefcase',
  owner: 'person.company.account_manager',
  // A past job belongs in the file of the company it was at.
  subject: 'company',
  titleFields: ['position'],
  grammaticalGender: { pl: 'neuter' },
  subtitleFields: ['company', 'person'],
  defaultSort: [{ field: 'started_on', direction: 'desc' }],
  fields: {
    person: field.relation(L('Person', 'Osoba', 'Személy'), 'person', { required: true }),
    company: field.relation(L('Company', 'Firma', 'Cég'), 'company'),
    position: field.text(L('Position', 'Stanowisko', 'Beosztás'), { maxLength: 100 }),
    department: field.text(L('Department', 'Dział', 'Részleg'), { maxLength: 100 }),
    started_on: field.date(L('From', 'Od', 'Kezdete')),
    ended_on: field.date(L('To', 'Do', 'Vége')),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});

/**
 * A person's consent to be contacted through one channel, or its withdrawal: when, from where
 * (a web form, a signed paper) and which wording they agreed to. The newest entry per channel
 * is what holds; older ones stay as evidence (GDPR art. 7(1): the controller must be able to
 * show consent was given).
 */
export const consent = defineObject({
  key: 'consent',
  labels: { one: L('Consent', 'Zgoda', 'Hozzájárulás'), many: L('Consents', 'Zgody', 'Hozzájárulások') },
  icon: 'shield-check',
  owner: 'person.company.account_manager',
  subject: 'person.company',
  titleFields: ['source'],
  grammaticalGender: { pl: 'feminine' },
  subtitleFields: ['person', 'channel'],
  defaultSort: [{ field: 'recorded_at', direction: 'desc' }],
  fields: {
    person: field.relation(L('Person', 'Osoba', 'Személy'), 'person', { required: true }),
    channel: field.select(L('Channel', 'Kanał', 'Csatorna'), 'consent_channel', { required: true }),
    given: field.boolean(L('Given', 'Udzielona', 'Megadva'), { defaultValue: true }),
    recorded_at: field.dateTime(L('When', 'Kiedy', 'Időpont'), { required: true }),
    source: field.text(L('Source', 'Źródło', 'Forrás'), { required: true, maxLength: 200 }),
    text_version: field.text(L('Text version', 'Wersja treści', 'Szövegváltozat'), { maxLength: 100 }),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 500 }),
  },
});
