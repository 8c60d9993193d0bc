import { type RawBuilder, sql } from 'kysely';
import type { DuplicateReasonCode } from '../../../shared/duplicates/types.ts';
import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import { AppError, errors } from '../../errors.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';

/**
 * Which records of an object count as the same. This capability knows its objects by name, as
 * every module does; the platform below it does not. Each field listed has an index (migration
 * 2026_11_27_0007 and earlier), so a rule is one index probe on a million rows; a field the
 * object no longer has is simply not compared.
 */
interface ObjectRules {
  /** Registry numbers: equal digits mean the same legal entity. */
  taxIds: string[];
  /** Compared without case; `lower(column)` is indexed. */
  emails: string[];
  /** E.164; any of them against any of them (a phone typed as another's mobile). */
  phones: string[];
  /** Child records holding more of the same (a client's further phones): `object.field` → parent relation. */
  childEmails: ChildValue[];
  childPhones: ChildValue[];
  name: {
    /** The derived column holding the name key (see src/shared/text/name-key.ts). */
    keyColumn: string;
    /** The field that must agree too: the city of a company, the company of a person. */
    within: string;
    /** Without it the name alone is too common to mean anything (people). */
    withinRequired: boolean;
  };
}

interface ChildValue {
  object: string;
  field: string;
  /** The child's relation to the record it belongs to. */
  parent: string;
}

const RULES: Record<string, ObjectRules> = {
  company: {
    taxIds: ['tax_id', 'regon', 'krs', 'eu_vat'],
    emails: ['email'],
    phones: ['phone'],
    childEmails: [{ object: 'company_email', field: 'email', parent: 'company' }],
    childPhones: [{ object: 'company_phone', field: 'phone', parent: 'company' }],
    name: { keyColumn: 'name_key', within: 'city', withinRequired: false },
  },
  person: {
    taxIds: [],
    emails: ['email'],
    phones: ['phone', 'mobile'],
    childEmails: [],
    childPhones: [],
    name: { keyColumn: 'name_key', within: 'company', withinRequired: true },
  },
};

/** Whether records of the object are compared at all (companies and people). */
export function hasDuplicateRules(object: string): boolean {
  return object in RULES;
}

/** How much one reason alone says; reasons together combine (see `combinedScore`). */
export const REASON_WEIGHT: Record<DuplicateReasonCode, number> = {
  taxId: 0.95,
  email: 0.8,
  phone: 0.7,
  nameCompany: 0.7,
  nameCity: 0.6,
  name: 0.4,
};

/** 0–100: the chance that not every reason is a coincidence, treating them as independent. */
export function combinedScore(codes: DuplicateReasonCode[]): number {
  const unlikely = codes.reduce((product, code) => product * (1 - REASON_WEIGHT[code]), 1);
  return Math.round(100 * (1 - unlikely));
}

/** One comparable value of a record: the fields it is in and how a column is compared. */
export interface IdentifierRule {
  code: 'taxId' | 'email' | 'phone';
  /** Fields compared with each other (a person's phone against their mobile too). */
  fields: string[];
  /** Child records whose values count as the record's own, as far as the reader may see them. */
  children: ChildRule[];
  /** The comparable form of a column over `alias` (e-mails without case). */
  expression(alias: string, column: string): RawBuilder<unknown>;
  /** The comparable form of a value given in the stored form. */
  comparable(value: string): string;
}

export interface ChildRule {
  object: ObjectDefinition;
  /** `company_phone.phone`: how a reason names it. */
  field: string;
  column: string;
  parentColumn: string;
  rows: RowPredicate | null;
}

export interface NameRule {
  keyColumn: string;
  /** The derived column's source fields, which must all be visible to compare by name. */
  from: string[];
  compute: (values: Readonly<Record<string, unknown>>) => string | number | null;
  within: string;
  withinColumn: string;
  withinRequired: boolean;
}

export interface ResolvedRules {
  identifiers: IdentifierRule[];
  name: NameRule | null;
}

const plain = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const lowered = (alias: string, column: string) => sql`lower(${sql.ref(`${alias}.${column}`)})`;

/**
 * The rules for an object as one reader may use them: fields hidden from the reader are never
 * compared (a match would tell them what the hidden field holds). Null when the object has no
 * duplicate rules.
 */
export function rulesFor(
  registry: MetadataRegistry,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
): ResolvedRules | null {
  const rules = RULES[definition.key];
  if (!rules) return null;
  const usable = (keys: string[]) =>
    keys.filter((key) => definition.field(key)?.column && !grant.hiddenFields.has(key));
  const identifiers: IdentifierRule[] = [];
  for (const [code, keys, children] of [
    ['taxId', rules.taxIds, []],
    ['email', rules.emails, rules.childEmails],
    ['phone', rules.phones, rules.childPhones],
  ] as const) {
    const fields = usable(keys);
    if (fields.length === 0) continue;
    // Tax ids are one rule per field: a REGON equal to someone's NIP is a coincidence.
    const groups = code === 'taxId' ? fields.map((f) => [f]) : [fields];
    for (const group of groups)
      identifiers.push({
        code,
        fields: group,
        children: children.flatMap((child) => childRule(registry, actor, definition, child)),
        expression: code === 'email' ? lowered : plain,
        comparable: code === 'email' ? (value) => value.toLowerCase() : (value) => value,
      });
  }
  return { identifiers, name: nameRule(definition, grant, rules.name) };
}

/** A child value the reader may see (object readable, field not hidden), or none. */
function childRule(
  registry: MetadataRegistry,
  actor: Actor,
  parent: ObjectDefinition,
  child: ChildValue,
): ChildRule[] {
  const object = registry.get(child.object);
  const column = object?.field(child.field)?.column;
  const relation = object?.field(child.parent);
  if (!object || !column || relation?.target !== parent.key || !relation.column) return [];
  let grant: AccessGrant;
  try {
    grant = authorize(registry, actor, object.key, 'read');
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return [];
    throw error;
  }
  if (grant.hiddenFields.has(child.field) || grant.hiddenFields.has(child.parent)) return [];
  return [
    {
      object,
      field: `${object.key}.${child.field}`,
      column,
      parentColumn: relation.column,
      rows: grant.rows,
    },
  ];
}

function nameRule(
  definition: ObjectDefinition,
  grant: AccessGrant,
  rule: ObjectRules['name'],
): NameRule | null {
  const derived = definition.derivedColumns[rule.keyColumn];
  const withinColumn = definition.field(rule.within)?.column;
  if (!derived || !withinColumn) return null;
  const needed = [...derived.from, rule.within];
  if (needed.some((key) => grant.hiddenFields.has(key))) return null;
  return {
    keyColumn: rule.keyColumn,
    from: derived.from,
    compute: derived.compute,
    within: rule.within,
    withinColumn,
    withinRequired: rule.withinRequired,
  };
}

/** The object's rules, or 400 for an object without any (only companies and people have them). */
export function requireRules(
  registry: MetadataRegistry,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
): ResolvedRules {
  const rules = rulesFor(registry, actor, definition, grant);
  if (!rules)
    throw errors.badRequest(
      `${definition.key} records have no duplicate rules: duplicates and merges are for ${Object.keys(RULES).join(' and ')}`,
    );
  return rules;
}
