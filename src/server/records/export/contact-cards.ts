import type { Actor } from '../../access/actor.ts';
import type { RecordsContext } from '../context.ts';
import type { ApiRecord } from '../present.ts';
import type { VCardContact } from './vcard.ts';

/**
 * How the records of an object become vCard contacts, for the `vcf` list export. The platform
 * names no object: a capability that knows what a contact is (people) registers its source when
 * the application is composed, and an object without one cannot be exported as vCard (400).
 */
export interface ContactCardSource {
  /** Fields the contacts are made from; those hidden from the reader are left out before reading. */
  fields: string[];
  /** Of those, the references whose titles are needed (a person's company). */
  expand: string[];
  /** The contacts of one page of records, read as `actor` (anything more they read obeys their rights). */
  contacts(ctx: RecordsContext, actor: Actor, records: ApiRecord[]): Promise<VCardContact[]>;
}

const sources = new Map<string, ContactCardSource>();

/** Registers (or replaces: building a second app registers the same source again) an object's contacts. */
export function registerContactCards(object: string, source: ContactCardSource): void {
  sources.set(object, source);
}

export function contactCardsOf(object: string): ContactCardSource | undefined {
  return sources.get(object);
}
