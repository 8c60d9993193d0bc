import type { Locale } from '../../../shared/metadata/types.ts';

/**
 * The words of the printed case report in each language. The server writes this document
 * itself (the web app's i18n files are the web's), so its few sentences live here, beside it.
 * Field names come from the objects' labels; these are the report's own words.
 */
export interface ReportWords {
  /** The document's kind, above the topic. */
  report: string;
  /** A case whose topic the reader may not see. */
  untitled: (id: number) => string;
  printed: (when: string, by: string) => string;
  stages: string;
  activities: string;
  notes: string;
  nextAction: string;
  when: string;
  who: string;
  kind: string;
  subject: string;
  none: string;
  truncated: string;
  /** HTML only: how to get it on paper, and the PDF beside it. */
  printHint: string;
  pdf: string;
  page: (current: number, total: number) => string;
}

export const REPORT_WORDS: Record<Locale, ReportWords> = {
  en: {
    report: 'Case report',
    untitled: (id) => `Case #${id}`,
    printed: (when, by) => `Printed on ${when} by ${by} from Kartoteka`,
    stages: 'Stages',
    activities: 'Activities',
    notes: 'Notes',
    nextAction: 'Next action',
    when: 'When',
    who: 'Who',
    kind: 'Kind',
    subject: 'Subject',
    none: 'None',
    truncated: 'Only the first entries are listed.',
    printHint: "Use your browser's Print command (Ctrl+P) to print this report or save it as a PDF.",
    pdf: 'Open as PDF',
    page: (current, total) => `Page ${current} of ${total}`,
  },
  pl: {
    report: 'Raport sprawy',
    untitled: (id) => `Sprawa nr ${id}`,
    printed: (when, by) => `Wydrukowano ${when} przez ${by} z systemu Kartoteka`,
    stages: 'Etapy',
    activities: 'Działania',
    notes: 'Notatki',
    nextAction: 'Następna akcja',
    when: 'Kiedy',
    who: 'Kto',
    kind: 'Rodzaj',
    subject: 'Temat',
    none: 'Brak',
    truncated: 'Wymieniono tylko pierwsze wpisy.',
    printHint:
      'Aby wydrukować raport lub zapisać go jako PDF, użyj polecenia Drukuj w przeglądarce (Ctrl+P).',
    pdf: 'Otwórz jako PDF',
    page: (current, total) => `Strona ${current} z ${total}`,
  },
  hu: {
    report: 'Ügyjelentés',
    untitled: (id) => `${id}. számú ügy`,
    printed: (when, by) => `Nyomtatva: ${when}, ${by} által, a Kartoteka rendszerből`,
    stages: 'Ügylépések',
    activities: 'Tevékenységek',
    notes: 'Jegyzetek',
    nextAction: 'Következő teendő',
    when: 'Időpont',
    who: 'Ki',
    kind: 'Típus',
    subject: 'Tárgy',
    none: 'Nincs',
    truncated: 'Csak az első bejegyzések szerepelnek.',
    printHint:
      'A jelentés kinyomtatásához vagy PDF-be mentéséhez használja a böngésző Nyomtatás parancsát (Ctrl+P).',
    pdf: 'Megnyitás PDF-ként',
    page: (current, total) => `${current}. oldal / ${total}`,
  },
};
