import { describe, expect, it } from 'vitest';
import { isOverdue } from './due.ts';

describe('overdue dates', () => {
  // 23:30 UTC on 1 March is already 2 March in Warsaw.
  const now = new Date('2026-03-01T23:30:00Z');

  it('calls a due day overdue once it is past in the reader’s time zone', () => {
    expect(isOverdue('2026-03-01', 'date', 'Europe/Warsaw', now)).toBe(true);
    expect(isOverdue('2026-03-01', 'date', 'UTC', now)).toBe(false);
    expect(isOverdue('2026-02-28', 'date', 'UTC', now)).toBe(true);
    expect(isOverdue('2026-03-02', 'date', 'Europe/Warsaw', now)).toBe(false);
  });

  it('calls a due instant overdue once it has passed, and blanks never', () => {
    expect(isOverdue('2026-03-01T23:29:00Z', 'instant', 'UTC', now)).toBe(true);
    expect(isOverdue('2026-03-01T23:31:00Z', 'instant', 'UTC', now)).toBe(false);
    expect(isOverdue(null, 'date', 'UTC', now)).toBe(false);
    expect(isOverdue('', 'instant', 'UTC', now)).toBe(false);
  });
});
