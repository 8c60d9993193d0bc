import type { EffectiveRights, RecordCan, Scope } from '../../../shared/access/rights.ts';
import { useMyRights } from './api.ts';
import { useViewAs } from './view-as.ts';

/** The scope of one right on one object; a right the server did not list is `none`. */
export function scopeOf(rights: EffectiveRights | undefined, object: string, right: string): Scope {
  return rights?.objects[object]?.rights[right] ?? 'none';
}

/** Whether the reader may read any record of the object (the navigation hides it otherwise). */
export function canRead(rights: EffectiveRights | undefined, object: string): boolean {
  return scopeOf(rights, object, 'read') !== 'none';
}

/** What a list may offer. Everything that writes is off while viewing as someone else. */
export interface ObjectAbilities {
  create: boolean;
  /** Some records may be changed (which ones, the server says per record, or refuses). */
  update: boolean;
  export: boolean;
  bulk: boolean;
  /** Viewing as another account: every write is refused by the server. */
  readOnlySession: boolean;
}

/**
 * Until the rights have loaded nothing that writes is offered: a button that appears a moment
 * later is better than one that vanishes under the pointer.
 */
export function useObjectAbilities(object: string): ObjectAbilities {
  const rights = useMyRights().data;
  const readOnlySession = useViewAs() !== null;
  const has = (right: string) => !readOnlySession && scopeOf(rights, object, right) !== 'none';
  return {
    create: has('create'),
    update: has('update'),
    export: has('export'),
    bulk: has('bulk'),
    readOnlySession,
  };
}

const EVERYTHING: RecordCan = { update: true, delete: true, share: true };
const NOTHING: RecordCan = { update: false, delete: false, share: false };

/**
 * What the reader may do with a record, as the server says in its `_can`. A record without it
 * (an answer from before access control) is left to the server to refuse.
 */
export function recordCan(record: Record<string, unknown>): RecordCan {
  const can = record._can as Partial<RecordCan> | undefined;
  if (!can || typeof can !== 'object') return EVERYTHING;
  return { update: can.update !== false, delete: can.delete !== false, share: can.share !== false };
}

export function useRecordCan(record: Record<string, unknown>): RecordCan {
  const viewing = useViewAs() !== null;
  return viewing ? NOTHING : recordCan(record);
}
