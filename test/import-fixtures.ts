import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Session } from './harness.ts';
import type { EnvGetter } from './record-fixtures.ts';

/** A multipart/form-data body with one file field, as a browser's FormData sends it. */
export function multipartBody(fileName: string, content: Buffer | string, type = 'application/octet-stream') {
  const boundary = `----kartoteka${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const payload = Buffer.concat([head, typeof content === 'string' ? Buffer.from(content) : content, tail]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface UploadBody {
  id: number;
  rowCount: number;
  detected: {
    format: string;
    encoding: string | null;
    delimiter: string | null;
    columns: string[];
    sampleRows: string[][];
    warnings: string[];
  };
  guesses: { object: string | null; mappings: Record<string, Record<string, string | null>> };
}

export interface ImportStatus {
  id: number;
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  relatedCreated: number;
  undoProcessed: number;
  undoTotal: number;
  undoConflicts: number;
  error: string | null;
}

/** Uploads a file through `POST /api/imports` as the session (the administrator by default). */
export function upload(
  env: EnvGetter,
  fileName: string,
  content: Buffer | string,
  options: { session?: Session; encoding?: string } = {},
): Promise<LightMyRequestResponse> {
  const session = options.session ?? env().admin;
  const { payload, headers } = multipartBody(fileName, content);
  return env().app.inject({
    method: 'POST',
    url: `/api/imports${options.encoding ? `?encoding=${options.encoding}` : ''}`,
    headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    payload,
  });
}

export async function uploaded(
  env: EnvGetter,
  fileName: string,
  content: Buffer | string,
  session?: Session,
) {
  const response = await upload(env, fileName, content, { session });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<UploadBody>();
}

export interface RunRequest {
  object: string;
  mapping: Record<string, string | null>;
  duplicates: 'update' | 'skip' | 'create';
  dryRun?: boolean;
}

/** Starts a run and drives the job queue until the import has finished; returns its status. */
export async function runToEnd(
  env: EnvGetter,
  id: number,
  body: RunRequest,
  session?: Session,
): Promise<ImportStatus> {
  const started = await env().api('POST', `/api/imports/${id}/run`, body, session);
  expect(started.statusCode, started.body).toBe(202);
  return settle(env, id, session);
}

/** Runs due jobs until the import is no longer queued, running or undoing. */
export async function settle(env: EnvGetter, id: number, session?: Session): Promise<ImportStatus> {
  for (let round = 0; round < 50; round++) {
    await env().services.jobs.runDue();
    const status = (await env().api('GET', `/api/imports/${id}`, undefined, session)).json<ImportStatus>();
    if (!['queued', 'running', 'undoing'].includes(status.status)) return status;
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads and imports with the server's own guesses for `object`, or the given mapping. */
export async function importFile(
  env: EnvGetter,
  fileName: string,
  content: Buffer | string,
  request: Partial<RunRequest> & { object: string },
): Promise<{ upload: UploadBody; status: ImportStatus }> {
  const body = await uploaded(env, fileName, content);
  const mapping = request.mapping ?? body.guesses.mappings[request.object] ?? {};
  const status = await runToEnd(env, body.id, { duplicates: 'update', dryRun: false, ...request, mapping });
  return { upload: body, status };
}
