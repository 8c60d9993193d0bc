import { choice as traits } from '../../../shared/field-types/choice.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const choice = textColumn(traits, {
  format: (value, _context, field) => {
    const allowed = (field.options ?? []).map((option) => option.value);
    return allowed.includes(value) ? { value } : invalid('choice', `must be one of: ${allowed.join(', ')}`);
  },
  overrides: {
    schema: (field) => ({ type: 'string', enum: (field.options ?? []).map((option) => option.value) }),
  },
});
