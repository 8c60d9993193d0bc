import { MAX_DECIMAL_SCALE } from '../../shared/field-types/decimal.ts';
import { RECORD_ID } from '../../shared/field-types/kinds.ts';
import { traitsOf } from '../../shared/field-types/registry.ts';
import type { FieldValueTypes } from '../../shared/field-types/values.ts';
import type {
  FieldMeta,
  FieldType,
  HeaderFact,
  Labels,
  Locale,
  ObjectMeta,
  SectionMeta,
  SortSpec,
} from '../../shared/metadata/types.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import type { WriteEffect } from '../records/effects.ts';
import { type ConflictSpec, checkConflicts } from './conflict-spec.ts';
import type { ColumnSpec } from './field-types/module.ts';
import { serverType } from './field-types/registry.ts';
import { checkTimeline, type TimelineSpec } from './timeline-spec.ts';

export type { ConflictLookup, ConflictSpec } from './conflict-spec.ts';
export type { TimelineSpec } from './timeline-spec.ts';

/** Where a multiRelation's memberships live: one row per record and member. */
export interface Through {
  table: string;
  sourceColumn: string;
  targetColumn: string;
  /**
   * Columns of the record copied into each of its membership rows (same names), kept by the
   * engine with every write of the record: a read that starts from the members can then narrow
   * by them through an index of the link table (an employee's activities as a guest, by start)
   * instead of looking up every record they were ever a member of.
   */
  carry?: readonly string[];
}

/** A field as the server knows it: the public metadata plus where it lives in the database. */
export interface FieldDefinition extends FieldMeta {
  /**
   * The column filters and sorts use; relations keep the id in `<key>_id`. Absent for
   * multiRelation, whose values live in `through`.
   */
  column?: string;
  /** Every column the value is stored in (money: amount and currency), as its type declares. */
  columns: ColumnSpec[];
  /** multiRelation: the membership table and its two columns. */
  through?: Through;
  /**
   * select: the code of the dictionary value a create takes when the field is not given (a
   * case opens as `open`); ids differ between databases, codes do not.
   */
  defaultCode?: string;
  /**
   * relation, select: on create, when not given, the value of the field of the same name of the
   * record another relation names (`parent.register`). Server-side only, like `defaultCode`.
   */
  inheritFrom?: string;
}

/** Who creates a record, when and where: what computed defaults (today, now, me) are relative to. */
export interface Creator {
  now: Date;
  /** The writer's time zone: "today" is their day. */
  timeZone: string;
  /** The writer's employee (null: an account without one, or the system). */
  employeeId: number | null;
}

export interface ObjectDefinition {
  key: string;
  table: string;
  labels: ObjectMeta['labels'];
  icon: string;
  titleFields: string[];
  /** The title fields in another order for some languages (ObjectMeta.titleOrder). */
  titleOrder?: ObjectMeta['titleOrder'];
  /** The grammatical gender of the object's name per language (ObjectMeta.grammaticalGender). */
  grammaticalGender?: ObjectMeta['grammaticalGender'];
  /** People: the first-name field (ObjectMeta.givenNameField). */
  givenNameField?: string;
  /** When the title is a label per language (dictionaries), the field for each locale. */
  localizedTitle?: Record<Locale, string>;
  /** Fields whose text goes into the global search index; empty means not searchable. */
  searchFields: string[];
  /**
   * Shown under the title in search results: what tells two "Jan Kowalski" apart (their
   * company, a city). References show their target's title.
   */
  subtitleFields: string[];
  defaultSort: SortSpec[];
  /**
   * Text fields covered, in this order, by the per-locale sort indexes `<table>_sort_<locale>`
   * that the migrations create (title sorts on big tables).
   */
  sortIndex: string[];
  /**
   * Whether the migrations also made `<table>_owner_sort_<locale>` on (owner column, the
   * `sortIndex` fields): "my records by title" for readers whose scope is `own`.
   */
  ownerSortIndex: boolean;
  /**
   * Fields a list of this (big) object is sorted by on their own, with or without a broad
   * filter: each has an index of live rows on (field, id) that the migrations create,
   * `<table>_list_<column>` (text: one per locale, `<table>_list_<column>_<locale>`, in that
   * alphabet). A sort on another field sorts the matching rows.
   */
  listIndexes: string[];
  /**
   * Text fields whose `contains` filter finds its rows through a trigram index of their folded
   * text (migration-made: FTS5 `<table>_contains_<column>` on SQLite, kept by triggers; pg_trgm
   * GIN on PostgreSQL) instead of reading every row.
   */
  containsIndexes: string[];
  /**
   * Who owns a record, for the row scopes own / department / subtree: a path of relations
   * ending at an employee (`account_manager`, or `company.account_manager` for a person owned
   * through their company), or `self` for the employee object itself. Objects without an
   * owner can only be granted `none` or `all`.
   */
  owner?: string;
  /**
   * Whose file a change of this object belongs in: a path of relations ending at the record
   * (`company`, `case.company`), or `self` for the client itself. Writes store it on their
   * history rows and events (`subject_object`, `subject_id`), so a client's timeline and the
   * notifications find its changes by index. Absent: the change concerns no one else.
   */
  subject?: string;
  /**
   * Who may read a record besides those its owner scope lets in: paths of relations ending at
   * a field that names employees, departments or work groups (`requester`, `watchers`,
   * `register.members`, `register.departments`). A reader named there — their employee, their
   * department or one above it, one of their work groups — reads the record when a role lets
   * them read the object at all (any scope but `none`), as a share would. Reading only:
   * changing it still takes the owner scope or an edit share.
   */
  audience: string[];
  /**
   * Whether people talk about its records in comments (`record_comment`), and who follows
   * that conversation: fields naming employees (a task's assignee, requester and watchers),
   * told of every new comment.
   */
  comments?: { followers: string[] };
  /** Records only administrators (and the system) may create, change or delete (accounts). */
  administratorsOnly: boolean;
  /**
   * Rules over the whole database that every write of this object must leave true ("one active
   * administrator remains"); run inside the write's transaction, a throw rolls it back.
   */
  invariants: Array<(executor: Executor, recordId: number) => Promise<void>>;
  /**
   * Database constraints whose violation is a conflict with another record (ConflictSpec): a
   * 409 with the declared code and the clash described, instead of a 500.
   */
  conflicts: ConflictSpec[];
  /** Named actions beyond the record rights (`accept` → right `offer.accept`), granted per role. */
  actions: string[];
  /**
   * Read-only date-time fields the engine sets when another field changes, keyed by the stamp:
   * `{ status_changed_at: 'status' }`.
   */
  changeStamps: Record<string, string>;
  /**
   * Columns of the table that are not fields: kept by dedicated commands and never read or
   * written through the engine (an account's password hash and TOTP secrets).
   */
  internalColumns: string[];
  /**
   * What a write of this object does to other records, inside the write's transaction (a main
   * address copied onto its company; a person's move to another company kept as employment
   * history). Effects write through the engine, so those records get history and events too.
   */
  effects: WriteEffect[];
  /** How the card groups the fields (ObjectMeta.sections); checked against the fields at definition. */
  sections?: SectionMeta[];
  /** The facts under a record's title (ObjectMeta.headerFacts), checked like the sections. */
  headerFacts?: HeaderFact[];
  /**
   * For objects that group records (company groups): members may also be defined by a saved
   * filter. A record whose `kindField` is `dynamicValue` has as members whoever matches its
   * `filterField` when read; memberships cannot be written into it.
   */
  dynamicMembers?: { kindField: string; dynamicValue: string; filterField: string };
  /**
   * A boolean field saying whether a record may still be chosen (a dictionary value's `active`):
   * an inactive one stays on the records that have it and cannot be newly set.
   */
  activeField?: string;
  /**
   * Values a create takes when the writer gave none, computed from what they gave (a name day
   * from a first name) and from who writes when (today where they are, their employee).
   */
  createDefaults?: (values: Record<string, unknown>, creator: Creator) => Record<string, unknown>;
  /** Columns the engine computes from other fields on every write, by column name (see DerivedColumn). */
  derivedColumns: Record<string, DerivedColumn>;
  /** How its records appear in timelines (TimelineSpec); absent: only as field changes. */
  timeline?: TimelineSpec;
  fields: FieldDefinition[];
  /** Finds a field by key; the only way code outside metadata/ should look one up. */
  field(key: string): FieldDefinition | undefined;
}

/**
 * A column the engine computes from fields of the same record, in the same row write as they
 * change (a normalised name that duplicate look-ups find through an index). It is not a field:
 * never in a response, never written from a request.
 */
export interface DerivedColumn {
  /** The fields it is computed from; a write that sets one of them recomputes it. */
  from: string[];
  /** The stored value from the fields' API values (null when empty, stored forms as checked). */
  compute: (values: Readonly<Record<string, unknown>>) => string | number | null;
}

type FieldOptions = {
  required?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  sortable?: boolean;
  filterable?: boolean;
  /** Text stored in lower case (logins), so look-ups need not care about case. */
  lowercase?: boolean;
  /** Used on create when the field is not given; boolean fields default to false. */
  defaultValue?: string | number | boolean;
  /** select: the code of the dictionary value used on create when the field is not given. */
  defaultCode?: string;
  /** phone, postalCode, taxId: the field of the same record holding its country. */
  countryField?: string;
  /** date, dateTime: something is due by then; past values show as overdue. */
  due?: boolean;
  /** A due field: the field of the same record that, once it has a value, settles it (done at). */
  settledBy?: string;
  /**
   * relation, select: on create, when not given, the value of the same kind of field of the
   * record another relation names (`parent.register`: a subtask in its parent's register).
   */
  inheritFrom?: string;
};

export type FieldSpec = Omit<FieldDefinition, 'key' | 'column' | 'columns' | 'system'> & { column?: string };

function spec<T extends FieldType>(
  type: T,
  labels: Labels,
  options: FieldOptions,
  extra: Partial<Omit<FieldSpec, 'type'>> = {},
): FieldSpec & { type: T } {
  const traits = traitsOf(type);
  return {
    type,
    labels,
    required: options.required ?? false,
    readOnly: options.readOnly ?? false,
    maxLength: options.maxLength ?? traits.maxLength,
    min: options.min ?? traits.min,
    max: options.max ?? traits.max,
    sortable: options.sortable ?? traits.sortable,
    filterable: options.filterable ?? true,
    lowercase: options.lowercase,
    countryField: options.countryField,
    due: options.due,
    settledBy: options.settledBy,
    inheritFrom: options.inheritFrom,
    defaultValue: options.defaultValue ?? (traits.kind === 'boolean' ? false : undefined),
    defaultCode: options.defaultCode,
    ...extra,
  };
}

export const field = {
  text: (labels: Labels, options: FieldOptions = {}) => spec('text', labels, options),
  longText: (labels: Labels, options: FieldOptions = {}) => spec('longText', labels, options),
  richText: (labels: Labels, options: FieldOptions = {}) => spec('richText', labels, options),
  email: (labels: Labels, options: FieldOptions = {}) => spec('email', labels, options),
  phone: (labels: Labels, options: FieldOptions = {}) => spec('phone', labels, options),
  url: (labels: Labels, options: FieldOptions = {}) => spec('url', labels, options),
  colour: (labels: Labels, options: FieldOptions = {}) => spec('colour', labels, options),
  integer: (labels: Labels, options: FieldOptions = {}) => spec('integer', labels, options),
  boolean: (labels: Labels, options: FieldOptions = {}) => spec('boolean', labels, options),
  date: (labels: Labels, options: FieldOptions = {}) => spec('date', labels, options),
  dateTime: (labels: Labels, options: FieldOptions = {}) => spec('dateTime', labels, options),
  /** `nip`, `regon`, `krs`, `euVat`, or `national` (the record's country says which). */
  taxId: (
    labels: Labels,
    variant: 'nip' | 'regon' | 'krs' | 'euVat' | 'national',
    options: FieldOptions = {},
  ) => spec('taxId', labels, options, { variant }),
  iban: (labels: Labels, options: FieldOptions = {}) => spec('iban', labels, options),
  money: (labels: Labels, options: FieldOptions = {}) => spec('money', labels, options),
  percent: (labels: Labels, options: FieldOptions = {}) => spec('percent', labels, options),
  /** A fixed-point number with `scale` decimals (0–6): a quantity (3), an exchange rate (6). */
  decimal: (labels: Labels, scale: number, options: FieldOptions = {}) => {
    if (!Number.isInteger(scale) || scale < 0 || scale > MAX_DECIMAL_SCALE)
      throw new Error(`a decimal field's scale is 0–${MAX_DECIMAL_SCALE}, not ${scale}`);
    return spec('decimal', labels, options, { scale });
  },
  rating: (labels: Labels, options: FieldOptions = {}) => spec('rating', labels, options),
  country: (labels: Labels, options: FieldOptions = {}) => spec('country', labels, options),
  postalCode: (labels: Labels, options: FieldOptions = {}) => spec('postalCode', labels, options),
  /** A day of the year without a year (`MM-DD`): name days. */
  monthDay: (labels: Labels, options: FieldOptions = {}) => spec('monthDay', labels, options),
  /** One of fixed values the product relies on, each with labels. */
  choice: (
    labels: Labels,
    options: Array<{ value: string; labels: Labels }>,
    fieldOptions: FieldOptions = {},
  ) => spec('choice', labels, fieldOptions, { options }),
  /** A filter over `target`, kept as the record's value (a dynamic group's rule). */
  savedFilter: (labels: Labels, target: string, options: FieldOptions = {}) =>
    spec('savedFilter', labels, { filterable: false, ...options }, { target }),
  /** An ISO 4217 code (PLN, HUF, EUR). */
  currency: (labels: Labels, options: FieldOptions = {}) => spec('currency', labels, options),
  /** An IANA time zone name (Europe/Warsaw), refused unless the runtime knows the zone. */
  timeZone: (labels: Labels, options: FieldOptions = {}) => spec('timeZone', labels, options),
  /** A value from a user-extendable dictionary (industry, status…). */
  select: (labels: Labels, dictionary: string, options: FieldOptions = {}) =>
    spec('select', labels, options, { target: 'dictionary_value', dictionary }),
  relation: (labels: Labels, target: string, options: FieldOptions = {}) =>
    spec('relation', labels, options, { target }),
  /** Many-to-many membership kept in its own table. */
  multiRelation: (labels: Labels, target: string, through: Through, options: FieldOptions = {}) =>
    spec('multiRelation', labels, options, { target, through }),
};

const L = (en: string, pl: string, hu: string): Labels => ({ en, pl, hu });

/** Present on every record; set by the engine only. */
function systemFields(): Array<[string, FieldSpec]> {
  const readOnly = { readOnly: true };
  return [
    // Ids are 64-bit: filters and cursors take any a bigint column holds (see `storedRange`).
    ['id', spec('integer', L('ID', 'ID', 'Azonosító'), { ...readOnly, ...RECORD_ID })],
    ['version', spec('integer', L('Version', 'Wersja', 'Verzió'), { ...readOnly, sortable: false })],
    ['created_at', spec('dateTime', L('Created at', 'Utworzono', 'Létrehozva'), readOnly)],
    [
      'created_by',
      spec('relation', L('Created by', 'Utworzył', 'Létrehozta'), readOnly, { target: 'user_account' }),
    ],
    ['updated_at', spec('dateTime', L('Updated at', 'Zmieniono', 'Módosítva'), readOnly)],
    [
      'updated_by',
      spec('relation', L('Updated by', 'Zmienił', 'Módosította'), readOnly, { target: 'user_account' }),
    ],
    ['deleted_at', spec('dateTime', L('Deleted at', 'Usunięto', 'Törölve'), readOnly)],
  ];
}

export const SYSTEM_FIELD_KEYS: ReadonlySet<string> = new Set(systemFields().map(([key]) => key));

export interface ObjectSpec {
  key: string;
  table?: string;
  labels: ObjectMeta['labels'];
  icon: string;
  titleFields: string[];
  titleOrder?: ObjectMeta['titleOrder'];
  grammaticalGender?: ObjectMeta['grammaticalGender'];
  givenNameField?: string;
  localizedTitle?: Record<Locale, string>;
  searchFields?: string[];
  subtitleFields?: string[];
  defaultSort?: SortSpec[];
  sortIndex?: string[];
  ownerSortIndex?: boolean;
  listIndexes?: string[];
  containsIndexes?: string[];
  owner?: string;
  subject?: string;
  audience?: string[];
  comments?: { followers: string[] };
  administratorsOnly?: boolean;
  invariants?: Array<(executor: Executor, recordId: number) => Promise<void>>;
  conflicts?: ConflictSpec[];
  actions?: string[];
  changeStamps?: Record<string, string>;
  internalColumns?: string[];
  effects?: WriteEffect[];
  sections?: SectionMeta[];
  headerFacts?: HeaderFact[];
  dynamicMembers?: { kindField: string; dynamicValue: string; filterField: string };
  activeField?: string;
  createDefaults?: (values: Record<string, unknown>, creator: Creator) => Record<string, unknown>;
  derivedColumns?: Record<string, DerivedColumn>;
  timeline?: TimelineSpec;
  fields: Record<string, FieldSpec>;
}

/** Where a field's value lives: the columns its type declares for the base name. */
function placed(s: FieldSpec, base: string): { column?: string; columns: ColumnSpec[] } {
  const columns = serverType(s).columns(base);
  return { column: columns[0]?.name, columns };
}

/** Declares a standard object once; types, API schema, forms and lists all derive from this. */
/**
 * A record of a declared object as the API gives it: each field's value type (null when
 * empty; memberships a list), the system fields, and `_can`. `RecordOf<typeof company>`.
 */
export type RecordOf<D> = D extends { readonly fieldSpecs?: infer F }
  ? {
      [K in keyof F]: F[K] extends { type: infer T extends FieldType }
        ? T extends 'multiRelation'
          ? number[]
          : FieldValueTypes[T] | null
        : unknown;
    } & {
      id: number;
      version: number;
      created_at: string;
      created_by: number | null;
      updated_at: string;
      updated_by: number | null;
      deleted_at: string | null;
    }
  : never;

/** A definition that remembers its field declarations' types, for `RecordOf`. */
export type TypedObjectDefinition<F> = ObjectDefinition & { readonly fieldSpecs?: F };

export function defineObject<const F extends Record<string, FieldSpec>>(
  objectSpec: ObjectSpec & { fields: F },
): TypedObjectDefinition<F> {
  const own = Object.entries(objectSpec.fields).map(([key, s]): FieldDefinition => {
    const reference = traitsOf(s.type).kind === 'reference';
    return { ...s, key, system: false, ...placed(s, s.column ?? (reference ? `${key}_id` : key)) };
  });
  // System relations (created_by…) are stored under their own name, without `_id`.
  const system = systemFields().map(
    ([key, s]): FieldDefinition => ({ ...s, key, system: true, ...placed(s, key) }),
  );
  const fields = [...system.slice(0, 1), ...own, ...system.slice(1)];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const [stamp, watched] of Object.entries(objectSpec.changeStamps ?? {})) {
    if (!byKey.get(stamp)?.readOnly || !byKey.has(watched))
      throw new Error(
        `${objectSpec.key}: change stamp ${stamp} must be a read-only field and ${watched} a field`,
      );
  }
  const fieldColumns = new Set(fields.flatMap((f) => f.columns.map((c) => c.name)));
  for (const [column, derived] of Object.entries(objectSpec.derivedColumns ?? {})) {
    const unknown = derived.from.filter((key) => !byKey.has(key));
    if (fieldColumns.has(column) || unknown.length > 0 || derived.from.length === 0)
      throw new Error(
        `${objectSpec.key}: derived column ${column} must not be a field's column and must come from fields (${unknown.join(', ')})`,
      );
  }
  for (const key of objectSpec.comments?.followers ?? []) {
    const follower = byKey.get(key);
    if (
      follower?.target !== 'employee' ||
      (follower.type !== 'relation' && follower.type !== 'multiRelation')
    )
      throw new Error(`${objectSpec.key}: comment follower ${key} must name employees`);
  }
  for (const f of own) {
    if (f.settledBy && (!f.due || !byKey.has(f.settledBy)))
      throw new Error(
        `${objectSpec.key}.${f.key}: settled by ${f.settledBy}, which is not a field, or not due`,
      );
  }
  for (const section of objectSpec.sections ?? []) {
    for (const named of [...section.fields, ...(section.when ? [section.when.field] : [])]) {
      if (!byKey.has(named))
        throw new Error(`${objectSpec.key}: section ${section.key} names unknown field ${named}`);
    }
  }
  for (const fact of objectSpec.headerFacts ?? []) {
    for (const named of typeof fact === 'string' ? [fact] : fact.fields) {
      if (!byKey.has(named)) throw new Error(`${objectSpec.key}: header fact names unknown field ${named}`);
    }
  }
  for (const named of objectSpec.listIndexes ?? []) {
    const indexed = byKey.get(named);
    if (!indexed?.sortable || indexed.columns.length !== 1 || indexed.target)
      throw new Error(`${objectSpec.key}: list index ${named} must be a sortable field of one column`);
  }
  for (const named of objectSpec.containsIndexes ?? []) {
    const indexed = byKey.get(named);
    if (indexed?.columns.length !== 1 || indexed.columns[0]?.type !== 'text' || indexed.target)
      throw new Error(`${objectSpec.key}: contains index ${named} must be a text field of one column`);
  }
  for (const named of [...objectSpec.titleFields, ...(objectSpec.subtitleFields ?? [])]) {
    if (!byKey.has(named)) throw new Error(`${objectSpec.key}: unknown title or subtitle field ${named}`);
  }
  // Another order of the same fields, never other fields: every language shows the same name.
  const sameFields = [...objectSpec.titleFields].sort().join();
  for (const [locale, order] of Object.entries(objectSpec.titleOrder ?? {})) {
    if ([...order].sort().join() !== sameFields)
      throw new Error(`${objectSpec.key}: title order for ${locale} must list the title fields`);
  }
  if (objectSpec.timeline) checkTimeline(objectSpec.key, objectSpec.timeline, byKey);
  checkConflicts(objectSpec.key, objectSpec.conflicts ?? []);
  if (objectSpec.givenNameField && !byKey.has(objectSpec.givenNameField))
    throw new Error(`${objectSpec.key}: unknown given-name field ${objectSpec.givenNameField}`);
  return {
    key: objectSpec.key,
    table: objectSpec.table ?? objectSpec.key,
    labels: objectSpec.labels,
    icon: objectSpec.icon,
    titleFields: objectSpec.titleFields,
    titleOrder: objectSpec.titleOrder,
    grammaticalGender: objectSpec.grammaticalGender,
    givenNameField: objectSpec.givenNameField,
    localizedTitle: objectSpec.localizedTitle,
    searchFields: objectSpec.searchFields ?? [],
    subtitleFields: objectSpec.subtitleFields ?? [],
    defaultSort:
      objectSpec.defaultSort ?? objectSpec.titleFields.map((f) => ({ field: f, direction: 'asc' })),
    sortIndex: objectSpec.sortIndex ?? [],
    ownerSortIndex: objectSpec.ownerSortIndex ?? false,
    listIndexes: objectSpec.listIndexes ?? [],
    containsIndexes: objectSpec.containsIndexes ?? [],
    owner: objectSpec.owner,
    subject: objectSpec.subject,
    audience: objectSpec.audience ?? [],
    comments: objectSpec.comments,
    administratorsOnly: objectSpec.administratorsOnly ?? false,
    invariants: objectSpec.invariants ?? [],
    conflicts: objectSpec.conflicts ?? [],
    actions: (objectSpec.actions ?? []).map((action) => `${objectSpec.key}.${action}`),
    changeStamps: objectSpec.changeStamps ?? {},
    internalColumns: objectSpec.internalColumns ?? [],
    effects: objectSpec.effects ?? [],
    sections: objectSpec.sections,
    headerFacts: objectSpec.headerFacts,
    dynamicMembers: objectSpec.dynamicMembers,
    activeField: objectSpec.activeField,
    createDefaults: objectSpec.createDefaults,
    derivedColumns: objectSpec.derivedColumns ?? {},
    timeline: objectSpec.timeline,
    fields,
    field: (key) => byKey.get(key),
  };
}

export { L as labels };
