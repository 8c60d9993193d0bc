import { createHash } from 'node:crypto';
import { countryName } from '../../../shared/identifiers/index.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { AppError } from '../../errors.ts';
import type { RecordsContext } from '../../records/context.ts';
import type { ContactCardSource } from '../../records/export/contact-cards.ts';
import type { VCardContact } from '../../records/export/vcard.ts';
import type { ApiRecord, RecordRef } from '../../records/present.ts';
import { MAX_PAGE_SIZE } from '../../records/query/page.ts';
import { listRecords } from '../../records/reader.ts';

/** The person fields a contact is made of. */
const PERSON_FIELDS = [
  'first_name',
  'last_name',
  'company',
  'position',
  'email',
  'phone',
  'mobile',
  'birth_date',
  'notes',
  'updated_at',
];
/** The company fields that give a person's work address and web site. */
const COMPANY_FIELDS = ['street', 'postal_code', 'city', 'country', 'website'];

/** Namespace of our contact UIDs (RFC 9562 name-based UUIDs): `person/<id>` names one person. */
const UID_NAMESPACE = 'b3f5a7c2-7d0e-4c1a-9e55-2f4f9a3c6d18';

/** A version 5 (SHA-1, name-based) UUID: the same person always gets the same UID. */
export function uuidV5(name: string, namespace = UID_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The companies of a page of people, with the address fields the reader may see, through the
 * records engine (a company outside the reader's rows gives no address). One query per page.
 */
async function companiesOf(
  ctx: RecordsContext,
  actor: Actor,
  people: ApiRecord[],
): Promise<Map<number, ApiRecord>> {
  const ids = [...new Set(people.map((person) => person.company).filter((id) => typeof id === 'number'))];
  const found = new Map<number, ApiRecord>();
  if (ids.length === 0) return found;
  let hidden: ReadonlySet<string>;
  try {
    hidden = authorize(ctx.registry, actor, 'company', 'read').hiddenFields;
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 403) return found;
    throw error;
  }
  const fields = COMPANY_FIELDS.filter((key) => !hidden.has(key));
  for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
    const chunk = ids.slice(start, start + MAX_PAGE_SIZE);
    const page = await listRecords(ctx, actor, 'company', {
      filter: { field: 'id', op: 'in', value: chunk },
      fields,
      limit: MAX_PAGE_SIZE,
    });
    for (const company of page.items) found.set(Number(company.id), company);
  }
  return found;
}

/** One person as a contact: their phones and e-mail, their company's name, address and web site. */
export function personContact(person: ApiRecord, company: ApiRecord | undefined, actor: Actor): VCardContact {
  const given = text(person.first_name) ?? '';
  const family = text(person.last_name) ?? '';
  const companyRef = (person._expanded as Record<string, RecordRef | null> | undefined)?.company ?? null;
  const country = text(company?.country);
  const phones: VCardContact['phones'] = [];
  const phone = text(person.phone);
  const mobile = text(person.mobile);
  if (phone) phones.push({ number: phone, place: 'work', mobile: false });
  if (mobile) phones.push({ number: mobile, place: 'work', mobile: true });
  const email = text(person.email);
  const street = text(company?.street);
  const city = text(company?.city);
  const postalCode = text(company?.postal_code);
  return {
    uid: `urn:uuid:${uuidV5(`person/${String(person.id)}`)}`,
    formattedName: [given, family].filter(Boolean).join(' ') || `#${String(person.id)}`,
    name: { family, given },
    organisation: companyRef?.title ? [companyRef.title] : [],
    title: text(person.position),
    emails: email ? [{ address: email, place: 'work' }] : [],
    phones,
    addresses:
      street || city || postalCode || country
        ? [
            {
              place: 'work',
              street,
              locality: city,
              region: null,
              postalCode,
              country: country ? countryName(country, actor.locale) : null,
            },
          ]
        : [],
    birthday: text(person.birth_date),
    url: text(company?.website),
    note: text(person.notes),
    revision: text(person.updated_at),
  };
}

/** People as vCard contacts, for the `vcf` list export and the single download. */
export const personContactCards: ContactCardSource = {
  fields: PERSON_FIELDS,
  expand: ['company'],
  async contacts(ctx, actor, records) {
    const companies = await companiesOf(ctx, actor, records);
    return records.map((person) =>
      personContact(
        person,
        typeof person.company === 'number' ? companies.get(person.company) : undefined,
        actor,
      ),
    );
  },
};
