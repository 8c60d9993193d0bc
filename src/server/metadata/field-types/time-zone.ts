import {
  TIME_ZONE_PROBLEM,
  timeZoneName,
  timeZone as traits,
} from '../../../shared/field-types/time-zone.ts';
import { textColumn } from './base.ts';
import { invalid } from './module.ts';

/** Stored as its IANA name; one the runtime does not know is refused wherever it is written. */
export const timeZone = textColumn(traits, {
  format: (value) => {
    const name = timeZoneName(value);
    return name === null ? invalid('format', TIME_ZONE_PROBLEM) : { value: name };
  },
  overrides: {
    schema: (field) => ({
      type: 'string',
      maxLength: field.maxLength,
      description: 'IANA time zone, like Europe/Warsaw',
    }),
    exportWidth: () => 20,
  },
});
