import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/**
 * Saved views of the generic list (columns, filter, sort, row colour rules) and each user's
 * default view per object.
 *
 * A view is a user's setting, not a business record: it has audit columns and a version for
 * optimistic locking, but no trash (deleting one is final). `definition` is JSON kept as text
 * on both dialects: the server validates it against metadata and never queries inside it.
 *
 * There is no "default" flag on the view: `saved_view_default` holds each user's own choice per
 * object (a NULL view means "no default, the plain list"). A shared view its owner chose as their
 * own default is the fallback default of everyone who has not chosen (see views/service.ts).
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);

  await withId(db, db.schema.createTable('saved_view'))
    .addColumn('object_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('shared', sql.raw(t.bool), (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', id)
    .execute();
  // One name per owner and object: the menu tells views apart by name.
  await db.schema
    .createIndex('saved_view_owner_name')
    .on('saved_view')
    .columns(['owner_user_id', 'object_key', 'name'])
    .unique()
    .execute();
  await db.schema
    .createIndex('saved_view_object')
    .on('saved_view')
    .columns(['object_key', 'shared'])
    .execute();

  await db.schema
    .createTable('saved_view_default')
    .addColumn('user_id', id, (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('object_key', 'text', (c) => c.notNull())
    .addColumn('view_id', id, (c) => c.references('saved_view.id').onDelete('cascade'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_view_default_pk', ['user_id', 'object_key'])
    .execute();
  await db.schema.createIndex('saved_view_default_view').on('saved_view_default').column('view_id').execute();
}
