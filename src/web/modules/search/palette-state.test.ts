import { describe, expect, it } from 'vitest';
import { paletteState } from './palette-state.ts';

/** An answered, current request with the connection up; each case changes what it names. */
const answered = {
  tooShort: false,
  current: true,
  fetchStatus: 'idle',
  placeholder: false,
  failed: false,
  lost: false,
} as const;

describe('paletteState', () => {
  it('says "nothing found" only of the answer to what is typed now', () => {
    expect(paletteState(answered)).toBe('settled');
    // Still debouncing: the answer on screen is for the previous query.
    expect(paletteState({ ...answered, current: false })).toBe('loading');
    expect(paletteState({ ...answered, fetchStatus: 'fetching' })).toBe('loading');
    expect(paletteState({ ...answered, placeholder: true })).toBe('loading');
  });

  it('waits for the connection while the request is paused or cannot be sent', () => {
    expect(paletteState({ ...answered, fetchStatus: 'paused' })).toBe('waiting');
    expect(paletteState({ ...answered, fetchStatus: 'paused', lost: true })).toBe('waiting');
    expect(paletteState({ ...answered, current: false, lost: true })).toBe('waiting');
    // Failed while the server is away: it is asked again once it is back.
    expect(paletteState({ ...answered, failed: true, lost: true })).toBe('waiting');
  });

  it('reports a failed answer, and asks for more letters before anything else', () => {
    expect(paletteState({ ...answered, failed: true })).toBe('failed');
    expect(paletteState({ ...answered, tooShort: true, fetchStatus: 'paused', lost: true })).toBe('hint');
  });
});
