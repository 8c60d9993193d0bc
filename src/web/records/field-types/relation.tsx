import type { WebFieldType } from './module.ts';
import { singleReferenceViews } from './reference.tsx';
import { relationFacts } from './relation.ts';

export const relation: WebFieldType = { ...relationFacts, ...singleReferenceViews };
