import { sql } from 'kysely';
import { columnTypes, type MigrationDb } from './ddl.ts';

/**
 * The campaign a prospect came through, shown with its source and interest on the card. For
 * now a dictionary administrators fill (`campaign`); the sales module's campaign records will
 * take the values over. Indexed: "prospects of the spring campaign" is a list filter.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = sql.raw(columnTypes(db).id);
  await db.schema
    .alterTable('company')
    .addColumn('campaign_id', id, (c) => c.references('dictionary_value.id'))
    .execute();
  await db.schema.createIndex('company_campaign').on('company').column('campaign_id').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('company_campaign').execute();
  await db.schema.alterTable('company').dropColumn('campaign_id').execute();
}
