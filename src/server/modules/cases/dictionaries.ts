import type { DictionaryLabels } from '../dictionaries/standard-values.ts';

// The standard values of the cases module's dictionaries, installed with the others by
// `dictionaries/standard-values.ts` (which imports these lists; this file only imports its type).

/** Where a case stands. Which codes count as closed is `CLOSED_CASE_STATUS_CODES`. */
export const CASE_STATUS_CODES = [
  'open',
  'in_progress',
  'waiting',
  'closed_won',
  'closed_lost',
  'cancelled',
] as const;
export type CaseStatusCode = (typeof CASE_STATUS_CODES)[number];

/**
 * The statuses of a finished case: no stage is added to it, its next action no longer follows
 * its stages. Known by code, so an administrator may rename them; a status an administrator
 * adds is an open one.
 */
export const CLOSED_CASE_STATUS_CODES: readonly CaseStatusCode[] = ['closed_won', 'closed_lost', 'cancelled'];

export const CASE_STATUS_LABELS: Record<CaseStatusCode, DictionaryLabels> = {
  open: { en: 'Open', pl: 'Otwarta', hu: 'Nyitott' },
  in_progress: { en: 'In progress', pl: 'W toku', hu: 'Folyamatban' },
  waiting: { en: 'Waiting for reply', pl: 'Oczekuje na odpowiedź', hu: 'Válaszra vár' },
  closed_won: { en: 'Closed – won', pl: 'Zamknięta – sukces', hu: 'Lezárva – sikeres' },
  closed_lost: { en: 'Closed – lost', pl: 'Zamknięta – porażka', hu: 'Lezárva – sikertelen' },
  cancelled: { en: 'Cancelled', pl: 'Anulowana', hu: 'Visszavonva' },
};

export const CASE_TYPE_CODES = ['sales', 'inquiry', 'tender', 'complaint', 'service', 'other'] as const;
export const CASE_TYPE_LABELS: Record<(typeof CASE_TYPE_CODES)[number], DictionaryLabels> = {
  sales: { en: 'Sales opportunity', pl: 'Szansa sprzedaży', hu: 'Értékesítési lehetőség' },
  inquiry: { en: 'Inquiry', pl: 'Zapytanie', hu: 'Ajánlatkérés' },
  tender: { en: 'Tender', pl: 'Przetarg', hu: 'Pályázat' },
  complaint: { en: 'Complaint', pl: 'Reklamacja', hu: 'Reklamáció' },
  service: { en: 'Service request', pl: 'Zgłoszenie serwisowe', hu: 'Szervizigény' },
  other: { en: 'Other', pl: 'Inna', hu: 'Egyéb' },
};

export const CASE_PRIORITY_CODES = ['low', 'normal', 'high', 'urgent'] as const;
export const CASE_PRIORITY_LABELS: Record<(typeof CASE_PRIORITY_CODES)[number], DictionaryLabels> = {
  low: { en: 'Low', pl: 'Niski', hu: 'Alacsony' },
  normal: { en: 'Normal', pl: 'Normalny', hu: 'Normál' },
  high: { en: 'High', pl: 'Wysoki', hu: 'Magas' },
  urgent: { en: 'Urgent', pl: 'Pilny', hu: 'Sürgős' },
};

/** What happened at a step of a case. */
export const CASE_STAGE_KIND_CODES = [
  'call',
  'email',
  'meeting',
  'offer_sent',
  'answer_received',
  'other',
] as const;
export const CASE_STAGE_KIND_LABELS: Record<(typeof CASE_STAGE_KIND_CODES)[number], DictionaryLabels> = {
  call: { en: 'Phone call', pl: 'Rozmowa telefoniczna', hu: 'Telefonhívás' },
  email: { en: 'E-mail', pl: 'E-mail', hu: 'E-mail' },
  meeting: { en: 'Meeting', pl: 'Spotkanie', hu: 'Megbeszélés' },
  offer_sent: { en: 'Offer sent', pl: 'Wysłano ofertę', hu: 'Ajánlat elküldve' },
  answer_received: { en: 'Answer received', pl: 'Otrzymano odpowiedź', hu: 'Válasz érkezett' },
  other: { en: 'Other', pl: 'Inny', hu: 'Egyéb' },
};

/** What is to be done next, on a case or a stage (and later on a client). */
export const NEXT_ACTION_TYPE_CODES = ['call', 'meeting', 'email', 'offer', 'visit', 'other'] as const;
export const NEXT_ACTION_TYPE_LABELS: Record<(typeof NEXT_ACTION_TYPE_CODES)[number], DictionaryLabels> = {
  call: { en: 'Call', pl: 'Telefon', hu: 'Telefonhívás' },
  meeting: { en: 'Meeting', pl: 'Spotkanie', hu: 'Megbeszélés' },
  email: { en: 'E-mail', pl: 'E-mail', hu: 'E-mail' },
  offer: { en: 'Send an offer', pl: 'Wysłanie oferty', hu: 'Ajánlatküldés' },
  visit: { en: 'Visit', pl: 'Wizyta', hu: 'Látogatás' },
  other: { en: 'Other', pl: 'Inne', hu: 'Egyéb' },
};
