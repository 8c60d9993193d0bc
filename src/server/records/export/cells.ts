import { zoneOffsetMs } from '../../../shared/filter/relative-dates.ts';
import type { FieldDefinition } from '../../metadata/define-object.ts';
import type { CellContext, ExportCell, LocalDateTime } from '../../metadata/field-types/module.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import type { ApiRecord, RecordRef } from '../present.ts';

export type { CellContext, ExportCell, LocalDateTime };

export interface ExportColumn {
  field: FieldDefinition;
  /** The header: the field's label in the export's language. */
  label: string;
}

/** Between the titles of several references (`A; B`); CSV quotes it where `;` is the delimiter. */
const LIST_SEPARATOR = '; ';

/**
 * CSV injection (OWASP): a CSV field that starts with one of these is read by Excel, LibreOffice
 * and Google Sheets as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), and a leading tab or
 * carriage return hides such a start. A leading apostrophe makes the spreadsheet take the field
 * as text. Only text that a spreadsheet parses needs it: an XLSX cell carries its type, and a
 * string cell is never a formula, so the XLSX export writes text verbatim.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Time zone offsets change only at whole quarter hours (DST rules the world over). */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;

/**
 * Turns an instant into the reader's wall clock. Asking Intl for every cell costs ~13 µs, most
 * of an export's time per row; the zone's offset is asked once per quarter hour instead.
 */
export function wallClock(timeZone: string): (iso: string) => LocalDateTime {
  const offsets = new Map<number, number>();
  const offsetMinutesAt = (quarter: number): number => {
    const cached = offsets.get(quarter);
    if (cached !== undefined) return cached;
    const minutes = Math.round(zoneOffsetMs(timeZone, quarter * QUARTER_HOUR_MS) / 60_000);
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(quarter, minutes);
    return minutes;
  };
  return (iso) => {
    const instant = Math.floor(Date.parse(iso) / 1000) * 1000;
    const offsetMinutes = offsetMinutesAt(Math.floor(instant / QUARTER_HOUR_MS));
    const local = new Date(instant + offsetMinutes * 60_000).toISOString();
    const sign = offsetMinutes < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
    return { date: local.slice(0, 10), time: local.slice(11, 19), offset: `${sign}${hours}:${minutes}` };
  };
}

/** The cell of one field of one record, as the list reader presented it (references expanded). */
export function cellOf(field: FieldDefinition, record: ApiRecord, context: CellContext): ExportCell {
  const value = record[field.key];
  if (field.target) return referenceCell(field, record);
  if (value === null || value === undefined) return null;
  return serverType(field).cell(value, field, context);
}

/** References are written as the titles the reader would see, never as ids. */
function referenceCell(field: FieldDefinition, record: ApiRecord): ExportCell {
  const expanded = (record._expanded as Record<string, RecordRef | RecordRef[] | null> | undefined)?.[
    field.key
  ];
  if (!expanded) return null;
  const titles = (Array.isArray(expanded) ? expanded : [expanded]).map((ref) => ref.title);
  return titles.length === 0 ? null : { kind: 'text', value: titles.join(LIST_SEPARATOR) };
}
