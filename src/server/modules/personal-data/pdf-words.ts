import type { Locale } from '../../../shared/metadata/types.ts';
import type { HistoryAction } from '../../records/history.ts';

/**
 * The words of the personal data PDF in each language. The server writes this document itself
 * (the web app's i18n files are the web's), so its few sentences live here, beside it.
 */
export interface PdfWords {
  title: (name: string) => string;
  generated: (when: string, by: string) => string;
  intro: string;
  person: string;
  field: string;
  value: string;
  groups: string;
  none: string;
  inTrash: string;
  truncated: string;
  history: string;
  when: string;
  who: string;
  change: string;
  before: string;
  after: string;
  system: string;
  shares: string;
  sharedWith: string;
  access: string;
  since: string;
  shareAccess: Record<string, string>;
  shareTarget: Record<'user_account' | 'department' | 'work_group', string>;
  actions: Record<HistoryAction, string>;
  page: (current: number, total: number) => string;
}

export const PDF_WORDS: Record<Locale, PdfWords> = {
  en: {
    title: (name) => `Personal data: ${name}`,
    generated: (when, by) => `Generated on ${when} by ${by} in Kartoteka`,
    intro:
      'This document lists the data Kartoteka stores about this person, as far as the account that generated it may see it: the record itself, the records that refer to the person, group memberships, the history of changes and who the record is shared with.',
    person: 'Person',
    field: 'Field',
    value: 'Value',
    groups: 'Groups',
    none: 'None',
    inTrash: 'in the trash',
    truncated: 'Only the first entries are listed.',
    history: 'History of changes',
    when: 'When',
    who: 'Who',
    change: 'Change',
    before: 'Before',
    after: 'After',
    system: 'System',
    shares: 'Shared with',
    sharedWith: 'With',
    access: 'Access',
    since: 'Since',
    shareAccess: { read: 'Read', edit: 'Edit' },
    shareTarget: { user_account: 'Account', department: 'Department', work_group: 'Work group' },
    actions: {
      create: 'Created',
      update: 'Changed',
      delete: 'Moved to the trash',
      restore: 'Restored',
      merge: 'Merged',
      unmerge: 'Merge undone',
      anonymise: 'Anonymised',
    },
    page: (current, total) => `Page ${current} of ${total}`,
  },
  pl: {
    title: (name) => `Dane osobowe: ${name}`,
    generated: (when, by) => `Wygenerowano ${when} przez ${by} w systemie Kartoteka`,
    intro:
      'Dokument zawiera dane, które Kartoteka przechowuje o tej osobie, w zakresie widocznym dla konta, które go wygenerowało: sam rekord, rekordy odnoszące się do osoby, przynależność do grup, historię zmian oraz informację, komu rekord udostępniono.',
    person: 'Osoba',
    field: 'Pole',
    value: 'Wartość',
    groups: 'Grupy',
    none: 'Brak',
    inTrash: 'w koszu',
    truncated: 'Wymieniono tylko pierwsze wpisy.',
    history: 'Historia zmian',
    when: 'Kiedy',
    who: 'Kto',
    change: 'Zmiana',
    before: 'Przed',
    after: 'Po',
    system: 'System',
    shares: 'Udostępnienia',
    sharedWith: 'Komu',
    access: 'Dostęp',
    since: 'Od',
    shareAccess: { read: 'Odczyt', edit: 'Edycja' },
    shareTarget: { user_account: 'Konto', department: 'Dział', work_group: 'Grupa robocza' },
    actions: {
      create: 'Utworzenie',
      update: 'Zmiana',
      delete: 'Przeniesienie do kosza',
      restore: 'Przywrócenie',
      merge: 'Scalenie',
      unmerge: 'Cofnięcie scalenia',
      anonymise: 'Anonimizacja',
    },
    page: (current, total) => `Strona ${current} z ${total}`,
  },
  hu: {
    title: (name) => `Személyes adatok: ${name}`,
    generated: (when, by) => `Készült: ${when}, ${by} által, a Kartoteka rendszerben`,
    intro:
      'Ez a dokumentum azokat az adatokat sorolja fel, amelyeket a Kartoteka erről a személyről tárol, olyan mértékben, amennyire az azt előállító fiók láthatja őket: maga a rekord, a személyre hivatkozó rekordok, a csoporttagságok, a változások története és az, hogy kivel van megosztva a rekord.',
    person: 'Személy',
    field: 'Mező',
    value: 'Érték',
    groups: 'Csoportok',
    none: 'Nincs',
    inTrash: 'a lomtárban',
    truncated: 'Csak az első bejegyzések szerepelnek.',
    history: 'Változások története',
    when: 'Mikor',
    who: 'Ki',
    change: 'Változás',
    before: 'Előtte',
    after: 'Utána',
    system: 'Rendszer',
    shares: 'Megosztások',
    sharedWith: 'Kivel',
    access: 'Hozzáférés',
    since: 'Mióta',
    shareAccess: { read: 'Olvasás', edit: 'Szerkesztés' },
    shareTarget: { user_account: 'Fiók', department: 'Részleg', work_group: 'Munkacsoport' },
    actions: {
      create: 'Létrehozás',
      update: 'Módosítás',
      delete: 'Lomtárba helyezés',
      restore: 'Visszaállítás',
      merge: 'Összevonás',
      unmerge: 'Összevonás visszavonása',
      anonymise: 'Anonimizálás',
    },
    page: (current, total) => `${current}. oldal / ${total}`,
  },
};
