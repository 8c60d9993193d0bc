import type { Operator } from './operators.ts';

export type FilterValue = string | number | boolean | null;

/** `{ "field": "company.industry", "op": "eq", "value": 4 }`; the field may be a path through relations. */
export interface FilterLeaf {
  field: string;
  op: Operator;
  value?: FilterValue | FilterValue[];
}
export interface FilterAnd {
  and: Filter[];
}
export interface FilterOr {
  or: Filter[];
}
export interface FilterNot {
  not: Filter;
}
export type Filter = FilterLeaf | FilterAnd | FilterOr | FilterNot;

export function isLeaf(filter: Filter): filter is FilterLeaf {
  return 'field' in filter;
}
