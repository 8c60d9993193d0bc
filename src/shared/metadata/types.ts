import type { FieldType } from '../field-types/registry.ts';
import type { GrammaticalGender } from '../text/gender.ts';

/** The languages every user-visible string exists in. */
export const LOCALES = ['en', 'pl', 'hu'] as const;
export type Locale = (typeof LOCALES)[number];
export type Labels = Record<Locale, string>;

export type { FieldType };

/**
 * One field as the API and the web app see it. Generated from the server's object
 * definitions; it says nothing about tables or columns.
 */
export interface FieldMeta {
  key: string;
  type: FieldType;
  labels: Labels;
  required: boolean;
  /** Set by the system or by a dedicated command, never by a generic write. */
  readOnly: boolean;
  /** id, version, created_at…: present on every object. */
  system: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** decimal: how many decimals its values have (3 for a quantity, 6 for an exchange rate). */
  scale?: number;
  /** relation, multiRelation and select: the object the value points at. */
  target?: string;
  /** select: the dictionary its values come from. */
  dictionary?: string;
  sortable: boolean;
  filterable: boolean;
  defaultValue?: string | number | boolean;
  lowercase?: boolean;
  /**
   * taxId: which number it is (`nip`, `regon`, `krs`, `euVat`, or `national`: the record's
   * country decides — NIP in Poland, adószám in Hungary).
   */
  variant?: string;
  /** phone, postalCode, taxId: the field of the same record holding its country code. */
  countryField?: string;
  /**
   * date and dateTime: a date by which something should happen (a next action, a due date).
   * Past ones show as overdue, in red, wherever the value is shown.
   */
  due?: boolean;
  /**
   * A due field's settling field on the same record (a task's done at, a case's closing day):
   * once that has a value, the due date is met or moot and never shows as overdue.
   */
  settledBy?: string;
  /** choice: the values it may take, each with its label in every language. */
  options?: Array<{ value: string; labels: Labels }>;
}

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

/**
 * A part of a record's card: a heading and the fields under it. `when` shows it only while a
 * dictionary field has one of some codes (a prospect's marketing data, an active client's
 * contract); `placeholder` is what an empty section says until the module that fills it exists.
 */
export interface SectionMeta {
  key: string;
  labels: Labels;
  fields: string[];
  when?: { field: string; codes: string[] };
  placeholder?: Labels;
}

/**
 * A fact in a record's header: one field, or several read as one ("ul. Piotrkowska 1,
 * 90-001 Łódź" from street, postal code and city) under a label of its own.
 */
export type HeaderFact = string | { key: string; labels: Labels; fields: string[] };

export interface ObjectMeta {
  key: string;
  labels: { one: Labels; many: Labels };
  icon: string;
  /** Fields joined with a space make the record's title ("Jan Kowalski"). */
  titleFields: string[];
  /**
   * The title fields in the order a language reads them, where it differs: Hungarian puts the
   * family name first ("Kozma Nikolett"). See `titleFieldsIn`.
   */
  titleOrder?: Partial<Record<Locale, string[]>>;
  /**
   * The grammatical gender of the object's name per language (Polish `Firma` is feminine), for
   * sentences that name a record of it ("„Zielony” zostanie przeniesiona…"). Absent: masculine.
   */
  grammaticalGender?: Partial<Record<Locale, GrammaticalGender>>;
  /** People: the first-name field; a sentence naming the person takes the gender it tells. */
  givenNameField?: string;
  searchable: boolean;
  defaultSort: SortSpec[];
  /** Path to the owning employee (`account_manager`, `self`…), when records have an owner. */
  owner?: string;
  /** Named actions that roles can grant (`offer.accept`). */
  actions?: string[];
  /** How the card is laid out; fields in no section follow at the end. Absent: one plain form. */
  sections?: SectionMeta[];
  /** The facts under the title that matter at a glance; absent: the first list columns. */
  headerFacts?: HeaderFact[];
  /**
   * Whether its records have a timeline (`GET /api/timeline/:object/:id`): other objects'
   * records appear in it (a client's activities, cases and notes).
   */
  timeline?: boolean;
  /** Whether its records are entries of timelines (activities, notes); a timeline's `types` names them. */
  timelineEntry?: boolean;
  /** Its records take comments (the record page shows them). */
  comments?: boolean;
  fields: FieldMeta[];
}
