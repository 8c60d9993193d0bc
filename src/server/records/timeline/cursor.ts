import { errors } from '../../errors.ts';

/** Where a page ended: the last entry's time, type and id (entries sort by them, newest first). */
export interface TimelinePosition {
  at: string;
  type: string;
  id: number;
}

export function encodeCursor(position: TimelinePosition): string {
  return Buffer.from(JSON.stringify([position.at, position.type, position.id])).toString('base64url');
}

/**
 * A cursor back into a position, or 400. A well-formed cursor someone made up only pages from
 * where it says: every page is read through the reader's rights, so it can reveal nothing.
 */
export function decodeCursor(cursor: string, types: ReadonlySet<string>): TimelinePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw errors.badRequest('cursor is not one this timeline gave');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    Number.isNaN(Date.parse(parsed[0])) ||
    typeof parsed[1] !== 'string' ||
    !types.has(parsed[1]) ||
    !Number.isSafeInteger(parsed[2]) ||
    parsed[2] < 1
  ) {
    throw errors.badRequest('cursor is not one this timeline gave');
  }
  return { at: new Date(parsed[0]).toISOString(), type: parsed[1], id: parsed[2] };
}
