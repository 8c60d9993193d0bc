/**
 * What the palette can say about the typed query: `settled` only once the answer for exactly
 * that query has arrived and nothing is asking again, so "nothing found" is never said of a
 * request still under way or paused. `waiting` while the request waits for the server to be
 * reachable again (TanStack Query pauses it while the connection monitor says it is lost).
 */
export type PaletteState = 'hint' | 'loading' | 'waiting' | 'failed' | 'settled';

export function paletteState(input: {
  tooShort: boolean;
  /** The debounced query the request is for is what is typed now. */
  current: boolean;
  fetchStatus: 'fetching' | 'paused' | 'idle';
  /** The data shown is an earlier query's, kept while the current one loads. */
  placeholder: boolean;
  failed: boolean;
  lost: boolean;
}): PaletteState {
  if (input.tooShort) return 'hint';
  if (input.fetchStatus === 'paused') return 'waiting';
  const answered = input.current && input.fetchStatus === 'idle' && !input.placeholder;
  // A failed request is asked again by itself once the server is back (App.tsx).
  if (answered && input.failed) return input.lost ? 'waiting' : 'failed';
  if (answered) return 'settled';
  // Typed while the server is away: the request is not even sent yet, but it will wait.
  return input.lost ? 'waiting' : 'loading';
}
