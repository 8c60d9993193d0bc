import { describe, expect, it } from 'vitest';
import { fieldMeta } from '../../../../test/metadata-fixtures.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { ColourRule } from '../../records/list-state.ts';
import { colourRuleFields, rowColour } from './row-colour.ts';

const company: ObjectMeta = {
  key: 'company',
  labels: {
    one: { en: 'Company', pl: 'Firma', hu: 'Cég' },
    many: { en: 'Companies', pl: 'Firmy', hu: 'Cégek' },
  },
  icon: 'building',
  titleFields: ['name'],
  searchable: true,
  defaultSort: [{ field: 'name', direction: 'asc' }],
  fields: [
    fieldMeta('id', 'integer', { system: true }),
    fieldMeta('name', 'text'),
    fieldMeta('next_action_date', 'date'),
    fieldMeta('employee_count', 'integer'),
    fieldMeta('status', 'select', { target: 'dictionary_value', dictionary: 'company_status' }),
  ],
};

const overdueRed: ColourRule = { filter: { field: 'next_action_date', op: 'overdue' }, colour: 'red' };
const bigGreen: ColourRule = { filter: { field: 'employee_count', op: 'gte', value: 250 }, colour: 'green' };
// 23:30 on 23 November in Warsaw (22:30 UTC).
const now = new Date('2026-11-23T22:30:00Z');

describe('rowColour', () => {
  it('paints a row whose next action is past, and leaves the others alone', () => {
    const rules = [overdueRed];
    expect(rowColour(company, rules, { next_action_date: '2026-11-22' }, 'Europe/Warsaw', now)).toBe('red');
    expect(rowColour(company, rules, { next_action_date: '2026-11-23' }, 'Europe/Warsaw', now)).toBeNull();
    expect(rowColour(company, rules, { next_action_date: null }, 'Europe/Warsaw', now)).toBeNull();
  });

  it("counts days in the user's time zone", () => {
    // At 22:30 UTC it is already the 24th in Warsaw but still the 23rd in New York.
    const row = { next_action_date: '2026-11-23' };
    expect(rowColour(company, [overdueRed], row, 'Europe/Warsaw', new Date('2026-11-23T23:30:00Z'))).toBe(
      'red',
    );
    expect(
      rowColour(company, [overdueRed], row, 'America/New_York', new Date('2026-11-23T23:30:00Z')),
    ).toBeNull();
  });

  it('gives the colour of the first rule that matches', () => {
    const row = { next_action_date: '2026-01-05', employee_count: 300 };
    expect(rowColour(company, [overdueRed, bigGreen], row, 'UTC', now)).toBe('red');
    expect(rowColour(company, [bigGreen, overdueRed], row, 'UTC', now)).toBe('green');
    expect(rowColour(company, [bigGreen], { employee_count: 10 }, 'UTC', now)).toBeNull();
    expect(rowColour(company, [], row, 'UTC', now)).toBeNull();
  });

  it('evaluates groups and references by id, and skips a rule that no longer fits the object', () => {
    const rules: ColourRule[] = [
      { filter: { field: 'gone', op: 'isEmpty' }, colour: 'gray' },
      {
        filter: { and: [{ field: 'status', op: 'in', value: [3, 4] }, { not: overdueRed.filter }] },
        colour: 'blue',
      },
    ];
    expect(rowColour(company, rules, { status: 4, next_action_date: '2027-01-01' }, 'UTC', now)).toBe('blue');
    expect(rowColour(company, rules, { status: 4, next_action_date: '2020-01-01' }, 'UTC', now)).toBeNull();
    expect(rowColour(company, rules, { status: 5, next_action_date: null }, 'UTC', now)).toBeNull();
    expect(colourRuleFields(rules)).toEqual(['gone', 'status', 'next_action_date']);
  });
});
