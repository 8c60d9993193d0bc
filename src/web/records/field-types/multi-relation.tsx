import type { WebFieldType } from './module.ts';
import { multiRelationFacts } from './multi-relation.ts';
import { multiReferenceViews } from './reference.tsx';

export const multiRelation: WebFieldType = { ...multiRelationFacts, ...multiReferenceViews };
