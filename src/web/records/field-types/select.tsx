import type { WebFieldType } from './module.ts';
import { singleReferenceViews } from './reference.tsx';
import { selectFacts } from './select.ts';

export const select: WebFieldType = { ...selectFacts, ...singleReferenceViews };
