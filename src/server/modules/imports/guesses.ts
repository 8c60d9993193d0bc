import type { Labels } from '../../../shared/metadata/types.ts';
import { foldText } from '../../../shared/text/fold.ts';
import type { Actor } from '../../access/actor.ts';
import { type AccessGrant, authorize } from '../../access/policy.ts';
import { AppError } from '../../errors.ts';
import type { FieldDefinition } from '../../metadata/define-object.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import { hasDuplicateRules } from './duplicate-rules.ts';
import { importableField, importableObjects } from './mapping.ts';

/**
 * Other names columns go by, beyond the fields' own labels in en/pl/hu and keys: what Outlook,
 * Google Contacts, Excel templates and people call them. Folded and without punctuation, as
 * headers are compared. Keyed by field; a field an object does not have is not offered.
 */
const SYNONYMS: Record<string, string[]> = {
  first_name: ['firstname', 'givenname', 'forename', 'imie', 'keresztnev', 'utonev'],
  last_name: ['lastname', 'surname', 'familyname', 'nazwisko', 'vezeteknev', 'csaladnev'],
  email: ['email', 'emailaddress', 'email1value', 'mail', 'adresemail', 'emailcim'],
  phone: ['telephone', 'phonenumber', 'businessphone', 'phone1value', 'tel', 'nrtelefonu', 'telefonszam'],
  mobile: ['mobilephone', 'cellphone', 'cell', 'komorka', 'telefonkomorkowy', 'mobiltelefon', 'mobil'],
  position: ['jobtitle', 'title', 'organization1title', 'stanowisko', 'beosztas'],
  name: [
    'companyname',
    'organization',
    'organisation',
    'organization1name',
    'nazwafirmy',
    'firma',
    'cegnev',
    'ceg',
  ],
  tax_id: ['nip', 'vatid', 'taxnumber', 'adoszam', 'taxid'],
  postal_code: ['zip', 'zipcode', 'postcode', 'kodpocztowy', 'iranyitoszam', 'businesspostalcode'],
  city: ['town', 'miasto', 'miejscowosc', 'varos', 'telepules', 'businesscity'],
  street: ['address', 'ulica', 'adres', 'utca', 'businessstreet'],
  website: ['www', 'web', 'url', 'stronawww', 'weboldal', 'website1value'],
  birth_date: ['birthday', 'dateofbirth', 'dataurodzenia', 'szuletesidatum', 'szuletesnap'],
  notes: ['note', 'comments', 'comment', 'uwagi', 'megjegyzes', 'megjegyzesek'],
  country: ['kraj', 'orszag', 'businesscountry'],
};

/** A header or a name as compared: folded (case, accents), letters and digits only. */
export function headerKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

export interface ImportTarget {
  /** `email`, or `company.name` for a field of a related record. */
  key: string;
  /** What the wizard shows: the field's label, for a related record's field `Company: Name`. */
  labels: Labels;
}

interface Target extends ImportTarget {
  /** Names that mean this target, strongest first (each a set of header keys). */
  names: Array<Set<string>>;
}

function ownNames(field: FieldDefinition): Set<string> {
  return new Set([field.key, field.key.replace(/_/g, ' '), ...Object.values(field.labels)].map(headerKey));
}

function targetsOf(registry: MetadataRegistry, actor: Actor, object: string, grant: AccessGrant): Target[] {
  const definition = registry.get(object);
  if (!definition) return [];
  const own = definition.fields.filter((field) => importableField(field, grant));
  const targets: Target[] = own.map((field) => ({
    key: field.key,
    labels: field.labels,
    names: [ownNames(field), new Set(SYNONYMS[field.key] ?? [])],
  }));
  for (const via of own) {
    const target = via.type === 'relation' ? registry.get(via.target ?? '') : undefined;
    if (!target || !hasDuplicateRules(target.key)) continue;
    let targetGrant: AccessGrant;
    try {
      targetGrant = authorize(registry, actor, target.key, 'create');
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 403) continue;
      throw error;
    }
    for (const field of target.fields.filter((f) => importableField(f, targetGrant))) {
      const qualified = new Set(
        (['en', 'pl', 'hu'] as const).flatMap((locale) => [
          headerKey(`${via.labels[locale]} ${field.labels[locale]}`),
          headerKey(`${field.labels[locale]} ${via.labels[locale]}`),
        ]),
      );
      qualified.add(headerKey(`${via.key} ${field.key}`));
      // The relation's own label ("Company", "Firma") names the related record by its title.
      const title =
        target.titleFields.length === 1 && target.titleFields[0] === field.key
          ? ownNames(via)
          : new Set<string>();
      targets.push({
        key: `${via.key}.${field.key}`,
        labels: {
          en: `${via.labels.en}: ${field.labels.en}`,
          pl: `${via.labels.pl}: ${field.labels.pl}`,
          hu: `${via.labels.hu}: ${field.labels.hu}`,
        },
        names: [new Set([...qualified, ...title]), new Set(SYNONYMS[field.key] ?? []), ownNames(field)],
      });
    }
  }
  // The relation itself (by title) is what the product's export writes; finding or creating
  // the related record from it (`company.name`) is offered instead where the import can.
  return targets.filter((target) => !targets.some((other) => other.key.startsWith(`${target.key}.`)));
}

/**
 * The fields a column may fill, per object the actor may import (their own, and those of a
 * related record the import finds or creates), and the field each column most likely fills, per object the actor may import: a column named
 * like a field's label in any language, its key, or a known synonym; then a related record's
 * field ("Company name" → `company.name`, "NIP" on a person → `company.tax_id`). Each field is
 * given to one column at most, the first that names it best.
 */
export function guessMappings(
  registry: MetadataRegistry,
  actor: Actor,
  columns: string[],
): {
  object: string | null;
  mappings: Record<string, Record<string, string | null>>;
  targets: Record<string, ImportTarget[]>;
} {
  const mappings: Record<string, Record<string, string | null>> = {};
  const offered: Record<string, ImportTarget[]> = {};
  let best: { object: string | null; score: number } = { object: null, score: 0 };
  for (const definition of importableObjects(registry)) {
    let grant: AccessGrant;
    try {
      grant = authorize(registry, actor, definition.key, 'create');
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 403) continue;
      throw error;
    }
    const targets = targetsOf(registry, actor, definition.key, grant);
    offered[definition.key] = targets.map(({ key, labels }) => ({ key, labels }));
    const taken = new Set<string>();
    const mapping: Record<string, string | null> = {};
    const keys = columns.map(headerKey);
    // Strongest names first across all columns, so "Name" on a company file beats "Company name".
    for (let strength = 0; strength < 3; strength++) {
      keys.forEach((key, index) => {
        const column = columns[index] as string;
        if (mapping[column]) return;
        const target = targets.find(
          (candidate) => !taken.has(candidate.key) && candidate.names[strength]?.has(key),
        );
        if (target) {
          mapping[column] = target.key;
          taken.add(target.key);
        }
      });
    }
    for (const column of columns) mapping[column] ??= null;
    mappings[definition.key] = mapping;
    const own = Object.values(mapping).filter((key) => key && !key.includes('.')).length;
    const required = definition.fields.filter((field) => field.required && !field.system);
    const named = required.filter((field) => Object.values(mapping).includes(field.key)).length;
    // A file that names every required field of an object is of it; more required fields named
    // (first and last name) say more than more optional ones (e-mail, city).
    const score = (named === required.length ? 100 : 0) + 10 * named + own;
    if (score > best.score) best = { object: definition.key, score };
  }
  return { object: best.object, mappings, targets: offered };
}
