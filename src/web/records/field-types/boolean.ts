import type { FieldTypeFacts } from './module-facts.ts';

export const booleanFacts: FieldTypeFacts = {
  text: (value, _field, { t }) => (value ? t('common:yes') : t('common:no')),
  wide: false,
  short: true,
  alignRight: false,
  width: 90,
  defaultOperator: 'eq',
  // "is Yes" is what people filter a flag for; an empty value would only be a half-done condition.
  initialOperand: true,
};
