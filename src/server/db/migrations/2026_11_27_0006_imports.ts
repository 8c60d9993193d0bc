import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId } from './ddl.ts';

/**
 * The import wizard: an uploaded file's parsed rows, the run's settings and progress, one
 * outcome per record a row touched (what undo needs), and saved column mappings. The duplicate
 * rules look records up through the indexes of the duplicates migration (e-mail, phone, name
 * key) and `company_tax_id`.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  const bool = sql.raw(t.bool);

  await withId(db, db.schema.createTable('data_import'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_size', 'integer', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    // uploaded → queued → running → checked (dry run) | done | failed; done → undoing → undone
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('object', 'text')
    .addColumn('mapping', 'text')
    .addColumn('duplicates', 'text')
    .addColumn('dry_run', bool)
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('related_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('undo_processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('undo_conflicts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', instant)
    .addColumn('finished_at', instant)
    .addColumn('undone_at', instant)
    .addColumn('undone_by', id)
    .execute();
  await db.schema.createIndex('data_import_created_by').on('data_import').column('created_by').execute();

  // The file as parsed: one row of cell texts (a JSON array) per data row, numbered from 1.
  await db.schema
    .createTable('data_import_row')
    .addColumn('import_id', id, (c) => c.notNull().references('data_import.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_import_row_pk', ['import_id', 'row_number'])
    .execute();

  // What happened to each record a row touched: the row's own record and a company it created.
  await db.schema
    .createTable('data_import_outcome')
    .addColumn('import_id', id, (c) => c.notNull().references('data_import.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    // created | updated | unchanged | skipped | failed
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_id', id)
    // Fingerprint of the row's mapped values: the same row imported again is recognised.
    .addColumn('row_hash', 'text')
    // updated: {field: [old, new]} for undo; failed: [{column, field, code, message}]
    .addColumn('detail', 'text')
    .addColumn('undone', bool)
    .addPrimaryKeyConstraint('data_import_outcome_pk', ['import_id', 'row_number', 'object'])
    .execute();
  await db.schema
    .createIndex('data_import_outcome_hash')
    .on('data_import_outcome')
    .columns(['object', 'row_hash'])
    .execute();

  await withId(db, db.schema.createTable('import_mapping'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', id)
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_mapping_name')
    .on('import_mapping')
    .columns(['object', 'name'])
    .unique()
    .execute();
}
