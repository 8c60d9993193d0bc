import type { FieldType } from '../metadata/types.ts';

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

const TEXT: Operator[] = [
  'eq',
  'neq',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'isEmpty',
  'isNotEmpty',
];
const ORDERED: Operator[] = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'isEmpty', 'isNotEmpty'];
const REFERENCE: Operator[] = ['eq', 'neq', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];

/** The operators a filter may apply to a field of each type. */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly Operator[]> = {
  text: TEXT,
  longText: ['contains', 'notContains', 'isEmpty', 'isNotEmpty'],
  email: TEXT,
  phone: TEXT,
  url: TEXT,
  integer: [...ORDERED, 'in', 'notIn'],
  boolean: ['eq', 'neq', 'isEmpty', 'isNotEmpty'],
  date: [...ORDERED, ...RELATIVE_DATE_OPERATORS],
  dateTime: [...ORDERED, ...RELATIVE_DATE_OPERATORS],
  select: REFERENCE,
  relation: REFERENCE,
  multiRelation: ['in', 'notIn', 'isEmpty', 'isNotEmpty'],
};

/** Longest `in` list and deepest nesting a filter may have: bounds the SQL a request can produce. */
export const FILTER_LIMITS = { maxDepth: 12, maxNodes: 200, maxListLength: 1000, maxCount: 36500 } as const;
