import { sql } from 'kysely';
import { columnTypes, type MigrationDb, withId, withRecordColumns } from './ddl.ts';

/**
 * Prices (issue 13): VAT rates by country and validity, exchange rates by day and source,
 * products, price lists per currency and client group and their items. Amounts are whole minor
 * units and rates whole steps in 64-bit columns (ADR 0023); percentages basis points.
 */
export async function up(db: MigrationDb): Promise<void> {
  const t = columnTypes(db);
  const id = sql.raw(t.id);
  const bool = sql.raw(t.bool);
  const date = sql.raw(t.date);

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('tax_rate'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('rate', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('valid_from', date, (c) => c.notNull())
      .addColumn('valid_to', date),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('exchange_rate'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('base', 'text', (c) => c.notNull())
      .addColumn('units', 'integer', (c) => c.notNull())
      .addColumn('rate', id, (c) => c.notNull())
      .addColumn('day', date, (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('table_number', 'text'),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('product'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('unit_id', id, (c) => c.notNull().references('dictionary_value.id'))
      .addColumn('category_id', id, (c) => c.references('dictionary_value.id'))
      .addColumn('list_price_amount', id)
      .addColumn('list_price_currency', 'text')
      .addColumn('cost_amount', id)
      .addColumn('cost_currency', 'text')
      .addColumn('tax_rate_id', id, (c) => c.references('tax_rate.id'))
      .addColumn('description', 'text')
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('price_list'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('company_group_id', id, (c) => c.references('company_group.id'))
      .addColumn('valid_from', date, (c) => c.notNull())
      .addColumn('valid_to', date)
      .addColumn('description', 'text')
      .addColumn('active', bool, (c) => c.notNull()),
  ).execute();

  await withRecordColumns(
    db,
    withId(db, db.schema.createTable('price_list_item'))
      .addColumn('price_list_id', id, (c) => c.notNull().references('price_list.id'))
      .addColumn('product_id', id, (c) => c.notNull().references('product.id'))
      .addColumn('min_quantity', id, (c) => c.notNull())
      .addColumn('price_amount', id)
      .addColumn('price_currency', 'text')
      .addColumn('discount', 'integer', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();

  const unique: Array<[name: string, table: string, columns: string[]]> = [
    // One rate per code and first day in a country; a changed rate is a new row from its day.
    ['tax_rate_country_code_from', 'tax_rate', ['country', 'code', 'valid_from']],
    // A bank's table gives one rate per currency and day; a second import is refused, not doubled.
    ['exchange_rate_day_currency', 'exchange_rate', ['day', 'currency', 'base', 'source']],
    ['product_code', 'product', ['code']],
    ['price_list_item_product_from', 'price_list_item', ['price_list_id', 'product_id', 'min_quantity']],
  ];
  for (const [name, table, columns] of unique) {
    await db.schema.createIndex(name).on(table).columns(columns).unique().execute();
  }
  const indexes: Array<[table: string, columns: string[]]> = [
    // The latest rate of a currency on or before a day.
    ['exchange_rate', ['currency', 'base', 'day']],
    // A product's prices across the lists (the suggestion).
    ['price_list_item', ['product_id']],
    ['price_list', ['company_group_id']],
    ['product', ['tax_rate_id']],
  ];
  for (const [table, columns] of indexes) {
    await db.schema
      .createIndex(`${table}_${columns.join('_')}`)
      .on(table)
      .columns(columns)
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['price_list_item', 'price_list', 'product', 'exchange_rate', 'tax_rate']) {
    await db.schema.dropTable(table).execute();
  }
}
