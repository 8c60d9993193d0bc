export {
  type GlobalSearchHit,
  type GlobalSearchResult,
  MIN_QUERY,
  type SearchCounts,
  type SearchFact,
  searchPagePath,
  useGlobalSearch,
} from './api.ts';
export { FactsText, Highlighted } from './Highlighted.tsx';
export { highlightParts, type TextPart } from './highlight.ts';
export { type PaletteState, paletteState } from './palette-state.ts';
