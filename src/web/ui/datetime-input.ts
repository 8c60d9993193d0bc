/**
 * `2026-03-01T09:30:00.000Z` ⇄ the value of an `<input type="datetime-local">` in the
 * browser's zone: the record form and the filter builder edit instants the same way.
 */
export function localInputFromInstant(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function instantFromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
