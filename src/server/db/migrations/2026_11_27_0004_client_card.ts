import { sql } from 'kysely';
import { columnTypes, type MigrationDb } from './ddl.ts';

/**
 * The client card's own facts beyond contact data: registry numbers (REGON, KRS, EU VAT), the
 * profile, where the client came from, satisfaction (1–5), payment and delivery terms, and the
 * payment and credit limits as money (a whole number of minor units and an ISO 4217 currency,
 * never a float). `status_changed_at` says since when the client has its status ("inactive for
 * more than 90 days").
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const instant = sql.raw(t.instant);
  const columns: Array<[string, ReturnType<typeof sql.raw> | 'text' | 'integer']> = [
    ['regon', 'text'],
    ['krs', 'text'],
    ['eu_vat', 'text'],
    ['profile', 'text'],
    ['satisfaction', 'integer'],
    ['payment_terms_days', 'integer'],
    ['payment_limit_amount', id],
    ['payment_limit_currency', 'text'],
    ['credit_limit_amount', id],
    ['credit_limit_currency', 'text'],
    ['delivery_terms', 'text'],
    ['logistic_limits', 'text'],
    ['status_changed_at', instant],
  ];
  for (const [name, type] of columns) {
    await db.schema.alterTable('company').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('company')
    .addColumn('source_id', id, (c) => c.references('dictionary_value.id'))
    .execute();
  await db.schema
    .createIndex('company_status_changed_at')
    .on('company')
    .column('status_changed_at')
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('company_status_changed_at').execute();
  for (const name of [
    'regon',
    'krs',
    'eu_vat',
    'profile',
    'source_id',
    'satisfaction',
    'payment_terms_days',
    'payment_limit_amount',
    'payment_limit_currency',
    'credit_limit_amount',
    'credit_limit_currency',
    'delivery_terms',
    'logistic_limits',
    'status_changed_at',
  ]) {
    await db.schema.alterTable('company').dropColumn(name).execute();
  }
}
