import { z } from 'zod';
import { TEXT_ENCODINGS } from './files/encoding.ts';

export const importParams = z.object({ id: z.string().regex(/^\d{1,15}$/) });

export const duplicateRule = z.enum(['update', 'skip', 'create']);

/** `{"<column>": "<field>"}`; a field of a related record is `relation.field` (`company.tax_id`). */
export const mapping = z.record(z.string().max(200), z.string().max(130).nullable());

export const runBody = z.object({
  object: z.string().max(64),
  mapping,
  duplicates: duplicateRule,
  dryRun: z.boolean().default(false),
});

export const previewBody = runBody.omit({ dryRun: true });

export const uploadQuery = z.object({
  /** The file's encoding when the user knows it better than detection; a wrong one is corrected and reported. */
  encoding: z.enum(TEXT_ENCODINGS).optional(),
});

export const detected = z.object({
  format: z.enum(['csv', 'xlsx', 'vcard']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  columns: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  warnings: z.array(z.string()),
});

export const uploadResponse = z.object({
  id: z.number(),
  fileName: z.string(),
  rowCount: z.number(),
  detected,
  /** The object the columns most likely describe, and per object the field each column most likely fills. */
  guesses: z.object({
    object: z.string().nullable(),
    mappings: z.record(z.string(), z.record(z.string(), z.string().nullable())),
    /** Per object, every field a column may fill (`company.tax_id`: a field of the person's company). */
    targets: z.record(
      z.string(),
      z.array(
        z.object({ key: z.string(), labels: z.object({ en: z.string(), pl: z.string(), hu: z.string() }) }),
      ),
    ),
  }),
});

export const importStatus = z.object({
  id: z.number(),
  fileName: z.string(),
  status: z.enum([
    'uploading',
    'uploaded',
    'queued',
    'running',
    'checked',
    'done',
    'failed',
    'undoing',
    'undone',
  ]),
  object: z.string().nullable(),
  duplicates: duplicateRule.nullable(),
  dryRun: z.boolean(),
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /** Related records (companies of imported people) created. */
  relatedCreated: z.number(),
  /** Records the undo has handled so far, of `undoTotal`; conflicts: values changed since, left as they are. */
  undoProcessed: z.number(),
  undoTotal: z.number(),
  undoConflicts: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
});

const rowIssue = z.object({
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const previewResponse = z.object({
  rows: z.array(
    z.object({
      rowNumber: z.number(),
      action: z.enum(['create', 'update', 'unchanged', 'skip', 'fail']),
      recordId: z.number().nullable(),
      reason: z.string().nullable(),
      changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
      issues: z.array(rowIssue),
    }),
  ),
});

export const outcomesQuery = z.object({
  action: z.enum(['created', 'updated', 'unchanged', 'skipped', 'failed']).optional(),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const outcomesResponse = z.object({
  items: z.array(
    z.object({
      rowNumber: z.number(),
      object: z.string(),
      action: z.string(),
      recordId: z.number().nullable(),
      reason: z.string().nullable(),
      issues: z.array(rowIssue),
      cells: z.array(z.string()),
    }),
  ),
  nextAfter: z.number().nullable(),
});

export const savedMapping = z.object({
  id: z.number(),
  name: z.string(),
  object: z.string(),
  mapping,
  updatedAt: z.string(),
});

export const savedMappingBody = z.object({
  name: z.string().trim().min(1).max(100),
  object: z.string().max(64),
  mapping,
});
