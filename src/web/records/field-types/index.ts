/*
 * Field types in the web app: one module per type (`<type>.tsx`: its input, display, filter
 * editors, text and defaults), its React-free half beside it (`<type>.ts`), both registered by
 * name. Code that only needs facts and text (the filter model, validation, tests) imports
 * `facts.ts` directly, which pulls in no React.
 */
export { isEmptyValue, MAX_FILTER_TEXT } from './base.ts';
export { useTextContext } from './context.ts';
export { FIELD_TYPE_FACTS, factsOf, fieldText } from './facts.ts';
export type {
  FieldDisplayProps,
  FieldInputProps,
  FieldTypeFacts,
  FieldTypeViews,
  FilterListInputProps,
  FilterValueInputProps,
  TextContext,
  WebFieldType,
} from './module.ts';
export { WEB_FIELD_TYPES, webType } from './registry.ts';
