import type { Executor } from '../../db/dialects/dialect.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { invalidField } from '../cases/rules.ts';

/** A target is a salesperson's, a team's or, naming neither, the company's; never both. */
async function oneHolder(executor: Executor, id: number): Promise<void> {
  const row = await executor
    .selectFrom('sales_target')
    .select(['employee_id', 'department_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  if (row.employee_id !== null && row.department_id !== null)
    throw invalidField('department', 'both', "a target is either a salesperson's or a team's, not both");
}

/** What a salesperson, a team or the company should win in a month; the forecast sets it beside the pipeline. */
export const salesTarget = defineObject({
  key: 'sales_target',
  labels: {
    one: L('Sales target', 'Cel sprzedażowy', 'Értékesítési cél'),
    many: L('Sales targets', 'Cele sprzedażowe', 'Értékesítési célok'),
  },
  icon: 'flag',
  owner: 'employee',
  titleFields: ['month'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['employee', 'department', 'amount'],
  defaultSort: [{ field: 'month', direction: 'desc' }],
  invariants: [oneHolder],
  fields: {
    // Any day of the month stands for the month.
    month: field.date(L('Month', 'Miesiąc', 'Hónap'), { required: true }),
    employee: field.relation(L('Salesperson', 'Handlowiec', 'Értékesítő'), 'employee'),
    department: field.relation(L('Team', 'Zespół', 'Csapat'), 'department'),
    amount: field.money(L('Target', 'Cel', 'Cél'), { required: true, min: 0 }),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});
