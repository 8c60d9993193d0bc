import { useMemo } from 'react';
import { timeZoneNames } from '../../../shared/field-types/time-zone.ts';
import { TextDisplay } from './base.tsx';
import type { FieldInputProps, FilterListInputProps, FilterValueInputProps, WebFieldType } from './module.ts';
import { OptionFilterInput, OptionInput, OptionListInput } from './option-list.tsx';
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
  return <OptionInput {...props} options={useZones(props.value)} />;
}

function TimeZoneFilterInput(props: FilterValueInputProps) {
  return <OptionFilterInput {...props} options={useZones(props.value)} />;
}

function TimeZoneListInput(props: FilterListInputProps) {
  return <OptionListInput {...props} options={useZones(null)} />;
}

export const timeZone: WebFieldType = {
  ...timeZoneFacts,
  Input: TimeZoneInput,
  Display: TextDisplay,
  FilterValueInput: TimeZoneFilterInput,
  FilterListInput: TimeZoneListInput,
};
