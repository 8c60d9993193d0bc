import type { Executor } from '../../db/dialects/dialect.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { invalidField } from '../cases/rules.ts';
import { withDefaultStages } from './default-stages.ts';

/**
 * A sales cycle the company follows (new business, renewals, tenders): its ordered stages say
 * where a deal stands. Administrators shape them; every salesperson reads them.
 */
export const salesScenario = defineObject({
  key: 'sales_scenario',
  labels: {
    one: L('Sales scenario', 'Scenariusz sprzedaży', 'Értékesítési folyamat'),
    many: L('Sales scenarios', 'Scenariusze sprzedaży', 'Értékesítési folyamatok'),
  },
  icon: 'route',
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  searchFields: ['name'],
  activeField: 'active',
  administratorsOnly: true,
  defaultSort: [{ field: 'name', direction: 'asc' }],
  effects: [withDefaultStages],
  headerFacts: ['currency', 'active'],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    // The board's sums are in this currency; deals in others are summed apart.
    currency: field.currency(L('Currency', 'Waluta', 'Pénznem'), { required: true, defaultValue: 'PLN' }),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The opportunity fields a stage may require before a deal enters it. */
export const REQUIRABLE_FIELDS = [
  'contact',
  'amount',
  'expected_close',
  'source',
  'next_action',
  'next_action_date',
  'lost_reason',
  'description',
] as const;

/** A stage's required fields name opportunity fields that can be required. */
async function knownRequiredFields(executor: Executor, id: number): Promise<void> {
  const row = await executor
    .selectFrom('sales_stage')
    .select('required_fields')
    .where('id', '=', id)
    .executeTakeFirst();
  const unknown = requiredFieldsOf(row?.required_fields).filter(
    (key) => !(REQUIRABLE_FIELDS as readonly string[]).includes(key),
  );
  if (unknown.length > 0)
    throw invalidField(
      'required_fields',
      'unknown_field',
      `${unknown.join(', ')}: not a field a stage can require (${REQUIRABLE_FIELDS.join(', ')})`,
    );
}

/** `"amount, expected_close"` → ['amount', 'expected_close']. */
export function requiredFieldsOf(stored: unknown): string[] {
  return typeof stored === 'string'
    ? stored
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== '')
    : [];
}

/**
 * A step of a scenario: its place, the chance a deal in it is won, whether it is open, won or
 * lost, after how many idle days a deal in it "rots", what a deal must have to enter it and what
 * to do next once there.
 */
export const salesStage = defineObject({
  key: 'sales_stage',
  labels: {
    one: L('Sales stage', 'Etap sprzedaży', 'Értékesítési szakasz'),
    many: L('Sales stages', 'Etapy sprzedaży', 'Értékesítési szakaszok'),
  },
  icon: 'stairs',
  titleFields: ['name_en'],
  localizedTitle: { en: 'name_en', pl: 'name_pl', hu: 'name_hu' },
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['scenario', 'probability'],
  administratorsOnly: true,
  defaultSort: [
    { field: 'scenario', direction: 'asc' },
    { field: 'position', direction: 'asc' },
  ],
  invariants: [knownRequiredFields],
  headerFacts: ['scenario', 'position', 'kind', 'probability', 'rots_after_days'],
  sections: [
    {
      key: 'stage',
      labels: L('Stage', 'Etap', 'Szakasz'),
      fields: ['scenario', 'name_en', 'name_pl', 'name_hu', 'position', 'kind', 'probability', 'colour'],
    },
    {
      key: 'rules',
      labels: L('Rules', 'Reguły', 'Szabályok'),
      fields: ['rots_after_days', 'required_fields', 'next_action'],
    },
  ],
  fields: {
    scenario: field.relation(L('Scenario', 'Scenariusz', 'Folyamat'), 'sales_scenario', { required: true }),
    name_en: field.text(L('Name (English)', 'Nazwa (angielski)', 'Név (angol)'), {
      required: true,
      maxLength: 60,
    }),
    name_pl: field.text(L('Name (Polish)', 'Nazwa (polski)', 'Név (lengyel)'), {
      required: true,
      maxLength: 60,
    }),
    name_hu: field.text(L('Name (Hungarian)', 'Nazwa (węgierski)', 'Név (magyar)'), {
      required: true,
      maxLength: 60,
    }),
    position: field.integer(L('Order', 'Kolejność', 'Sorrend'), { required: true, min: 0, max: 1000 }),
    kind: field.choice(
      L('Kind', 'Rodzaj', 'Fajta'),
      [
        { value: 'open', labels: L('Open', 'Otwarty', 'Nyitott') },
        { value: 'won', labels: L('Won', 'Wygrany', 'Megnyert') },
        { value: 'lost', labels: L('Lost', 'Przegrany', 'Elvesztett') },
      ],
      { required: true, defaultValue: 'open' },
    ),
    probability: field.percent(L('Probability', 'Prawdopodobieństwo', 'Valószínűség'), {
      required: true,
      min: 0,
      max: 100,
    }),
    rots_after_days: field.integer(L('Idle after (days)', 'Zalega po (dniach)', 'Elakad (nap után)'), {
      min: 1,
      max: 3650,
    }),
    // Opportunity fields that must have a value before a deal enters the stage, comma-separated.
    required_fields: field.text(L('Required to enter', 'Wymagane do wejścia', 'Belépés feltétele'), {
      maxLength: 500,
    }),
    next_action: field.text(L('Next action', 'Następna akcja', 'Következő teendő'), { maxLength: 200 }),
    colour: field.colour(L('Colour', 'Kolor', 'Szín')),
  },
});
