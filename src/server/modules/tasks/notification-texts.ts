import type { Locale } from '../../../shared/metadata/types.ts';

/** What a task notification says, already in the recipient's language where it matters. */
export interface TaskNoticeFacts {
  actor: string;
  task: string;
  status?: string;
  oldStatus?: string;
  claimant?: string;
  note?: string;
}

interface TaskTexts {
  assignedTitle(f: TaskNoticeFacts): string;
  assignedBody(f: TaskNoticeFacts): string;
  statusTitle(f: TaskNoticeFacts): string;
  statusBody(f: TaskNoticeFacts): string;
  claimTitle(f: TaskNoticeFacts): string;
  claimBody(f: TaskNoticeFacts): string;
  acceptedTitle(f: TaskNoticeFacts): string;
  declinedTitle(f: TaskNoticeFacts): string;
  decidedBody(f: TaskNoticeFacts): string;
}

const q = (text: string | undefined, open: string, close: string) => `${open}${text ?? '—'}${close}`;

// Polish sentences avoid the past tense where it would need the actor's gender.
const TEXTS: Record<Locale, TaskTexts> = {
  en: {
    assignedTitle: (f) => `Task for you: ${q(f.task, '“', '”')}`,
    assignedBody: (f) => `Assigned by ${f.actor}.`,
    statusTitle: (f) => `Task ${q(f.task, '“', '”')} is now ${q(f.status, '“', '”')}`,
    statusBody: (f) =>
      f.oldStatus
        ? `Status changed from ${q(f.oldStatus, '“', '”')} to ${q(f.status, '“', '”')} by ${f.actor}.`
        : `Status set to ${q(f.status, '“', '”')} by ${f.actor}.`,
    claimTitle: (f) => `${f.claimant ?? f.actor} asks to take on ${q(f.task, '“', '”')}`,
    claimBody: (f) =>
      f.note
        ? `“${f.note}” — accept or decline on the task's page.`
        : "Accept or decline on the task's page.",
    acceptedTitle: (f) => `Your request for ${q(f.task, '“', '”')} was accepted`,
    declinedTitle: (f) => `Your request for ${q(f.task, '“', '”')} was declined`,
    decidedBody: (f) => `Decided by ${f.actor}.`,
  },
  pl: {
    assignedTitle: (f) => `Zadanie dla Ciebie: ${q(f.task, '„', '”')}`,
    assignedBody: (f) => `Przydzielający: ${f.actor}.`,
    statusTitle: (f) => `Zadanie ${q(f.task, '„', '”')} ma teraz status ${q(f.status, '„', '”')}`,
    statusBody: (f) =>
      f.oldStatus
        ? `Zmiana statusu z ${q(f.oldStatus, '„', '”')} na ${q(f.status, '„', '”')}, autor: ${f.actor}.`
        : `Status ${q(f.status, '„', '”')}, autor: ${f.actor}.`,
    claimTitle: (f) => `${f.claimant ?? f.actor} prosi o przydział zadania ${q(f.task, '„', '”')}`,
    claimBody: (f) =>
      f.note
        ? `„${f.note}” — przyjmij lub odrzuć na stronie zadania.`
        : 'Przyjmij lub odrzuć na stronie zadania.',
    acceptedTitle: (f) => `Prośba o zadanie ${q(f.task, '„', '”')} została przyjęta`,
    declinedTitle: (f) => `Prośba o zadanie ${q(f.task, '„', '”')} została odrzucona`,
    decidedBody: (f) => `Decyzja: ${f.actor}.`,
  },
  hu: {
    assignedTitle: (f) => `Új feladat Önnek: ${q(f.task, '„', '”')}`,
    assignedBody: (f) => `Kiosztotta: ${f.actor}.`,
    statusTitle: (f) => `A(z) ${q(f.task, '„', '”')} feladat új állapota: ${q(f.status, '„', '”')}`,
    statusBody: (f) =>
      f.oldStatus
        ? `${f.actor} módosította az állapotot: ${q(f.oldStatus, '„', '”')} → ${q(f.status, '„', '”')}.`
        : `${f.actor} beállította az állapotot: ${q(f.status, '„', '”')}.`,
    claimTitle: (f) => `${f.claimant ?? f.actor} szeretné átvenni: ${q(f.task, '„', '”')}`,
    claimBody: (f) =>
      f.note
        ? `„${f.note}” – a feladat oldalán fogadhatja el vagy utasíthatja el.`
        : 'A feladat oldalán fogadhatja el vagy utasíthatja el.',
    acceptedTitle: (f) => `Elfogadták a(z) ${q(f.task, '„', '”')} feladat átvételére vonatkozó kérését`,
    declinedTitle: (f) => `Elutasították a(z) ${q(f.task, '„', '”')} feladat átvételére vonatkozó kérését`,
    decidedBody: (f) => `Döntött: ${f.actor}.`,
  },
};

export function taskTexts(locale: Locale): TaskTexts {
  return TEXTS[locale];
}
