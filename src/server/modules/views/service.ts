import type { z } from 'zod';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { SavedView, SavedViewList, ViewDefinition } from '../../../shared/views/types.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import type { Dialect, Executor } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';
import { visibleLookup } from '../../records/visible.ts';
import { definitionForReader } from './for-reader.ts';
import {
  checkDefinition,
  type createViewBody,
  type setDefaultBody,
  type updateViewBody,
  type ViewDefinitionInput,
} from './schema.ts';

/**
 * Saved views. Who sees what:
 * - a view is its owner's; only the owner may change, share, unshare or delete it;
 * - a shared view is visible (read-only) to every user; a private one to its owner only, and
 *   to everyone else it does not exist (404, like a record outside one's row scope);
 * - the default view per user and object is the user's own choice (`saved_view_default`);
 *   choosing "no default" is a choice too (a row with a NULL view). A user who has not chosen,
 *   or whose chosen view is no longer visible, gets the fallback: a shared view that its owner
 *   chose as their own default ("default for everyone"; the most recently chosen one if several
 *   owners did so). Roles will later decide who may set defaults for others.
 */
export interface ViewsContext {
  dialect: Dialect;
  registry: MetadataRegistry;
  now: () => Date;
}

interface ViewRow {
  id: number;
  object_key: string;
  name: string;
  owner_user_id: number;
  owner_login: string;
  shared: boolean;
  definition: ViewDefinition;
  version: number;
  updated_at: string;
}

interface UserActor {
  userId: number;
  locale: Actor['locale'];
}

/** Views belong to people; system work has no views. */
function userOf(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw errors.forbidden('Saved views belong to a user');
  return { userId: actor.userId, locale: actor.locale };
}

function objectMeta(ctx: ViewsContext, actor: Actor, object: string): ObjectMeta {
  if (!ctx.registry.describe(object)) throw errors.notFound(`Unknown object "${object}"`);
  // Whoever may not list an object's records has no use for views of it.
  authorize(ctx.registry, actor, object, 'read');
  const meta = visibleLookup(ctx.registry, actor)(object);
  if (!meta) throw errors.notFound(`Unknown object "${object}"`);
  return meta;
}

function validDefinition(
  ctx: ViewsContext,
  actor: Actor,
  meta: ObjectMeta,
  input: ViewDefinitionInput,
): ViewDefinition {
  const { definition, issues } = checkDefinition(input, meta, visibleLookup(ctx.registry, actor));
  if (issues.length > 0) throw errors.validation(issues);
  return definition;
}

function viewQuery(executor: Executor) {
  return executor
    .selectFrom('saved_view')
    .innerJoin('user_account', 'user_account.id', 'saved_view.owner_user_id')
    .select([
      'saved_view.id',
      'saved_view.object_key',
      'saved_view.name',
      'saved_view.owner_user_id',
      'user_account.login as owner_login',
      'saved_view.shared',
      'saved_view.definition',
      'saved_view.version',
      'saved_view.updated_at',
    ]);
}

function decodeRow(dialect: Dialect, row: Record<string, unknown>): ViewRow {
  return {
    id: Number(row.id),
    object_key: String(row.object_key),
    name: String(row.name),
    owner_user_id: Number(row.owner_user_id),
    owner_login: String(row.owner_login),
    shared: dialect.decodeBoolean(row.shared) === true,
    definition: JSON.parse(String(row.definition)) as ViewDefinition,
    version: Number(row.version),
    updated_at: String(row.updated_at),
  };
}

/** One view as the user may see it: 404 when it does not exist or is someone else's private view. */
async function visibleView(ctx: ViewsContext, executor: Executor, user: UserActor, id: number) {
  const row = await viewQuery(executor).where('saved_view.id', '=', id).executeTakeFirst();
  const view = row ? decodeRow(ctx.dialect, row) : null;
  if (!view || (!view.shared && view.owner_user_id !== user.userId)) {
    throw errors.notFound(`View ${id} does not exist`);
  }
  return view;
}

async function ownView(ctx: ViewsContext, executor: Executor, user: UserActor, id: number) {
  const view = await visibleView(ctx, executor, user, id);
  if (view.owner_user_id !== user.userId) {
    throw errors.forbidden('Only the owner of a view may change or delete it');
  }
  return view;
}

interface DefaultChoice {
  user_id: number;
  view_id: number | null;
  updated_at: string;
}

async function defaultChoices(executor: Executor, object: string): Promise<DefaultChoice[]> {
  const rows = await executor
    .selectFrom('saved_view_default')
    .select(['user_id', 'view_id', 'updated_at'])
    .where('object_key', '=', object)
    .execute();
  return rows.map((row) => ({
    user_id: Number(row.user_id),
    view_id: row.view_id === null ? null : Number(row.view_id),
    updated_at: String(row.updated_at),
  }));
}

/** Shared views whose owner chose them as their own default. */
function defaultsForEveryone(views: ViewRow[], choices: DefaultChoice[]): Set<number> {
  return new Set(
    views
      .filter((v) => v.shared && choices.some((c) => c.user_id === v.owner_user_id && c.view_id === v.id))
      .map((v) => v.id),
  );
}

function effectiveDefault(
  user: UserActor,
  views: ViewRow[],
  choices: DefaultChoice[],
  forEveryone: Set<number>,
): number | null {
  const own = choices.find((c) => c.user_id === user.userId);
  if (own && (own.view_id === null || views.some((v) => v.id === own.view_id))) return own.view_id;
  const fallback = choices
    .filter((c) => c.view_id !== null && forEveryone.has(c.view_id))
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || (b.view_id ?? 0) - (a.view_id ?? 0))[0];
  return fallback?.view_id ?? null;
}

function present(
  view: ViewRow,
  user: UserActor,
  defaultId: number | null,
  forEveryone: Set<number>,
): SavedView {
  return {
    id: view.id,
    object: view.object_key,
    name: view.name,
    shared: view.shared,
    isDefault: view.id === defaultId,
    defaultForEveryone: forEveryone.has(view.id),
    mine: view.owner_user_id === user.userId,
    ownerId: view.owner_user_id,
    ownerLogin: view.owner_login,
    definition: view.definition,
    version: view.version,
    updatedAt: view.updated_at,
  };
}

/** The views of an object the user can see (own first, then shared by others; by name within each). */
export async function listViews(ctx: ViewsContext, actor: Actor, object: string): Promise<SavedViewList> {
  const user = userOf(actor);
  objectMeta(ctx, actor, object);
  const { db } = ctx.dialect;
  const rows = await viewQuery(db)
    .where('saved_view.object_key', '=', object)
    .where((eb) =>
      eb.or([
        eb('saved_view.owner_user_id', '=', user.userId),
        eb('saved_view.shared', '=', ctx.dialect.encodeBoolean(true)),
      ]),
    )
    .execute();
  const collator = new Intl.Collator(user.locale);
  const lookup = visibleLookup(ctx.registry, actor);
  const views = rows
    .map((row) => decodeRow(ctx.dialect, row))
    .flatMap((view) => {
      const definition = definitionForReader(view.definition, object, lookup);
      return definition ? [{ ...view, definition }] : [];
    })
    .sort(
      (a, b) =>
        Number(b.owner_user_id === user.userId) - Number(a.owner_user_id === user.userId) ||
        collator.compare(a.name, b.name) ||
        a.id - b.id,
    );
  const choices = await defaultChoices(db, object);
  const forEveryone = defaultsForEveryone(views, choices);
  const defaultViewId = effectiveDefault(user, views, choices, forEveryone);
  return { items: views.map((v) => present(v, user, defaultViewId, forEveryone)), defaultViewId };
}

/** One view as `listViews` would show it (its default flags included). */
export async function getView(ctx: ViewsContext, actor: Actor, id: number): Promise<SavedView> {
  const user = userOf(actor);
  const view = await visibleView(ctx, ctx.dialect.db, user, id);
  const found = (await listViews(ctx, actor, view.object_key)).items.find((v) => v.id === id);
  if (!found) throw errors.notFound(`View ${id} does not exist`);
  return found;
}

async function writeDefault(
  executor: Executor,
  userId: number,
  object: string,
  viewId: number | null,
  at: string,
): Promise<void> {
  await executor
    .insertInto('saved_view_default')
    .values({ user_id: userId, object_key: object, view_id: viewId, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['user_id', 'object_key']).doUpdateSet({ view_id: viewId, updated_at: at }),
    )
    .execute();
}

/** Runs a write; a second view with the same name of the same owner and object is a 409. */
async function inTransaction<T>(
  ctx: ViewsContext,
  name: string | undefined,
  work: (executor: Executor) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.dialect.db.transaction().execute(work);
  } catch (error) {
    if (ctx.dialect.isUniqueViolation(error)) {
      throw errors.conflict(`You already have a view named "${name ?? ''}" for this list`, {
        fields: [{ field: 'name', code: 'duplicate', message: 'this name is taken' }],
      });
    }
    throw error;
  }
}

export async function createView(
  ctx: ViewsContext,
  actor: Actor,
  body: z.infer<typeof createViewBody>,
): Promise<SavedView> {
  const user = userOf(actor);
  const meta = objectMeta(ctx, actor, body.object);
  const definition = validDefinition(ctx, actor, meta, body.definition);
  const at = ctx.now().toISOString();
  const id = await inTransaction(ctx, body.name, async (trx) => {
    const row = await trx
      .insertInto('saved_view')
      .values({
        object_key: meta.key,
        name: body.name,
        owner_user_id: user.userId,
        shared: ctx.dialect.encodeBoolean(body.shared),
        definition: JSON.stringify(definition),
        version: 1,
        created_at: at,
        created_by: user.userId,
        updated_at: at,
        updated_by: user.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const viewId = Number(row.id);
    if (body.isDefault) await writeDefault(trx, user.userId, meta.key, viewId, at);
    return viewId;
  });
  return getView(ctx, actor, id);
}

/** Changes name, sharing or content; `version` must be the one the user read (409 otherwise). */
export async function updateView(
  ctx: ViewsContext,
  actor: Actor,
  id: number,
  body: z.infer<typeof updateViewBody>,
): Promise<SavedView> {
  const user = userOf(actor);
  const before = await ownView(ctx, ctx.dialect.db, user, id);
  const meta = objectMeta(ctx, actor, before.object_key);
  const definition = body.definition ? validDefinition(ctx, actor, meta, body.definition) : undefined;
  if (before.version !== body.version) throw await staleView(ctx, actor, id);
  const changes: Record<string, unknown> = {};
  if (body.name !== undefined) changes.name = body.name;
  if (body.shared !== undefined) changes.shared = ctx.dialect.encodeBoolean(body.shared);
  if (definition) changes.definition = JSON.stringify(definition);
  const at = ctx.now().toISOString();
  const updated = await inTransaction(ctx, body.name, (trx) =>
    trx
      .updateTable('saved_view')
      .set({ ...changes, version: body.version + 1, updated_at: at, updated_by: user.userId })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst(),
  );
  if (!updated) throw await staleView(ctx, actor, id);
  return getView(ctx, actor, id);
}

async function staleView(ctx: ViewsContext, actor: Actor, id: number) {
  const current = await getView(ctx, actor, id);
  return errors.conflict(`View ${id} was changed meanwhile; review the current version`, { current });
}

/** Deletes a view for good (views have no trash); everyone's default choice of it goes too. */
export async function deleteView(
  ctx: ViewsContext,
  actor: Actor,
  id: number,
  version: number | undefined,
): Promise<void> {
  const user = userOf(actor);
  const before = await ownView(ctx, ctx.dialect.db, user, id);
  if (version !== undefined && before.version !== version) throw await staleView(ctx, actor, id);
  const expected = version ?? before.version;
  // The foreign key cascades to saved_view_default: whoever chose it falls back to the rule above.
  const deleted = await ctx.dialect.db
    .deleteFrom('saved_view')
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw await staleView(ctx, actor, id);
}

/** The user's own default for an object: a view they can see, or null for the plain list. */
export async function setDefaultView(
  ctx: ViewsContext,
  actor: Actor,
  body: z.infer<typeof setDefaultBody>,
): Promise<SavedViewList> {
  const user = userOf(actor);
  const meta = objectMeta(ctx, actor, body.object);
  if (body.viewId !== null) {
    const view = await visibleView(ctx, ctx.dialect.db, user, body.viewId);
    if (view.object_key !== meta.key) {
      throw errors.validation([
        { field: 'viewId', code: 'wrong_object', message: `view ${view.id} is a view of ${view.object_key}` },
      ]);
    }
  }
  await writeDefault(ctx.dialect.db, user.userId, meta.key, body.viewId, ctx.now().toISOString());
  return listViews(ctx, actor, meta.key);
}
