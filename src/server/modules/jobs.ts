import type { AppServices } from '../http/types.ts';
import type { ModuleSchedule } from '../jobs/scheduler.ts';
import { backupSchedules, registerBackupJobs } from './backups/jobs.ts';
import { registerImportJobs } from './imports/jobs.ts';
import { registerNotificationJobs } from './notifications/jobs.ts';
import { registerBulkJobs } from './records/bulk-jobs.ts';
import { registerReminderJobs } from './reminders/schedule.ts';

/**
 * Each capability that runs work in the background registers its job handlers here, the way
 * `app.ts` composes routes; the platform's queue knows no capability by name.
 */
const MODULE_JOBS: Array<(services: AppServices) => void> = [
  registerBackupJobs,
  registerBulkJobs,
  registerImportJobs,
  registerNotificationJobs,
  registerReminderJobs,
];

export function registerModuleJobs(services: AppServices): void {
  for (const register of MODULE_JOBS) register(services);
}

/** Jobs a capability wants run on a clock; `kartoteka serve` schedules them (once across instances). */
const MODULE_SCHEDULES: Array<(services: AppServices) => ModuleSchedule[]> = [backupSchedules];

export function moduleSchedules(services: AppServices): ModuleSchedule[] {
  return MODULE_SCHEDULES.flatMap((schedules) => schedules(services));
}
