import { longText as traits } from '../../../shared/field-types/long-text.ts';
import { textColumn } from './base.ts';

export const longText = textColumn(traits, {
  keepLeadingSpace: true,
  overrides: { exportWidth: () => 40 },
});
