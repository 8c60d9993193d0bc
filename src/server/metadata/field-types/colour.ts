import { normaliseColour, STORED_COLOUR, colour as traits } from '../../../shared/field-types/colour.ts';
import { singleColumn } from './base.ts';
import { invalid } from './module.ts';

/*
 * Not `textColumn`: its length check would refuse `#ff00aa00` as too long, while every string
 * that is not a colour should get the one `format` message that says what a colour looks like.
 */
export const colour = singleColumn(traits, 'text', {
  check: (raw) => {
    if (typeof raw !== 'string') return invalid('type', 'must be text');
    // An emptied field is no value at all, as for the text types.
    if (raw.trim() === '') return { value: null };
    const value = normaliseColour(raw);
    return value ? { value } : invalid('format', 'must be a colour as #rrggbb or #rgb, like #3f51b5');
  },
  schema: () => ({
    type: 'string',
    pattern: STORED_COLOUR.source,
    description: 'a colour as #rrggbb in lower case (#RGB and upper case are accepted on writes)',
  }),
});
