import { Readable } from 'node:stream';

/**
 * vCard writing, for one contact (`GET …/vcard`) and for a list export (`format: vcf`).
 *
 * Version 3.0 (RFC 2426) by default: it is what Outlook, Apple Contacts, Google Contacts and
 * Android all import, while Outlook does not read 4.0. Version 4.0 (RFC 6350) on request, for
 * CardDAV servers and tools that want the current standard. Both are written in UTF-8 without a
 * byte order mark, with CRLF line ends, lines folded at 75 octets (never inside a UTF-8
 * sequence), and `\`, `,`, `;` and line breaks escaped in text values.
 */
export type VCardVersion = '3.0' | '4.0';
export const VCARD_VERSIONS: readonly VCardVersion[] = ['3.0', '4.0'];
export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';

export type VCardPlace = 'work' | 'home';

export interface VCardContact {
  /** A stable identifier, `urn:uuid:…`: a second import updates the contact instead of adding one. */
  uid: string;
  /** FN: the name as shown. */
  formattedName: string;
  /** N: family and given names. */
  name: { family: string; given: string };
  /** ORG: the organisation, then its units. */
  organisation: string[];
  title: string | null;
  emails: Array<{ address: string; place: VCardPlace }>;
  /** E.164 numbers (an extension as `;ext=123`, RFC 3966). */
  phones: Array<{ number: string; place: VCardPlace; mobile: boolean }>;
  addresses: Array<{
    place: VCardPlace;
    street: string | null;
    locality: string | null;
    region: string | null;
    postalCode: string | null;
    country: string | null;
  }>;
  /** YYYY-MM-DD */
  birthday: string | null;
  url: string | null;
  note: string | null;
  /** When the record last changed (an ISO instant). */
  revision: string | null;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** Text value escaping (RFC 6350 §3.4, RFC 2426 §5): backslash, comma, semicolon, line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A structured value (N, ADR, ORG): components escaped, separated by `;`. */
function structured(components: Array<string | null>): string {
  return components.map((part) => escapeText(part ?? '')).join(';');
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (RFC 6350 §3.2): a CRLF and
 * one space start each continuation, and a character is never split across two lines.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The continuation's leading space counts towards its 75 octets.
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `1985-03-14` as the version writes a date: 3.0 extended, 4.0 basic ISO 8601 (RFC 6350 §4.3.1). */
function dateValue(date: string, version: VCardVersion): string {
  return version === '4.0' ? date.replaceAll('-', '') : date;
}

/** `2026-11-27T12:00:00.000Z` → `20261127T120000Z` (4.0) or `2026-11-27T12:00:00Z` (3.0). */
function timestampValue(iso: string, version: VCardVersion): string {
  const seconds = `${iso.slice(0, 19)}Z`;
  return version === '4.0' ? seconds.replace(/[-:]/g, '') : seconds;
}

/** TYPE parameter: upper case lists in 3.0 (as Outlook writes them), quoted lower case in 4.0. */
function typeParam(types: string[], version: VCardVersion): string {
  if (types.length === 0) return '';
  return version === '4.0'
    ? `;TYPE="${types.join(',')}"`
    : `;TYPE=${types.map((t) => t.toUpperCase()).join(',')}`;
}

function phoneLine(phone: VCardContact['phones'][number], version: VCardVersion): string {
  // Outlook drops a TEL without TYPE; voice distinguishes it from a fax.
  const types = phone.mobile ? ['cell', 'voice'] : [phone.place, 'voice'];
  if (version === '4.0') return `TEL;VALUE=uri${typeParam(types, version)}:tel:${phone.number}`;
  return `TEL${typeParam(types, version)}:${phone.number}`;
}

function emailLine(email: VCardContact['emails'][number], version: VCardVersion): string {
  const types = version === '4.0' ? [email.place] : ['internet', email.place];
  return `EMAIL${typeParam(types, version)}:${escapeText(email.address)}`;
}

/** One contact as a vCard of the given version, every line folded, ending with CRLF. */
export function writeVCard(contact: VCardContact, version: VCardVersion): string {
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  if (version === '4.0') lines.push('KIND:individual');
  lines.push('PRODID:-//Kartoteka//CRM//EN');
  lines.push(`UID:${contact.uid}`);
  lines.push(`FN:${escapeText(contact.formattedName)}`);
  lines.push(`N:${structured([contact.name.family, contact.name.given, '', '', ''])}`);
  if (contact.organisation.some((part) => part !== '')) lines.push(`ORG:${structured(contact.organisation)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  for (const email of contact.emails) lines.push(emailLine(email, version));
  for (const phone of contact.phones) lines.push(phoneLine(phone, version));
  for (const address of contact.addresses) {
    const value = structured([
      '',
      '',
      address.street,
      address.locality,
      address.region,
      address.postalCode,
      address.country,
    ]);
    lines.push(`ADR${typeParam([address.place], version)}:${value}`);
  }
  if (contact.birthday) lines.push(`BDAY:${dateValue(contact.birthday, version)}`);
  if (contact.url) lines.push(`URL:${contact.url}`);
  if (contact.note) lines.push(`NOTE:${escapeText(contact.note)}`);
  if (contact.revision) lines.push(`REV:${timestampValue(contact.revision, version)}`);
  lines.push('END:VCARD');
  return lines.map((line) => `${foldLine(line)}${CRLF}`).join('');
}

/** A .vcf file of many contacts, written page by page as the client takes it (like the CSV export). */
export function vcfStream(pages: AsyncIterable<VCardContact[]>, version: VCardVersion = '3.0'): Readable {
  async function* chunks(): AsyncGenerator<string> {
    for await (const page of pages) yield page.map((contact) => writeVCard(contact, version)).join('');
  }
  return Readable.from(chunks(), { objectMode: false });
}
