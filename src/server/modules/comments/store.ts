import { type Actor, actorUserId } from '../../access/actor.ts';
import { AppError, errors } from '../../errors.ts';
import type { RecordsContext } from '../../records/context.ts';
import { writeEvent } from '../../records/events.ts';
import { getRecord } from '../../records/reader.ts';

export const COMMENT_EVENT_OBJECT = 'record_comment';
export const MAX_COMMENT_LENGTH = 5000;
const PAGE = 100;

export interface CommentItem {
  id: number;
  body: string;
  author: { id: number; name: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Whether the reader wrote it (and so may change or delete it). */
  mine: boolean;
}

/**
 * The record a conversation is under, read as the reader: one they may not read is 404 like a
 * missing one; an object that takes no comments is 404 too.
 */
async function commentedRecord(ctx: RecordsContext, actor: Actor, object: string, id: number) {
  if (!ctx.registry.get(object)?.comments) throw errors.notFound(`${object} records take no comments`);
  return getRecord(ctx, actor, object, id);
}

function checkBody(body: string): string {
  const text = body.trim();
  if (text === '') throw errors.validation([{ field: 'body', code: 'required', message: 'is required' }]);
  if (text.length > MAX_COMMENT_LENGTH)
    throw errors.validation([
      { field: 'body', code: 'too_long', message: `must be at most ${MAX_COMMENT_LENGTH} characters` },
    ]);
  return text;
}

/** A record's comments, oldest first, a page after `after` (a comment id). */
export async function listComments(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  id: number,
  after: number | null,
): Promise<{ items: CommentItem[]; nextCursor: string | null }> {
  await commentedRecord(ctx, actor, object, id);
  let query = ctx.dialect.db
    .selectFrom('record_comment as c')
    .leftJoin('user_account as u', 'u.id', 'c.author_id')
    .leftJoin('employee as e', 'e.id', 'u.employee_id')
    .select([
      'c.id',
      'c.body',
      'c.author_id',
      'c.created_at',
      'c.updated_at',
      'c.version',
      'u.login',
      'e.first_name',
      'e.last_name',
    ])
    .where('c.object', '=', object)
    .where('c.record_id', '=', id)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.id')
    .limit(PAGE + 1);
  if (after !== null) query = query.where('c.id', '>', after);
  const rows = await query.execute();
  const me = actorUserId(actor);
  const items = rows.slice(0, PAGE).map((row) => {
    const authorId = row.author_id === null ? null : Number(row.author_id);
    const name = [row.first_name, row.last_name].filter(Boolean).join(' ') || String(row.login ?? '');
    return {
      id: Number(row.id),
      body: String(row.body),
      author: authorId === null ? null : { id: authorId, name },
      createdAt: new Date(String(row.created_at)).toISOString(),
      updatedAt: new Date(String(row.updated_at)).toISOString(),
      version: Number(row.version),
      mine: authorId !== null && authorId === me,
    };
  });
  return { items, nextCursor: rows.length > PAGE ? String(items.at(-1)?.id) : null };
}

/**
 * Adds a comment. Reading the record is the right to take part in its conversation. The event
 * it writes (in the same transaction) is what tells the record's followers and whom it
 * mentions, through the notification consumer.
 */
export async function addComment(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  id: number,
  body: string,
): Promise<number> {
  if (actor.kind !== 'user') throw errors.forbidden('Only users comment');
  const text = checkBody(body);
  await commentedRecord(ctx, actor, object, id);
  const at = ctx.now().toISOString();
  const commentId = await ctx.dialect.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('record_comment')
      .values({
        object,
        record_id: id,
        author_id: actor.userId,
        body: text,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const newId = Number(row.id);
    await writeEvent(trx, {
      object: COMMENT_EVENT_OBJECT,
      recordId: newId,
      type: 'created',
      payload: { object, recordId: id, changes: [{ field: 'body', old: null, new: text }] },
      actorId: actor.userId,
      createdAt: at,
    });
    return newId;
  });
  void ctx.events.kick();
  return commentId;
}

/** Changes or deletes one's own comment, with the version it was read at. */
export async function changeComment(
  ctx: RecordsContext,
  actor: Actor,
  commentId: number,
  change: { body: string; version: number } | { delete: true; version: number },
): Promise<void> {
  const row = await ctx.dialect.db
    .selectFrom('record_comment')
    .select(['object', 'record_id', 'author_id', 'body', 'version', 'deleted_at'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!row || row.deleted_at !== null) throw errors.notFound(`No comment ${commentId}`);
  // The author may not read the record any more: then the comment is out of reach too.
  await commentedRecord(ctx, actor, String(row.object), Number(row.record_id));
  if (actor.kind !== 'user' || Number(row.author_id) !== actor.userId)
    throw new AppError(403, 'not_yours', 'Only its author may change or delete a comment');
  const text = 'body' in change ? checkBody(change.body) : null;
  const at = ctx.now().toISOString();
  await ctx.dialect.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('record_comment')
      .set(
        text === null
          ? { deleted_at: at, updated_at: at, version: change.version + 1 }
          : { body: text, updated_at: at, version: change.version + 1 },
      )
      .where('id', '=', commentId)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw errors.conflict(`Comment ${commentId} was changed meanwhile; read it again`);
    if (text !== null)
      await writeEvent(trx, {
        object: COMMENT_EVENT_OBJECT,
        recordId: commentId,
        type: 'updated',
        payload: {
          object: String(row.object),
          recordId: Number(row.record_id),
          changes: [{ field: 'body', old: String(row.body), new: text }],
        },
        actorId: actor.userId,
        createdAt: at,
      });
  });
  void ctx.events.kick();
}
