import type { Filter } from '../../shared/filter/types.ts';
import type { SortSpec } from '../../shared/metadata/types.ts';
import type { RowColour } from '../../shared/views/types.ts';

/** The colours a row may take (Mantine palette names); the server checks saved views against the same list. */
export { ROW_COLOURS, type RowColour } from '../../shared/views/types.ts';

/**
 * "Paint the row red when the next-action date is past". The condition uses the filter grammar
 * on the object's own fields (no relation paths: it is evaluated in the browser on loaded rows
 * with the shared evaluator). The first matching rule wins.
 */
export interface ColourRule {
  filter: Filter;
  colour: RowColour;
}

/**
 * Everything that shapes a list: what a saved view stores and what the URL carries.
 * `columns` are field keys in display order; an empty filter is `null`.
 */
export interface ListViewState {
  columns: string[];
  filter: Filter | null;
  sort: SortSpec[];
  colourRules: ColourRule[];
}
