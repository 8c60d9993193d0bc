import { text as traits } from '../../../shared/field-types/text.ts';
import { textColumn } from './base.ts';

export const text = textColumn(traits);
