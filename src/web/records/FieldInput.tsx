import { type FieldInputProps, webType } from './field-types/index.ts';

export type { FieldInputProps };

/** The input a field type calls for; every one has its visible label and shows its error. */
export function FieldInput(props: FieldInputProps) {
  const { Input } = webType(props.field);
  return <Input {...props} />;
}
