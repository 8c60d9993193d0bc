import type { AppServices } from '../../http/types.ts';
import type { ModuleSchedule } from '../../jobs/scheduler.ts';
import { createBackup, pruneBackups } from './backup.ts';

export const BACKUP_JOB = 'backups.run';

/** A staging folder or partial archive untouched this long belongs to a backup that died. */
const ABANDONED_AFTER_MS = 6 * 3_600_000;

/**
 * The backup as a job: the daily schedule and an administrator's "Back up now" both queue it,
 * so it runs once even with several instances, and the newest KARTOTEKA_BACKUP_KEEP files stay.
 */
export function registerBackupJobs(services: AppServices): void {
  const { config } = services;
  services.jobs.register(BACKUP_JOB, async () => {
    await createBackup({
      dialect: services.dialect,
      dir: config.backup.dir,
      dataDir: config.dataDir,
      productVersion: services.version,
      now: services.now(),
    });
    await pruneBackups(
      config.backup.dir,
      config.backup.keep,
      new Date(services.now().getTime() - ABANDONED_AFTER_MS),
    );
  });
}

/** The daily backup (KARTOTEKA_BACKUP_CRON in KARTOTEKA_TIME_ZONE; `off` for none). */
export function backupSchedules(services: AppServices): ModuleSchedule[] {
  const { cron } = services.config.backup;
  return cron ? [{ name: 'backup', cron, job: BACKUP_JOB, timeZone: services.config.timeZone }] : [];
}
