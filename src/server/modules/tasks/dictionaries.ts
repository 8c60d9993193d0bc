import type { DictionaryLabels } from '../dictionaries/standard-values.ts';

// The standard values of the tasks module's dictionaries, installed with the others by
// `dictionaries/standard-values.ts` (which imports these lists; this file only imports its type).

/** Where a task stands. Which codes count as finished is `FINISHED_TASK_STATUS_CODES`. */
export const TASK_STATUS_CODES = ['new', 'in_progress', 'waiting', 'done', 'cancelled'] as const;
export type TaskStatusCode = (typeof TASK_STATUS_CODES)[number];

/**
 * A finished task has a done-at time and is no longer overdue. Known by code, so an
 * administrator may rename the values; a status an administrator adds is an unfinished one.
 */
export const FINISHED_TASK_STATUS_CODES: readonly TaskStatusCode[] = ['done', 'cancelled'];

export const TASK_STATUS_LABELS: Record<TaskStatusCode, DictionaryLabels> = {
  new: { en: 'New', pl: 'Nowe', hu: 'Új' },
  in_progress: { en: 'In progress', pl: 'W toku', hu: 'Folyamatban' },
  waiting: { en: 'Waiting', pl: 'Oczekuje', hu: 'Várakozik' },
  done: { en: 'Done', pl: 'Wykonane', hu: 'Kész' },
  cancelled: { en: 'Cancelled', pl: 'Anulowane', hu: 'Visszavonva' },
};

export const TASK_PRIORITY_CODES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_PRIORITY_LABELS: Record<(typeof TASK_PRIORITY_CODES)[number], DictionaryLabels> = {
  low: { en: 'Low', pl: 'Niski', hu: 'Alacsony' },
  normal: { en: 'Normal', pl: 'Normalny', hu: 'Normál' },
  high: { en: 'High', pl: 'Wysoki', hu: 'Magas' },
  urgent: { en: 'Urgent', pl: 'Pilny', hu: 'Sürgős' },
};
