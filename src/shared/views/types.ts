import type { Filter } from '../filter/types.ts';
import type { SortSpec } from '../metadata/types.ts';

/**
 * The colours a row may take; Mantine palette names, so light and dark themes both work.
 * The server validates saved colour rules against this list, so it lives in src/shared;
 * src/web/records/list-state.ts has the same list (a test in src/web/modules/views keeps
 * the two equal until list-state re-exports this one).
 */
export const ROW_COLOURS = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'grape', 'gray'] as const;
export type RowColour = (typeof ROW_COLOURS)[number];

/** The wire form of a saved view's content: the same shape as the web's `ListViewState`. */
export interface ViewDefinition {
  columns: string[];
  filter: Filter | null;
  sort: SortSpec[];
  colourRules: Array<{ filter: Filter; colour: RowColour }>;
}

/** Bounds of a definition, shared so the web app can stop the user before the server does. */
export const VIEW_LIMITS = {
  nameLength: 100,
  columns: 100,
  sortKeys: 5,
  colourRules: 20,
} as const;

/** One view as `GET /api/views` lists it, from the point of view of the user asking. */
export interface SavedView {
  id: number;
  object: string;
  name: string;
  /** Everyone can see and apply it; only the owner may change it. */
  shared: boolean;
  /** The asking user's effective default for this object (at most one view per list). */
  isDefault: boolean;
  /** Shared, and its owner made it their default: everyone who has not chosen gets it. */
  defaultForEveryone: boolean;
  /** The asking user owns it (may rename, change, share, delete). */
  mine: boolean;
  ownerId: number;
  ownerLogin: string;
  definition: ViewDefinition;
  version: number;
  updatedAt: string;
}

export interface SavedViewList {
  items: SavedView[];
  /** The id of the view flagged `isDefault`, or null: the list's plain default. */
  defaultViewId: number | null;
}
