import { z } from 'zod';

const failure = z.object({
  fromId: z.number().int(),
  toId: z.number().int(),
  count: z.number().int(),
  status: z.number().int(),
  code: z.string(),
  message: z.string(),
});

/** A background bulk action as `/api/bulk-runs/:id` and the bulk route's 202 show it. */
export const bulkRunSchema = z.object({
  id: z.number().int(),
  object: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  total: z
    .number()
    .int()
    .describe('Records in the selection when it started (an estimate when totalExact is false)'),
  totalExact: z.boolean(),
  processed: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int().describe('Records in refused batches, left as they were'),
  failures: z.array(failure).describe('The refused batches (the first 100), each with its reason'),
  error: z.string().nullable(),
  requestedBy: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
