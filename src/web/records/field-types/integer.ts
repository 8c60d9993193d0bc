import { numberLike } from './base.ts';

export const integerFacts = numberLike({ width: 110 });
