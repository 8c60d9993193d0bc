import type { Locale } from '../../../shared/metadata/types.ts';

/**
 * Every word a notification or its mail says, in English, Polish and Hungarian. The title and
 * body are made once, in the recipient's language, when the notification is written: they
 * describe the change as it was then, and the list shows them without reading the records again.
 * Polish sentences avoid the past tense where it would need the actor's gender.
 */

/** What one notification is about, already in the recipient's language where it matters. */
export interface NoticeFacts {
  actor: string;
  caseTitle?: string;
  activityTitle?: string;
  status?: string;
  oldStatus?: string;
  note?: string;
}

type Texts = {
  stageTitle(f: NoticeFacts): string;
  stageBody(f: NoticeFacts): string;
  activityNewTitle(f: NoticeFacts): string;
  activityStatusTitle(f: NoticeFacts): string;
  activityBody(f: NoticeFacts): string;
  statusTitle(f: NoticeFacts): string;
  statusBody(f: NoticeFacts): string;
  assignedTitle(f: NoticeFacts): string;
  assignedBody(f: NoticeFacts): string;
  mentionTitle(f: NoticeFacts): string;
  mentionBody(f: NoticeFacts): string;
  system: string;
  unknown: string;
  open: string;
  footer: string;
  digestSubject(count: number, day: string): string;
  digestIntro(day: string): string;
};

const q = (text: string | undefined, open: string, close: string) => `${open}${text ?? '—'}${close}`;

const TEXTS: Record<Locale, Texts> = {
  en: {
    stageTitle: (f) => `New stage in case ${q(f.caseTitle, '“', '”')}`,
    stageBody: (f) => (f.note ? `${f.actor}: ${f.note}` : `Added by ${f.actor}.`),
    activityNewTitle: (f) => `New activity in case ${q(f.caseTitle, '“', '”')}: ${f.activityTitle ?? '—'}`,
    activityStatusTitle: (f) => `Activity ${q(f.activityTitle, '“', '”')} is now ${f.status ?? '—'}`,
    activityBody: (f) =>
      `Case ${q(f.caseTitle, '“', '”')}${f.status ? `, status: ${f.status}` : ''}. Changed by ${f.actor}.`,
    statusTitle: (f) => `Case ${q(f.caseTitle, '“', '”')} is now ${q(f.status, '“', '”')}`,
    statusBody: (f) =>
      f.oldStatus
        ? `Status changed from ${q(f.oldStatus, '“', '”')} to ${q(f.status, '“', '”')} by ${f.actor}.`
        : `Status set to ${q(f.status, '“', '”')} by ${f.actor}.`,
    assignedTitle: (f) => `You are responsible for case ${q(f.caseTitle, '“', '”')}`,
    assignedBody: (f) => `Assigned by ${f.actor}.`,
    mentionTitle: (f) => `${f.actor} mentioned you in a note`,
    mentionBody: (f) => f.note ?? '',
    system: 'Kartoteka',
    unknown: '—',
    open: 'Open in Kartoteka',
    footer: 'You get this e-mail because of your notification settings in Kartoteka.',
    digestSubject: (count, day) =>
      `Kartoteka: ${count} ${count === 1 ? 'notification' : 'notifications'} of ${day}`,
    digestIntro: (day) => `What happened on ${day}:`,
  },
  pl: {
    stageTitle: (f) => `Nowy etap w sprawie ${q(f.caseTitle, '„', '”')}`,
    stageBody: (f) => (f.note ? `${f.actor}: ${f.note}` : `Autor: ${f.actor}.`),
    activityNewTitle: (f) =>
      `Nowe działanie w sprawie ${q(f.caseTitle, '„', '”')}: ${f.activityTitle ?? '—'}`,
    activityStatusTitle: (f) =>
      `Działanie ${q(f.activityTitle, '„', '”')} ma teraz status: ${f.status ?? '—'}`,
    activityBody: (f) =>
      `Sprawa ${q(f.caseTitle, '„', '”')}${f.status ? `, status: ${f.status}` : ''}. Zmiana: ${f.actor}.`,
    statusTitle: (f) => `Sprawa ${q(f.caseTitle, '„', '”')} ma teraz status ${q(f.status, '„', '”')}`,
    statusBody: (f) =>
      f.oldStatus
        ? `Status zmieniony z ${q(f.oldStatus, '„', '”')} na ${q(f.status, '„', '”')} (zmiana: ${f.actor}).`
        : `Status ustawiony na ${q(f.status, '„', '”')} (zmiana: ${f.actor}).`,
    assignedTitle: (f) => `Prowadzisz sprawę ${q(f.caseTitle, '„', '”')}`,
    assignedBody: (f) => `Przydział: ${f.actor}.`,
    mentionTitle: (f) => `${f.actor} wspomina o Tobie w notatce`,
    mentionBody: (f) => f.note ?? '',
    system: 'Kartoteka',
    unknown: '—',
    open: 'Otwórz w Kartotece',
    footer: 'Otrzymujesz tę wiadomość zgodnie ze swoimi ustawieniami powiadomień w Kartotece.',
    digestSubject: (count, day) => `Kartoteka: powiadomienia z dnia ${day} (${count})`,
    digestIntro: (day) => `Co wydarzyło się ${day}:`,
  },
  hu: {
    stageTitle: (f) => `Új lépés a(z) ${q(f.caseTitle, '„', '”')} ügyben`,
    stageBody: (f) => (f.note ? `${f.actor}: ${f.note}` : `Rögzítette: ${f.actor}.`),
    activityNewTitle: (f) =>
      `Új tevékenység a(z) ${q(f.caseTitle, '„', '”')} ügyben: ${f.activityTitle ?? '—'}`,
    activityStatusTitle: (f) =>
      `A(z) ${q(f.activityTitle, '„', '”')} tevékenység új állapota: ${f.status ?? '—'}`,
    activityBody: (f) =>
      `Ügy: ${q(f.caseTitle, '„', '”')}${f.status ? `, állapot: ${f.status}` : ''}. Módosította: ${f.actor}.`,
    statusTitle: (f) => `A(z) ${q(f.caseTitle, '„', '”')} ügy új státusza: ${q(f.status, '„', '”')}`,
    statusBody: (f) =>
      f.oldStatus
        ? `A státusz ${q(f.oldStatus, '„', '”')} helyett ${q(f.status, '„', '”')} lett. Módosította: ${f.actor}.`
        : `A státusz ${q(f.status, '„', '”')} lett. Módosította: ${f.actor}.`,
    assignedTitle: (f) => `Ön lett a(z) ${q(f.caseTitle, '„', '”')} ügy felelőse`,
    assignedBody: (f) => `Hozzárendelte: ${f.actor}.`,
    mentionTitle: (f) => `${f.actor} megemlítette Önt egy jegyzetben`,
    mentionBody: (f) => f.note ?? '',
    system: 'Kartoteka',
    unknown: '—',
    open: 'Megnyitás a Kartotekában',
    footer: 'Ezt az e-mailt a Kartoteka értesítési beállításai szerint kapja.',
    digestSubject: (count, day) => `Kartoteka: ${day} értesítései (${count})`,
    digestIntro: (day) => `${day} eseményei:`,
  },
};

export function texts(locale: Locale): Texts {
  return TEXTS[locale];
}

/** Long texts (a note, a stage's description) shortened for a title line or a mail. */
export function excerpt(text: string | null | undefined, max = 280): string | undefined {
  if (text === null || text === undefined) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  if (flat.length <= max) return flat;
  // Cut by code points, not UTF-16 units, so no half of a surrogate pair is left.
  return `${[...flat]
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Text for HTML: every user-written value goes through here, so no one's markup reaches a mail. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A calendar day ("2026-11-28") as the recipient writes it. */
export function longDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)),
  );
}
