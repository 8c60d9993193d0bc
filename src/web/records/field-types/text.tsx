import { TextDisplay, TextFieldInput, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { WebFieldType } from './module.ts';
import { textFacts } from './text.ts';

export const text: WebFieldType = {
  ...textFacts,
  Input: TextFieldInput,
  Display: TextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
