import { numberLike } from './base.ts';

/** One to five stars; a number everywhere but the screen. */
export const ratingFacts = numberLike({
  text: (value, field, { t }) => t('records:value.rating', { value, max: field.max ?? 5 }),
  alignRight: false,
  width: 120,
  // "At least four stars" is the question a rating answers.
  defaultOperator: 'gte',
});
