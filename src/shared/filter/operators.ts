/** What an operator expects as its `value`. */
export type OperandKind = 'none' | 'single' | 'list' | 'range' | 'count';

export const OPERATORS = {
  eq: 'single',
  neq: 'single',
  lt: 'single',
  lte: 'single',
  gt: 'single',
  gte: 'single',
  between: 'range',
  in: 'list',
  notIn: 'list',
  contains: 'single',
  notContains: 'single',
  startsWith: 'single',
  endsWith: 'single',
  isEmpty: 'none',
  isNotEmpty: 'none',
  today: 'none',
  yesterday: 'none',
  tomorrow: 'none',
  thisWeek: 'none',
  lastWeek: 'none',
  nextWeek: 'none',
  thisMonth: 'none',
  lastMonth: 'none',
  nextMonth: 'none',
  thisYear: 'none',
  lastNDays: 'count',
  nextNDays: 'count',
  overdue: 'none',
} as const satisfies Record<string, OperandKind>;

export type Operator = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as Operator[];

export const RELATIVE_DATE_OPERATORS = [
  'today',
  'yesterday',
  'tomorrow',
  'thisWeek',
  'lastWeek',
  'nextWeek',
  'thisMonth',
  'lastMonth',
  'nextMonth',
  'thisYear',
  'lastNDays',
  'nextNDays',
  'overdue',
] as const satisfies readonly Operator[];
export type RelativeDateOperator = (typeof RELATIVE_DATE_OPERATORS)[number];

/** Longest `in` list and deepest nesting a filter may have: bounds the SQL a request can produce. */
export const FILTER_LIMITS = { maxDepth: 12, maxNodes: 200, maxListLength: 1000, maxCount: 36500 } as const;
