import { MultiSelect, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneNames } from '../../../shared/field-types/time-zone.ts';
import { commonProps, TextDisplay } from './base.tsx';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { timeZoneFacts } from './time-zone.ts';

/** The zones the browser knows, plus the value itself (an alias chosen elsewhere stays selectable). */
function useZones(current: unknown): string[] {
  return useMemo(() => {
    const zones = timeZoneNames();
    return typeof current === 'string' && current !== '' && !zones.includes(current)
      ? [current, ...zones]
      : zones;
  }, [current]);
}

function TimeZoneInput(props: FieldInputProps) {
  const { t } = useTranslation();
  const zones = useZones(props.value);
  return (
    <Select
      {...commonProps(props)}
      data={zones}
      value={typeof props.value === 'string' ? props.value : null}
      onChange={(zone) => props.onChange(zone)}
      searchable
      clearable={!props.field.required}
      nothingFoundMessage={t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('records:picker.clear', { field: props.label }) }}
    />
  );
}

function TimeZoneFilterInput({ label, value, onChange }: FilterValueInputProps) {
  const { t } = useTranslation();
  const zones = useZones(value);
  return (
    <Select
      label={label}
      data={zones}
      value={typeof value === 'string' ? value : null}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('records:picker.nothing')}
    />
  );
}

function TimeZoneListInput({ label, value, onChange }: FilterListInputProps) {
  const { t } = useTranslation();
  const zones = useZones(null);
  return (
    <MultiSelect
      label={label}
      data={zones}
      value={value.filter((item) => typeof item === 'string')}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('records:picker.nothing')}
      clearButtonProps={{ 'aria-label': t('filters:condition.clearList', { field: label }) }}
    />
  );
}

export const timeZone: WebFieldType = {
  ...timeZoneFacts,
  Input: TimeZoneInput,
  Display: TextDisplay,
  FilterValueInput: TimeZoneFilterInput,
  FilterListInput: TimeZoneListInput,
};
