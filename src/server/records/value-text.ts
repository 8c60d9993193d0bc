import type { Locale } from '../../shared/metadata/types.ts';
import type { FieldDefinition } from '../metadata/define-object.ts';
import type { ExportCell } from '../metadata/field-types/module.ts';
import { serverType } from '../metadata/field-types/registry.ts';
import { type CellContext, wallClock } from './export/cells.ts';
import type { RecordRef } from './present.ts';

/** Intl locales of our languages for documents the server writes (dates as people there write them). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', pl: 'pl-PL', hu: 'hu-HU' };

/**
 * Values as text for a person to read, in their language. Each field type turns its value into
 * an export cell (its module's own conversion, as for CSV and XLSX); the cell's kind then says
 * how to write it: numbers grouped, dates and instants in the reader's words and time zone.
 */
export class ValueText {
  readonly cells: CellContext;
  private readonly date: Intl.DateTimeFormat;
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly number: Intl.NumberFormat;

  constructor(
    readonly locale: Locale,
    readonly timeZone: string,
  ) {
    const intl = INTL_LOCALE[locale];
    this.cells = { locale, toWallClock: wallClock(timeZone) };
    // Both read a wall clock written as UTC, so Intl does not move it again.
    this.date = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' });
    this.dateTime = new Intl.DateTimeFormat(intl, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    this.number = new Intl.NumberFormat(intl, { maximumFractionDigits: 6 });
  }

  /** An instant (ISO string) as the reader's date and time. */
  instant(iso: string): string {
    const local = this.cells.toWallClock(iso);
    return this.dateTime.format(new Date(`${local.date}T${local.time}Z`));
  }

  /** A field's value; references show the titles the reader may see (`#id` otherwise). */
  of(field: FieldDefinition, value: unknown, refs?: RecordRef | RecordRef[] | null): string {
    if (value === null || value === undefined || value === '') return '';
    if (field.target) {
      const ids = Array.isArray(value) ? value : [value];
      const known = new Map(
        (Array.isArray(refs) ? refs : refs ? [refs] : []).map((ref) => [ref.id, ref.title]),
      );
      return ids.map((id) => known.get(Number(id)) ?? `#${String(id)}`).join(', ');
    }
    const type = serverType(field);
    return type.display?.(value, field, this.locale) ?? this.cell(type.cell(value, field, this.cells));
  }

  private cell(cell: ExportCell): string {
    if (cell === null) return '';
    switch (cell.kind) {
      case 'text':
        return cell.value;
      case 'number':
        // A type that writes its own text (money with its currency, percent) knows best.
        return cell.text ?? this.number.format(cell.value);
      case 'boolean':
        return cell.word;
      case 'date':
        return this.date.format(new Date(`${cell.value}T00:00:00Z`));
      case 'dateTime':
        return this.dateTime.format(new Date(`${cell.value.date}T${cell.value.time}Z`));
    }
  }
}
