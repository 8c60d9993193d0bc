import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { onlyReadableReferences, sameCompany } from '../cases/rules.ts';
import { followStage, stageOfTheScenario } from './stage-rules.ts';

/**
 * A deal being worked on: a client, what it may bring and when, where it stands in its scenario.
 * Its owner is the salesperson; entering a stage sets the probability from it (unless the
 * writer gives one), stamps the change, checks the stage's required fields and keeps the step
 * in `stage_history`; a won or lost stage closes the deal on that day.
 */
export const opportunity = defineObject({
  key: 'opportunity',
  labels: {
    one: L('Opportunity', 'Szansa sprzedaży', 'Értékesítési lehetőség'),
    many: L('Opportunities', 'Szanse sprzedaży', 'Értékesítési lehetőségek'),
  },
  icon: 'target-arrow',
  owner: 'owner',
  subject: 'company',
  timeline: {
    at: 'created_at',
    about: ['company', 'contact'],
    summary: ['stage', 'amount', 'expected_close', 'owner'],
    people: ['contact'],
    employees: ['owner'],
  },
  comments: { followers: ['owner'] },
  titleFields: ['name'],
  grammaticalGender: { pl: 'feminine' },
  searchFields: ['name'],
  subtitleFields: ['company', 'stage'],
  defaultSort: [{ field: 'expected_close', direction: 'asc' }],
  createDefaults: (_given, creator) => ({ owner: creator.employeeId }),
  changeStamps: { stage_changed_at: 'stage' },
  internalColumns: ['board_position'],
  effects: [onlyReadableReferences(['company', 'contact']), followStage],
  invariants: [stageOfTheScenario, (executor, id) => sameCompany(executor, 'opportunity', id, 'contact')],
  headerFacts: ['stage', 'amount', 'probability', 'expected_close', 'owner', 'company'],
  sections: [
    {
      key: 'deal',
      labels: L('Deal', 'Transakcja', 'Üzlet'),
      fields: ['name', 'company', 'contact', 'owner', 'source'],
    },
    {
      key: 'stage',
      labels: L('Stage and value', 'Etap i wartość', 'Szakasz és érték'),
      fields: [
        'scenario',
        'stage',
        'amount',
        'probability',
        'expected_close',
        'stage_changed_at',
        'closed_on',
      ],
    },
    {
      key: 'next',
      labels: L('Next action', 'Następna akcja', 'Következő teendő'),
      fields: ['next_action', 'next_action_date'],
    },
    {
      key: 'description',
      labels: L('Description', 'Opis', 'Leírás'),
      fields: ['description', 'lost_reason'],
    },
  ],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 200 }),
    company: field.relation(L('Client', 'Klient', 'Ügyfél'), 'company', { required: true }),
    contact: field.relation(L('Contact person', 'Osoba kontaktowa', 'Kapcsolattartó'), 'person'),
    owner: field.relation(L('Owner', 'Opiekun', 'Felelős'), 'employee'),
    scenario: field.relation(L('Scenario', 'Scenariusz', 'Folyamat'), 'sales_scenario', { required: true }),
    // Given, or the scenario's first open stage (stage-rules.ts).
    stage: field.relation(L('Stage', 'Etap', 'Szakasz'), 'sales_stage'),
    amount: field.money(L('Amount', 'Kwota', 'Összeg'), { min: 0 }),
    probability: field.percent(L('Probability', 'Prawdopodobieństwo', 'Valószínűség'), { min: 0, max: 100 }),
    expected_close: field.date(L('Expected close', 'Planowane zamknięcie', 'Várható lezárás'), {
      due: true,
      settledBy: 'closed_on',
    }),
    source: field.select(L('Source', 'Źródło', 'Forrás'), 'lead_source'),
    lost_reason: field.text(L('Lost because', 'Powód przegranej', 'Elvesztés oka'), { maxLength: 500 }),
    next_action: field.text(L('Next action', 'Następna akcja', 'Következő teendő'), { maxLength: 200 }),
    next_action_date: field.date(L('Next action date', 'Termin następnej akcji', 'Következő teendő dátuma'), {
      due: true,
      settledBy: 'closed_on',
    }),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 4000 }),
    stage_changed_at: field.dateTime(L('In stage since', 'Na etapie od', 'Szakaszban ekkortól'), {
      readOnly: true,
    }),
    closed_on: field.date(L('Closed on', 'Data zamknięcia', 'Lezárva')),
  },
});
