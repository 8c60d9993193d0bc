import { Textarea } from '@mantine/core';
import { commonProps, TextDisplay, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import { longTextFacts } from './long-text.ts';
import type { FieldInputProps, WebFieldType } from './module.ts';

function LongTextInput(props: FieldInputProps) {
  return (
    <Textarea
      {...commonProps(props)}
      value={typeof props.value === 'string' ? props.value : ''}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      maxLength={props.field.maxLength}
      autosize
      minRows={3}
      maxRows={12}
    />
  );
}

export const longText: WebFieldType = {
  ...longTextFacts,
  Input: LongTextInput,
  Display: TextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
