import type { TFunction } from 'i18next';
import { type Filter, isLeaf } from '../../../shared/filter/types.ts';
import { textLike } from './base.ts';

/** How many conditions a saved filter holds: what a list cell or a history entry can say of it. */
export function conditionCount(filter: Filter): number {
  if (isLeaf(filter)) return 1;
  if ('not' in filter) return conditionCount(filter.not);
  const children = 'and' in filter ? filter.and : filter.or;
  return children.reduce((sum, child) => sum + conditionCount(child), 0);
}

export function savedFilterText(value: unknown, t: TFunction): string {
  const count = typeof value === 'object' && value !== null ? conditionCount(value as Filter) : 0;
  return t('records:savedFilter.conditions', { count });
}

/** A dynamic group's rule: edited with the filter builder of the object it selects. */
export const savedFilterFacts = textLike({
  text: (value, _field, { t }) => savedFilterText(value, t),
  wide: true,
  defaultOperator: 'isNotEmpty',
});
