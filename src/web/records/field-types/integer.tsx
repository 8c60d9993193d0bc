import { IntegerFilterInput, IntegerInput, IntegerTagsFilterInput, TextDisplay } from './base.tsx';
import { integerFacts } from './integer.ts';
import type { WebFieldType } from './module.ts';

export const integer: WebFieldType = {
  ...integerFacts,
  Input: IntegerInput,
  Display: TextDisplay,
  FilterValueInput: IntegerFilterInput,
  FilterListInput: IntegerTagsFilterInput,
};
