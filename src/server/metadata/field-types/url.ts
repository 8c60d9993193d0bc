import { url as traits } from '../../../shared/field-types/url.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

const URL_PATTERN = /^https?:\/\/[^\s]+$/i;

export const url = textColumn(traits, {
  format: (value) =>
    URL_PATTERN.test(value) ? { value } : invalid('format', 'must be a web address (https://…)'),
  overrides: { schema: (field) => ({ type: 'string', format: 'uri', maxLength: field.maxLength }) },
});
