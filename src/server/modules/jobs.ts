import type { AppServices } from '../http/types.ts';
import { registerImportJobs } from './imports/jobs.ts';
import { registerNotificationJobs } from './notifications/jobs.ts';
import { registerReminderJobs } from './reminders/schedule.ts';

/**
 * Each capability that runs work in the background registers its job handlers here, the way
 * `app.ts` composes routes; the platform's queue knows no capability by name.
 */
const MODULE_JOBS: Array<(services: AppServices) => void> = [
  registerImportJobs,
  registerNotificationJobs,
  registerReminderJobs,
];

export function registerModuleJobs(services: AppServices): void {
  for (const register of MODULE_JOBS) register(services);
}
