import { savedFilter as traits } from '../../../shared/field-types/saved-filter.ts';
import { FilterError, resolveFilter } from '../../../shared/filter/validate.ts';
import { singleColumn } from './base.ts';
import { invalid } from './module.ts';

/** A filter over `field.target`, checked against its metadata on write and kept as JSON text. */
export const savedFilter = singleColumn(traits, 'text', {
  check: (raw, field, context) => {
    if (typeof raw !== 'object' || Array.isArray(raw)) return invalid('type', 'must be a filter object');
    if (!field.target || !context.lookup) return invalid('type', 'cannot be checked here');
    try {
      resolveFilter(raw, field.target, context.lookup);
    } catch (error) {
      if (error instanceof FilterError) return invalid('filter', error.message);
      throw error;
    }
    const text = JSON.stringify(raw);
    return text.length > (field.maxLength ?? 20_000)
      ? invalid('too_long', 'the filter is too large')
      : { value: raw };
  },
  decode: (row, field) => {
    const stored = field.column ? row[field.column] : null;
    return typeof stored === 'string' ? (JSON.parse(stored) as unknown) : null;
  },
  encode: (value, field) =>
    field.column ? { [field.column]: value === null ? null : JSON.stringify(value) } : {},
  cell: (value) => ({ kind: 'text', value: JSON.stringify(value) }),
  schema: (field) => ({
    type: 'object',
    description: `a filter over ${field.target} ({"field", "op", "value"} or {"and"|"or": […]} or {"not": …})`,
  }),
  exportWidth: () => 40,
});
