import { kindOf, operatorsFor } from '../../../shared/field-types/index.ts';
import { type FilterLeaf, isLeaf } from '../../../shared/filter/types.ts';
import { FilterError, resolveFilter } from '../../../shared/filter/validate.ts';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import { type ColourRule, ROW_COLOURS } from '../../records/list-state.ts';

/** Calendar days and instants: the fields "overdue" applies to. */
function isDated(field: FieldMeta): boolean {
  const kind = kindOf(field);
  return kind === 'date' || kind === 'instant';
}

/** The fields a colour rule may test: the object's own, not the system's (id, version…). */
export function ruleFields(meta: ObjectMeta): FieldMeta[] {
  return meta.fields.filter((field) => !field.system && field.filterable);
}

/** A leaf over the field with its most useful first operator: "overdue" for dates, else the first one. */
export function defaultCondition(field: FieldMeta): FilterLeaf {
  const ops = operatorsFor(field.type);
  const op = isDated(field) && ops.includes('overdue') ? 'overdue' : (ops[0] ?? 'isEmpty');
  return { field: field.key, op };
}

/** A new rule: the first date field (the usual "paint overdue rows") or else the first field. */
export function newRule(meta: ObjectMeta, index: number): ColourRule | null {
  const fields = ruleFields(meta);
  const field = fields.find(isDated) ?? fields[0];
  if (!field) return null;
  return { filter: defaultCondition(field), colour: ROW_COLOURS[index % ROW_COLOURS.length] ?? 'red' };
}

/** True when the rule is a condition the server will accept (complete value, own fields only). */
export function isCompleteRule(meta: ObjectMeta, rule: ColourRule): boolean {
  try {
    resolveFilter(rule.filter, meta.key, (key) => (key === meta.key ? meta : undefined));
    return true;
  } catch (error) {
    if (error instanceof FilterError) return false;
    throw error;
  }
}

/** The rule's condition when the editor can show it (a single condition); groups are kept as they are. */
export function editableLeaf(rule: ColourRule): FilterLeaf | null {
  return isLeaf(rule.filter) ? rule.filter : null;
}
