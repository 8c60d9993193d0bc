import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { actorUserId } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { isBackupName, listBackups } from './backup.ts';
import { BACKUP_JOB } from './jobs.ts';
import { insertRun, latestRuns, loadRun } from './runs.ts';

const tags = ['backups'];
/** How many runs the screen shows: the last days' schedule and whatever was started by hand. */
const RUNS_SHOWN = 10;

const runSchema = z.object({
  id: z.number(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().min(0).max(1).describe('0..1'),
  fileName: z.string().nullable().describe('The backup file it wrote, once done'),
  bytes: z.number().nullable(),
  error: z
    .string()
    .nullable()
    .describe('Why it failed; null on a failed run: it stopped without finishing (the server went away)'),
  requestedBy: z.number().nullable().describe('The account that started it; null: the schedule'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
const fileSchema = z.object({
  name: z.string(),
  bytes: z.number(),
  createdAt: z.string().describe('When the file was written'),
});
const listResponse = z.object({
  items: z.array(fileSchema).describe('The backup files, newest first'),
  runs: z.array(runSchema).describe(`The latest ${RUNS_SHOWN} runs, newest first`),
  schedule: z.object({
    cron: z.string().nullable().describe('KARTOTEKA_BACKUP_CRON; null: no automatic backups'),
    timeZone: z.string().describe('KARTOTEKA_TIME_ZONE, the clock the schedule follows'),
    keep: z.number().describe('KARTOTEKA_BACKUP_KEEP: how many of the newest files stay'),
    dir: z.string().describe('KARTOTEKA_BACKUP_DIR on the server'),
  }),
});

/** Administrators see the backups, start one and follow it, and download one (issue 11 §1). */
export async function backupRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const { config, dialect } = services;

  app.get(
    '/api/backups',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'The backup files, the latest runs and the schedule',
        response: { 200: listResponse },
      },
    },
    async () => ({
      items: await listBackups(config.backup.dir),
      runs: await latestRuns(dialect.db, RUNS_SHOWN),
      schedule: {
        cron: config.backup.cron,
        timeZone: config.timeZone,
        keep: config.backup.keep,
        dir: config.backup.dir,
      },
    }),
  );

  app.post(
    '/api/backups',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Back up now: queues a backup as a background job; follow it with GET /api/backups/runs/:id',
        description:
          '409 while another backup is queued or running, on any instance. The new file then appears in GET /api/backups.',
        response: { 202: z.object({ run: runSchema }) },
      },
    },
    async (request, reply) => {
      const requestedBy = actorUserId(actorOf(request));
      const run = await dialect.db.transaction().execute(async (trx) => {
        const queued = await insertRun(
          dialect,
          { status: 'queued', requestedBy, jobId: null, now: services.now() },
          trx,
        );
        if (!queued) throw errors.conflict('A backup is already queued or running: wait for it to finish');
        // Once: a failed backup says why on its run, and the administrator decides to try again.
        await services.jobs.enqueue(BACKUP_JOB, { runId: queued.id }, { maxAttempts: 1 }, trx);
        return queued;
      });
      return reply.status(202).send({ run });
    },
  );

  app.get(
    '/api/backups/runs/:id',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'One backup run: its status and progress, polled while it runs',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: runSchema },
      },
    },
    async (request) => {
      const run = await loadRun(dialect.db, request.params.id);
      if (!run) throw errors.notFound(`Backup run ${request.params.id} does not exist`);
      return run;
    },
  );

  app.get(
    '/api/backups/files/:name',
    {
      config: { policy: 'administrator' },
      schema: {
        tags,
        summary: 'Download a backup file (application/x-tar); restore it with `kartoteka restore FILE`',
        description:
          '400 for a name that is not a backup file’s, 404 for one that is not (or no longer) there.',
        params: z.object({ name: z.string().max(200) }),
        produces: ['application/x-tar'],
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      // The name joins a path on the server: only names the backup itself gives are accepted.
      if (!isBackupName(name)) throw errors.badRequest(`"${name}" is not the name of a backup file`);
      // Opened before answering: a file pruned meanwhile is a 404, and once open it stays readable.
      const handle = await fs.open(path.join(config.backup.dir, name), 'r').catch(() => null);
      if (!handle) throw errors.notFound(`There is no backup ${name}`);
      const stat = await handle.stat().catch(() => null);
      if (!stat?.isFile()) {
        await handle.close();
        throw errors.notFound(`There is no backup ${name}`);
      }
      return reply
        .header('content-type', 'application/x-tar')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('content-length', stat.size)
        .send(handle.createReadStream());
    },
  );
}
