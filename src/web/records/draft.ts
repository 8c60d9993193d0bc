import type { RecordData } from '../app/api-types.ts';
import type { Values } from './form-values.ts';

/**
 * Unsaved edits of a record page, kept in sessionStorage (this tab only): they survive a
 * session expiry, the trip through the login page and a reload, and are gone once saved.
 */
export interface Draft {
  base: RecordData;
  changes: Values;
}

const key = (object: string, id: string) => `kartoteka.draft.${object}.${id}`;

export function loadDraft(object: string, id: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(key(object, id));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft.base?.version === 'number' && typeof draft.changes === 'object'
      ? draft
      : null;
  } catch {
    return null;
  }
}

export function saveDraft(object: string, id: string, draft: Draft): void {
  try {
    sessionStorage.setItem(key(object, id), JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the edit still works, it just would not survive a reload.
  }
}

export function clearDraft(object: string, id: string): void {
  try {
    sessionStorage.removeItem(key(object, id));
  } catch {
    // Nothing to clear.
  }
}
