import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../access/actor.ts';
import { actorUserId } from '../../access/actor.ts';
import { authorize, restrictedRights } from '../../access/policy.ts';
import { AppError, errors } from '../../errors.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { errorReport } from './error-report.ts';
import { fileTooBig } from './files/problems.ts';
import { openFile } from './files/read.ts';
import { guessMappings } from './guesses.ts';
import { MAX_IMPORT_BYTES } from './limits.ts';
import { planImport } from './mapping.ts';
import { mappingRoutes } from './mapping-routes.ts';
import { outcomePage } from './outcomes.ts';
import { previewImport } from './preview.ts';
import { RUN_ATTEMPTS, RUN_JOB } from './run-job.ts';
import {
  importParams,
  importStatus,
  outcomesQuery,
  outcomesResponse,
  previewBody,
  previewResponse,
  runBody,
  uploadQuery,
  uploadResponse,
} from './schemas.ts';
import { type ImportRecord, loadImport, storeUpload } from './store.ts';
import { UNDO_JOB } from './undo.ts';

/** Room for the multipart envelope around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** The import of the id, if the actor started it (administrators see every one); else 404. */
async function ownImport(services: AppServices, actor: Actor, rawId: string): Promise<ImportRecord> {
  const found = await loadImport(services.dialect, Number(rawId));
  const mine = found && (found.createdBy === actorUserId(actor) || !restrictedRights(actor));
  if (!found || !mine || found.status === 'uploading')
    throw errors.notFound(`Import ${rawId} does not exist`);
  return found;
}

async function statusOf(services: AppServices, found: ImportRecord): Promise<z.infer<typeof importStatus>> {
  const undoable = await services.dialect.db
    .selectFrom('data_import_outcome')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('import_id', '=', found.id)
    .where('action', 'in', ['created', 'updated'])
    .executeTakeFirst();
  return {
    id: found.id,
    fileName: found.fileName,
    status: found.status,
    object: found.object,
    duplicates: found.duplicates,
    dryRun: found.dryRun,
    total: found.rowCount,
    processed: found.processed,
    created: found.created,
    updated: found.updated,
    skipped: found.skipped,
    failed: found.failed,
    relatedCreated: found.relatedCreated,
    undoProcessed: found.undoProcessed,
    undoTotal: found.dryRun ? 0 : Number(undoable?.n ?? 0),
    undoConflicts: found.undoConflicts,
    error: found.error,
    createdAt: found.createdAt,
    startedAt: found.startedAt,
    finishedAt: found.finishedAt,
    undoneAt: found.undoneAt,
  };
}

/** The uploaded file, whole, or 413 as soon as it is over the limit (nothing is stored). */
async function receiveFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES + ENVELOPE_BYTES) throw fileTooBig(MAX_IMPORT_BYTES);
  if (!request.isMultipart()) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the file as multipart/form-data in a field named "file"',
    );
  }
  const part = await request.file();
  if (!part) throw errors.badRequest('The request has no file: send it in a field named "file"');
  try {
    return { bytes: await part.toBuffer(), fileName: part.filename || 'import' };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooBig(MAX_IMPORT_BYTES);
    throw error;
  }
}

export async function importRoutes(app: AppInstance, services: AppServices): Promise<void> {
  // Encapsulated in this plugin: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, parts: 5 } });
  const tags = ['imports'];
  const db = services.dialect.db;

  app.post(
    '/api/imports',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: `Upload a file to import (multipart/form-data, field "file"): CSV, Excel .xlsx or vCard, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
        description:
          'Detects the format, the encoding (UTF-8 with or without BOM, windows-1250, ISO-8859-2) and the CSV delimiter, stores the rows and answers with the columns, the first rows and the likely mapping. 413 above the size limit, 415 for a file that is not a spreadsheet or contacts file, 400 for a broken one.',
        consumes: ['multipart/form-data'],
        querystring: uploadQuery,
        response: { 201: uploadResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { bytes, fileName } = await receiveFile(request);
      const file = await openFile(bytes, request.query.encoding);
      const stored = await storeUpload(services.dialect, file, {
        fileName,
        fileSize: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        userId: actorUserId(actor),
        at: services.now().toISOString(),
      });
      return reply.status(201).send({
        id: stored.id,
        fileName,
        rowCount: stored.rowCount,
        detected: {
          format: file.format,
          encoding: file.encoding,
          delimiter: file.delimiter,
          columns: file.columns,
          sampleRows: stored.sampleRows,
          warnings: file.warnings,
        },
        guesses: guessMappings(services.registry, actor, file.columns),
      });
    },
  );

  app.get(
    '/api/imports/:id',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'An import’s status and progress',
        params: importParams,
        response: { 200: importStatus },
      },
    },
    async (request) => statusOf(services, await ownImport(services, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/imports/:id/preview',
    {
      config: { policy: 'authenticated', reads: true },
      schema: {
        tags,
        summary:
          'What the first rows would do with this mapping (create, update, skip, fail) and why, without writing',
        params: importParams,
        body: previewBody,
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const found = await ownImport(services, actor, request.params.id);
      const plan = planImport(services.registry, actor, request.body, found.columns);
      return { rows: await previewImport(services, actor, found, plan) };
    },
  );

  app.post(
    '/api/imports/:id/run',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Run the import (or a dry run that writes nothing) as a background job; poll GET /api/imports/:id',
        params: importParams,
        body: runBody,
        response: { 202: importStatus },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await ownImport(services, actor, request.params.id);
      planImport(services.registry, actor, request.body, found.columns);
      if (found.status !== 'uploaded' && found.status !== 'checked') {
        throw errors.conflict(
          `Import ${found.id} is ${found.status}: upload the file again to import it again`,
        );
      }
      const { object, mapping, duplicates, dryRun } = request.body;
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('data_import_outcome').where('import_id', '=', found.id).execute();
        const moved = await trx
          .updateTable('data_import')
          .set({
            status: 'queued',
            object,
            mapping: JSON.stringify(mapping),
            duplicates,
            dry_run: services.dialect.encodeBoolean(dryRun),
            processed: 0,
            created: 0,
            updated: 0,
            skipped: 0,
            failed: 0,
            related_created: 0,
            error: null,
            started_at: null,
            finished_at: null,
          })
          .where('id', '=', found.id)
          .where('status', '=', found.status)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1)
          throw errors.conflict(`Import ${found.id} was started meanwhile`);
        await services.jobs.enqueue(RUN_JOB, { importId: found.id }, { maxAttempts: RUN_ATTEMPTS }, trx);
      });
      return reply
        .status(202)
        .send(await statusOf(services, (await loadImport(services.dialect, found.id)) as ImportRecord));
    },
  );

  app.get(
    '/api/imports/:id/rows',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Outcomes of a run or dry run, row by row (filter by action), with the rows’ cells and issues',
        params: importParams,
        querystring: outcomesQuery,
        response: { 200: outcomesResponse },
      },
    },
    async (request) => {
      const found = await ownImport(services, actorOf(request), request.params.id);
      return outcomePage(services.dialect, found, request.query);
    },
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'The rows not imported, with what was wrong, as an Excel file to fix and import again',
        params: importParams,
        querystring: z.object({ locale: z.enum(['en', 'pl', 'hu']).optional() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await ownImport(services, actor, request.params.id);
      const name = `${found.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import'}-errors.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(errorReport(services.dialect, found, request.query.locale ?? actor.locale));
    },
  );

  app.post(
    '/api/imports/:id/undo',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Undo a finished import as a background job: created records go to the trash, updated ones get their previous values back',
        params: importParams,
        response: { 202: importStatus },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await ownImport(services, actor, request.params.id);
      if ((found.status !== 'done' && found.status !== 'failed') || found.dryRun || !found.object) {
        throw errors.conflict(
          `Import ${found.id} is ${found.dryRun ? 'a dry run' : found.status}: there is nothing to undo`,
        );
      }
      const kinds = await db
        .selectFrom('data_import_outcome')
        .select(['object', 'action'])
        .distinct()
        .where('import_id', '=', found.id)
        .where('action', 'in', ['created', 'updated'])
        .execute();
      for (const kind of kinds) {
        authorize(
          services.registry,
          actor,
          String(kind.object),
          kind.action === 'created' ? 'delete' : 'update',
        );
      }
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('data_import')
          .set({ status: 'undoing', undone_by: actorUserId(actor), undo_processed: 0, undo_conflicts: 0 })
          .where('id', '=', found.id)
          .where('status', '=', found.status)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw errors.conflict(`Import ${found.id} changed meanwhile`);
        await services.jobs.enqueue(UNDO_JOB, { importId: found.id }, { maxAttempts: RUN_ATTEMPTS }, trx);
      });
      return reply
        .status(202)
        .send(await statusOf(services, (await loadImport(services.dialect, found.id)) as ImportRecord));
    },
  );

  await mappingRoutes(app, services);
}
