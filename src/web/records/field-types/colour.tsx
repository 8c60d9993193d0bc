import { Box, ColorInput, ColorSwatch } from '@mantine/core';
import { STORED_COLOUR } from '../../../shared/field-types/colour.ts';
import { commonProps, TextFilterInput, TextTagsFilterInput } from './base.tsx';
import { colourFacts } from './colour.ts';
import type { FieldDisplayProps, FieldInputProps, WebFieldType } from './module.ts';

/** Calendar colours a click away (flamingo, tangerine, banana, sage, peacock, lavender, grape). */
const SWATCHES = ['#e67c73', '#f4511e', '#f6bf26', '#33b679', '#039be5', '#7986cb', '#8e24aa'];

function ColourDisplay({ value }: FieldDisplayProps) {
  const hex = String(value);
  return (
    <Box component="span" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      {/* The hex text says the value; the dot is only a picture of it. */}
      {STORED_COLOUR.test(hex) && <ColorSwatch component="span" color={hex} size={12} aria-hidden />}
      {hex}
    </Box>
  );
}

function ColourInput(props: FieldInputProps) {
  return (
    <ColorInput
      {...commonProps(props)}
      format="hex"
      value={typeof props.value === 'string' ? props.value : ''}
      // What is typed goes to the server as it is: the server expands #rgb and refuses the rest.
      onChange={props.onChange}
      swatches={SWATCHES}
      closeOnColorSwatchClick
    />
  );
}

export const colour: WebFieldType = {
  ...colourFacts,
  Input: ColourInput,
  Display: ColourDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
