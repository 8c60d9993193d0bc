import { choice as traits } from '../../../shared/field-types/choice.ts';
import { foldText } from '../../../shared/text/fold.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

export const choice = textColumn(traits, {
  format: (value, _context, field) => {
    const allowed = (field.options ?? []).map((option) => option.value);
    return allowed.includes(value) ? { value } : invalid('choice', `must be one of: ${allowed.join(', ')}`);
  },
  overrides: {
    // A file may name the option by its label in any language (`E-mail`, `Telefon`) or its value.
    fromText: (text, field) => {
      const wanted = foldText(text.trim());
      const option = (field.options ?? []).find(
        (candidate) =>
          foldText(candidate.value) === wanted ||
          Object.values(candidate.labels).some((label) => foldText(label) === wanted),
      );
      return { value: option?.value ?? text.trim() };
    },
    schema: (field) => ({ type: 'string', enum: (field.options ?? []).map((option) => option.value) }),
  },
});
