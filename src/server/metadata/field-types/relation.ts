import { relation as traits } from '../../../shared/field-types/relation.ts';
import { referenceColumn } from './reference.ts';

export const relation = referenceColumn(traits);
