import { select as traits } from '../../../shared/field-types/select.ts';
import { referenceColumn } from './reference.ts';

export const select = referenceColumn(traits);
