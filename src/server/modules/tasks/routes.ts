import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppInstance, AppServices } from '../../http/types.ts';
import { checkId } from '../../records/reader.ts';
import { createChain, startChain } from './chains.ts';
import { claimTask, decideClaim } from './claims.ts';
import { delegateTask } from './delegate.ts';
import { STEP_CONDITIONS, STEP_ROLES } from './task-chain.ts';

const tags = ['tasks'];
const record = z.record(z.string(), z.unknown());
const params = z.object({ id: z.string().max(20) });
const errorCodes = (codes: string) => `Refusals: ${codes}`;

/**
 * What tasks do beyond the records API: ask to be assigned, accept or decline such a request,
 * delegate part of a task as a subtask. Each is one transaction through the records engine,
 * so history, events (and so notifications) come as for any write.
 */
export async function taskRoutes(app: AppInstance, services: AppServices): Promise<void> {
  const ctx = services.records;

  app.post(
    '/api/tasks/:id/claim',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'Ask to be assigned a task you can see; its requester or register keeper decides',
        description: errorCodes(
          '404 a task you cannot read; 409 `already_assigned`, `task_finished`, `claim_pending` (details.claim: the open request); 400 `no_employee`',
        ),
        params,
        body: z.object({ note: z.string().max(2000).optional() }).optional(),
        response: { 201: record.describe('The request (task_claim record)') },
      },
    },
    async (request, reply) => {
      const claim = await claimTask(ctx, actorOf(request), checkId(request.params.id), request.body?.note);
      return reply.status(201).send(claim);
    },
  );

  for (const [action, decision] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const) {
    app.post(
      `/api/task-claims/:id/${action}`,
      {
        config: { policy: 'authenticated' },
        schema: {
          tags,
          summary:
            decision === 'accepted'
              ? "Accept a request to take on a task: the task becomes the claimant's, other open requests are declined"
              : 'Decline a request to take on a task',
          description: errorCodes(
            "404 a request or task you cannot read; 403 you are neither the task's requester nor its register's keeper; 409 `claim_decided`",
          ),
          params,
          response: { 200: record.describe('The decided request') },
        },
      },
      async (request) => decideClaim(ctx, actorOf(request), checkId(request.params.id), decision),
    );
  }

  app.post(
    '/api/task-chains',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          'Create a chain template: an ordered list of steps, each making a task when the one before it is finished',
        description: errorCodes(
          '403 without the create right on task chains; 400 an unknown register or employee',
        ),
        body: z.object({
          name: z.string().min(1).max(200),
          description: z.string().max(2000).optional(),
          steps: z
            .array(
              z.object({
                title: z.string().min(1).max(300),
                register: z.number().int().positive(),
                assignee: z.number().int().positive().nullable().optional(),
                assigneeRole: z
                  .enum(STEP_ROLES)
                  .optional()
                  .describe(
                    'Who does it when no assignee is named: `starter` (default), `previous_assignee`, `register_keeper`',
                  ),
                dueOffsetDays: z.number().int().min(0).max(3650).nullable().optional(),
                condition: z
                  .enum(STEP_CONDITIONS)
                  .optional()
                  .describe('How the previous step must have ended: `done` (default), `cancelled`, `any`'),
              }),
            )
            .min(1)
            .max(50),
        }),
        response: { 201: record.describe('The chain (task_chain record) with `steps`') },
      },
    },
    async (request, reply) => reply.status(201).send(await createChain(ctx, actorOf(request), request.body)),
  );

  app.post(
    '/api/task-chains/:id/start',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: "Start a chain for a client or a case: its first step's task, asked for by you",
        description: errorCodes(
          '404 a chain you cannot read; 400 a company or case you cannot read; 409 `chain_inactive`, `chain_empty`',
        ),
        params,
        body: z
          .object({
            company: z.number().int().positive().optional(),
            case: z.number().int().positive().optional(),
          })
          .optional(),
        response: { 201: record.describe('The first task') },
      },
    },
    async (request, reply) => {
      const first = await startChain(ctx, actorOf(request), checkId(request.params.id), request.body ?? {});
      return reply.status(201).send(first);
    },
  );

  app.post(
    '/api/tasks/:id/delegate',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary:
          "Delegate part of a task to an employee as a new subtask, carrying the parent's content (description, topic, priority, due time, client, case, person) or bare",
        description: errorCodes(
          '404 a task you cannot read; 403 a task you may not change; 400 an unknown employee',
        ),
        params,
        body: z.object({
          employee: z.number().int().positive(),
          withContent: z.boolean().default(true),
        }),
        response: { 201: record.describe('The new subtask') },
      },
    },
    async (request, reply) => {
      const { employee, withContent } = request.body;
      const subtask = await delegateTask(
        ctx,
        actorOf(request),
        checkId(request.params.id),
        employee,
        withContent,
      );
      return reply.status(201).send(subtask);
    },
  );
}
