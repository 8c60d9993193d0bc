import type { FieldTypeTraits } from '../../../shared/field-types/kinds.ts';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { MetadataLookup } from '../../../shared/filter/validate.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import type { Creator, FieldDefinition } from '../define-object.ts';

/** The SQL types fields are stored in; each dialect maps them (`schema-check` compares them). */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'boolean' | 'date' | 'timestamp';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/** One exported value, typed so each format can write it natively (xlsx: real numbers and dates). */
export type ExportCell =
  | { kind: 'text'; value: string }
  /**
   * `format`: the spreadsheet number format (a real number cell shown with a currency or as per
   * cent); `text`: how CSV writes it when not the plain number, with `.` as the decimal point
   * (the CSV writer puts the reader's decimal comma in its place).
   */
  | { kind: 'number'; value: number; format?: string; text?: string }
  | { kind: 'boolean'; value: boolean; word: string }
  | { kind: 'date'; value: string }
  | { kind: 'dateTime'; value: LocalDateTime }
  | null;

/** An instant as the reader's wall clock: `2026-11-23`, `14:05:00`, `+01:00`. */
export interface LocalDateTime {
  date: string;
  time: string;
  offset: string;
}

export interface CellContext {
  locale: Locale;
  toWallClock: (iso: string) => LocalDateTime;
}

/** What a write's value check knows beyond the value: the record's country, for phones and tax ids. */
export interface InputContext {
  country: string | null;
  /** Metadata of every object, for values that name fields of another object (a saved filter). */
  lookup?: MetadataLookup;
  /** A create's defaults beyond the constant ones (`createDefaultsContext`); absent: none. */
  create?: CreateDefaultsContext;
}

/** What a create's computed defaults need: who writes when, and the dictionary values named by code. */
export interface CreateDefaultsContext {
  creator: Creator;
  /** select fields with a `defaultCode`: field key → the id of that value, when it exists and is active. */
  selections: ReadonlyMap<string, number>;
}

/**
 * What reading an imported cell needs beyond its text: the importer's time zone (a date-time
 * without an offset is their wall clock) and the currency of an amount written without one.
 */
export interface TextContext {
  timeZone: string;
  currency: string | null;
}

export type Checked =
  | { value: unknown; issue?: undefined }
  | { value?: undefined; issue: { code: string; message: string } };

export function invalid(code: string, message: string): Checked {
  return { issue: { code, message } };
}

type JsonSchema = Record<string, unknown>;

/**
 * Everything the server does with one field type. The engine calls these and never branches on
 * a type's name; the kind in `traits` decides filter and sort semantics.
 */
export interface ServerFieldType {
  traits: FieldTypeTraits;
  /** The columns a field with this key is stored in, the one filters and sorts use first. */
  columns(column: string): ColumnSpec[];
  /**
   * A cell of an imported file (CSV, spreadsheet, vCard; never empty) as the API value that
   * `check` then takes, or why it is not one. Absent: the text itself (text types, whose
   * `check` normalises). References are resolved by the importer, which needs the database.
   */
  fromText?(text: string, field: FieldDefinition, context: TextContext): Checked;
  /** A non-null API value from a write, checked and normalised as stored (before encoding). */
  check(raw: unknown, field: FieldDefinition, context: InputContext): Checked;
  /**
   * `check` reads `context.country` (a phone typed without its country code, a tax id, a
   * postal code): the record's country is read only for a write that sends such a value.
   */
  readsCountry?: true;
  /** API value (null when empty) from the row's columns. */
  decode(row: Record<string, unknown>, field: FieldDefinition, dialect: Dialect): unknown;
  /** The row's columns for an API value (null clears them all). */
  encode(value: unknown, field: FieldDefinition, dialect: Dialect): Record<string, unknown>;
  /** A filter operand as the primary column holds it (a decimal's steps depend on the field's scale). */
  encodeOperand(value: FilterValue, dialect: Dialect, field: FieldDefinition): unknown;
  /** Whether a keyset cursor value could have come from the primary column. */
  fitsCursor(value: unknown, field: FieldDefinition): boolean;
  /** The value in an export; CSV neutralises text cells against formulas (in XLSX they are never formulas). */
  cell(value: unknown, field: FieldDefinition, context: CellContext): ExportCell;
  /** The JSON schema of the API value (OpenAPI), before `null` is added for optional fields. */
  schema(field: FieldDefinition): JsonSchema;
  /**
   * Width of its spreadsheet column in characters, given the header, when the export has no value
   * to fit the column to (the column is empty in the first page of rows).
   */
  exportWidth(label: string): number;
  /**
   * The value as a person reads it in a document the server writes (a PDF): a phone in national
   * format, a NIP with dashes, a country's name. Absent: the export cell's text.
   */
  display?(value: unknown, field: FieldDefinition, locale: Locale): string;
  /**
   * A stored text value as the words in it, where a title, a search document, a timeline summary
   * or a notification shows it (rich text without its markup). Absent: the value itself.
   */
  plainText?(value: string): string;
}
