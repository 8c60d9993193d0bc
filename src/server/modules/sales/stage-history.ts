import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * Every stage a deal entered: from which, when, by whom, at what amount. The funnel's
 * conversions and the days spent in each stage are read from it. Written by the deals' own
 * writes (`stage-rules.ts`); only an administrator may correct it.
 */
export const stageHistory = defineObject({
  key: 'stage_history',
  labels: {
    one: L('Stage change', 'Zmiana etapu', 'Szakaszváltás'),
    many: L('Stage history', 'Historia etapów', 'Szakaszelőzmények'),
  },
  icon: 'history',
  owner: 'opportunity.owner',
  subject: 'opportunity.company',
  titleFields: ['to_stage'],
  grammaticalGender: { pl: 'feminine' },
  subtitleFields: ['opportunity', 'changed_at'],
  defaultSort: [{ field: 'changed_at', direction: 'desc' }],
  administratorsOnly: true,
  fields: {
    opportunity: field.relation(
      L('Opportunity', 'Szansa sprzedaży', 'Értékesítési lehetőség'),
      'opportunity',
      {
        required: true,
      },
    ),
    from_stage: field.relation(L('From stage', 'Z etapu', 'Szakaszból'), 'sales_stage'),
    to_stage: field.relation(L('To stage', 'Do etapu', 'Szakaszba'), 'sales_stage', { required: true }),
    changed_at: field.dateTime(L('When', 'Kiedy', 'Mikor'), { required: true }),
    changed_by: field.relation(L('By', 'Kto', 'Ki'), 'employee'),
    amount: field.money(L('Amount then', 'Kwota wtedy', 'Összeg akkor')),
    // Why it moved, when the mover said (the board's move takes a note).
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 500 }),
  },
});
