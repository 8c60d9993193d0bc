import { phoneHref } from '../../../shared/identifiers/index.ts';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { fieldText } from '../../records/field-types/facts.ts';
import type { TextContext } from '../../records/field-types/module-facts.ts';

/*
 * What a business card says, as plain text: React renders these strings as text, so markup or
 * script typed into any field shows as the characters it is. Kept free of React, like the field
 * types' facts, so it is tested without a browser.
 */

/** The objects that have a business card. */
export const CARD_OBJECTS: readonly string[] = ['company', 'person'];

export interface CardLine {
  key: string;
  label: string;
  /** Several lines (an address) are separated by "\n". */
  text: string;
  /** tel:, mailto: or an http(s) address; never anything a browser would run. */
  href?: string;
}

export interface BusinessCard {
  title: string;
  subtitle: string | null;
  lines: CardLine[];
}

/** A company's further phones and e-mails (`company_phone`, `company_email`) as the reader may see them. */
export interface CompanyContacts {
  phones: { meta: ObjectMeta; rows: RecordData[] } | null;
  emails: { meta: ObjectMeta; rows: RecordData[] } | null;
}

const fieldOf = (meta: ObjectMeta, key: string): FieldMeta | undefined =>
  meta.fields.find((field) => field.key === key);

function expandedTitles(record: RecordData, key: string): Map<number, string> {
  const ref = record._expanded?.[key];
  const refs = Array.isArray(ref) ? ref : ref ? [ref] : [];
  return new Map(refs.map((item) => [item.id, item.title]));
}

/** A field's value as the reader reads it ('' when empty or hidden from them). */
function textOf(meta: ObjectMeta, record: RecordData, key: string, context: TextContext): string {
  const field = fieldOf(meta, key);
  if (!field) return '';
  const titles = expandedTitles(record, key);
  return fieldText(field, record[key], { ...context, record, title: (id) => titles.get(id) }).trim();
}

function line(
  meta: ObjectMeta,
  record: RecordData,
  key: string,
  context: TextContext,
  href?: (stored: string) => string | undefined,
): CardLine | null {
  const field = fieldOf(meta, key);
  const text = textOf(meta, record, key, context);
  if (!field || text === '') return null;
  const stored = record[key];
  const link = href && typeof stored === 'string' ? href(stored) : undefined;
  return { key, label: field.labels[context.locale], text, ...(link ? { href: link } : {}) };
}

export const telLink = (stored: string) => phoneHref(stored);
export const mailLink = (stored: string) => `mailto:${stored}`;
/** Only web addresses become links: a `javascript:` "website" stays text. */
export const webLink = (stored: string) => (/^https?:\/\//i.test(stored) ? stored : undefined);

function present(lines: Array<CardLine | null>): CardLine[] {
  return lines.filter((item): item is CardLine => item !== null);
}

/** The further phones or e-mails of a company, each labelled with its kind where it has one. */
function contactLines(
  contacts: CompanyContacts['phones'],
  key: 'phone' | 'email',
  fallback: string,
  context: TextContext,
  href: (stored: string) => string | undefined,
): CardLine[] {
  if (!contacts) return [];
  return present(
    contacts.rows.map((row) => {
      const found = line(contacts.meta, row, key, context, href);
      const kind = textOf(contacts.meta, row, 'kind', context);
      return found ? { ...found, key: `${key}-${row.id}`, label: kind || fallback } : null;
    }),
  );
}

export function companyCard(
  meta: ObjectMeta,
  record: RecordData,
  contacts: CompanyContacts,
  context: TextContext,
): BusinessCard {
  const title = textOf(meta, record, 'name', context) || `#${record.id}`;
  const short = textOf(meta, record, 'short_name', context);
  const place = [textOf(meta, record, 'postal_code', context), textOf(meta, record, 'city', context)]
    .filter(Boolean)
    .join(' ');
  const address = [textOf(meta, record, 'street', context), place, textOf(meta, record, 'country', context)]
    .filter(Boolean)
    .join('\n');
  const phone = line(meta, record, 'phone', context, telLink);
  const email = line(meta, record, 'email', context, mailLink);
  return {
    title,
    subtitle: short && short !== title ? short : null,
    lines: present([
      line(meta, record, 'tax_id', context),
      line(meta, record, 'regon', context),
      line(meta, record, 'krs', context),
      line(meta, record, 'eu_vat', context),
      address ? { key: 'address', label: context.t('cards:address'), text: address } : null,
      phone,
      ...contactLines(contacts.phones, 'phone', context.t('cards:phone'), context, telLink),
      email,
      ...contactLines(contacts.emails, 'email', context.t('cards:email'), context, mailLink),
      line(meta, record, 'website', context, webLink),
      line(meta, record, 'account_manager', context),
    ]),
  };
}

export function personCard(meta: ObjectMeta, record: RecordData, context: TextContext): BusinessCard {
  // In the order the card's language reads a name ("Kozma Nikolett" in Hungarian).
  const name = (meta.titleOrder?.[context.locale] ?? ['first_name', 'last_name'])
    .map((key) => textOf(meta, record, key, context))
    .filter(Boolean)
    .join(' ');
  const position = textOf(meta, record, 'position', context);
  return {
    title: name || `#${record.id}`,
    subtitle: position || null,
    lines: present([
      line(meta, record, 'company', context),
      line(meta, record, 'phone', context, telLink),
      line(meta, record, 'mobile', context, telLink),
      line(meta, record, 'email', context, mailLink),
    ]),
  };
}
