import { CloseButton, Group, Input, Rating } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IntegerTagsFilterInput } from './base.tsx';
import type { FieldDisplayProps, FieldInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { ratingFacts } from './rating.ts';

const DEFAULT_STARS = 5;

function RatingDisplay({ field, value, context }: FieldDisplayProps) {
  const stars = typeof value === 'number' ? value : 0;
  return (
    // Read-only Mantine stars are plain shapes: the image's name says the value.
    <Rating
      value={stars}
      count={field.max ?? DEFAULT_STARS}
      readOnly
      size="sm"
      role="img"
      aria-label={ratingFacts.text(value, field, context)}
    />
  );
}

interface StarsProps {
  label: string;
  count: number;
  value: unknown;
  onChange: (value: number | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** Clearing by clicking the chosen star again, or with the button beside the stars. */
  clearable: boolean;
}

/** Stars as a labelled radio group: arrows move, Enter or a click chooses. */
function Stars({ label, count, value, onChange, error, required, disabled, clearable }: StarsProps) {
  const { t } = useTranslation();
  const id = useId();
  const stars = typeof value === 'number' ? value : 0;
  return (
    <Input.Wrapper id={id} label={label} error={error} required={required} labelElement="div">
      <Group gap="xs" mih={36} align="center">
        <Rating
          role="radiogroup"
          aria-labelledby={`${id}-label`}
          value={stars}
          count={count}
          onChange={(next) => onChange(next === 0 ? null : next)}
          // Mantine keeps a hidden zero choice for clearing: it reads as "no rating".
          getSymbolLabel={(n) =>
            n === 0 ? t('records:value.noRating') : t('records:value.rating', { value: n, max: count })
          }
          allowClear={clearable}
          readOnly={disabled}
        />
        {clearable && stars > 0 && !disabled && (
          <CloseButton
            size="sm"
            aria-label={t('records:picker.clear', { field: label })}
            onClick={() => onChange(null)}
          />
        )}
      </Group>
    </Input.Wrapper>
  );
}

function RatingInput({ field, label, value, onChange, error, disabled }: FieldInputProps) {
  return (
    <Stars
      label={label}
      count={field.max ?? DEFAULT_STARS}
      value={value}
      onChange={onChange}
      error={error}
      required={field.required}
      disabled={disabled}
      clearable={!field.required}
    />
  );
}

function RatingFilterInput({ field, label, value, onChange }: FilterValueInputProps) {
  return (
    <Stars
      label={label}
      count={field.max ?? DEFAULT_STARS}
      value={value}
      onChange={onChange}
      clearable={false}
    />
  );
}

export const rating: WebFieldType = {
  ...ratingFacts,
  Input: RatingInput,
  Display: RatingDisplay,
  FilterValueInput: RatingFilterInput,
  FilterListInput: IntegerTagsFilterInput,
};
