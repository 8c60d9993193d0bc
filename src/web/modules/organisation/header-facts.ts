import type { ComponentType } from 'react';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { EmployeePlacement } from './EmployeePlacement.tsx';

/**
 * What this module adds to a record's header facts: a component that renders `<dt>`/`<dd>`
 * pairs, and the plain facts it stands in for (so a department is not shown twice).
 */
export interface HeaderFacts {
  replaces: string[];
  Facts: ComponentType<{ meta: ObjectMeta; record: RecordData }>;
}

const BY_OBJECT: Record<string, HeaderFacts> = {
  employee: { replaces: ['department', 'manager'], Facts: EmployeePlacement },
};

export function headerFactsFor(object: string): HeaderFacts | undefined {
  return BY_OBJECT[object];
}
