import { systemActor } from '../access/actor.ts';
import type { AppServices } from '../http/types.ts';
import { createRecords } from '../records/batch-writer.ts';
import { createRecord } from '../records/writer.ts';

/** A product of the demo catalogue: net list price in złoty (grosze), the Polish VAT code. */
interface DemoProduct {
  code: string;
  name: string;
  unit: string;
  category: string;
  listPrice: number;
  cost: number;
  vat: string;
}

/**
 * What the demo company sells (security systems and the work around them), so the price lists,
 * the suggested prices and later the offers have something real to quote.
 */
const PRODUCTS: readonly DemoProduct[] = [
  {
    code: 'CAM-4MP',
    name: 'IP camera 4 MP',
    unit: 'pcs',
    category: 'goods',
    listPrice: 89_000,
    cost: 52_000,
    vat: '23',
  },
  {
    code: 'CAM-8MP',
    name: 'IP camera 8 MP (4K)',
    unit: 'pcs',
    category: 'goods',
    listPrice: 149_000,
    cost: 91_000,
    vat: '23',
  },
  {
    code: 'NVR-16',
    name: 'Network video recorder, 16 channels',
    unit: 'pcs',
    category: 'goods',
    listPrice: 219_000,
    cost: 140_000,
    vat: '23',
  },
  {
    code: 'PIR-100',
    name: 'Motion sensor PIR-100',
    unit: 'pcs',
    category: 'goods',
    listPrice: 12_900,
    cost: 6_100,
    vat: '23',
  },
  {
    code: 'ALM-16',
    name: 'Alarm panel, 16 zones',
    unit: 'pcs',
    category: 'goods',
    listPrice: 74_900,
    cost: 43_000,
    vat: '23',
  },
  {
    code: 'ACR-1',
    name: 'Access card reader',
    unit: 'pcs',
    category: 'goods',
    listPrice: 38_500,
    cost: 21_000,
    vat: '23',
  },
  {
    code: 'UTP-6',
    name: 'Cable U/UTP cat. 6',
    unit: 'm',
    category: 'goods',
    listPrice: 290,
    cost: 140,
    vat: '23',
  },
  {
    code: 'SRV-INST',
    name: 'Installation work',
    unit: 'hour',
    category: 'services',
    listPrice: 18_000,
    cost: 9_500,
    vat: '23',
  },
  {
    code: 'SRV-DESIGN',
    name: 'System design',
    unit: 'day',
    category: 'services',
    listPrice: 160_000,
    cost: 80_000,
    vat: '23',
  },
  {
    code: 'SUP-MONTH',
    name: 'Maintenance contract',
    unit: 'month',
    category: 'support',
    listPrice: 45_000,
    cost: 15_000,
    vat: '23',
  },
  {
    code: 'TRN-DAY',
    name: 'Operator training',
    unit: 'day',
    category: 'training',
    listPrice: 240_000,
    cost: 90_000,
    vat: '8',
  },
  {
    code: 'VMS-LIC',
    name: 'Video management software licence',
    unit: 'licence',
    category: 'software',
    listPrice: 99_000,
    cost: 40_000,
    vat: '23',
  },
];

/** Euro and forint lists quote a subset at their own prices, as an exporter would. */
const RATE_EUR = 4.25;
const RATE_HUF = 0.0108;

export async function addDemoCatalogue(services: AppServices, today: string): Promise<void> {
  const ctx = services.records;
  const actor = systemActor('demo');
  const db = services.dialect.db;
  const dictionary = async (name: string) =>
    new Map(
      (
        await db
          .selectFrom('dictionary_value')
          .select(['id', 'code'])
          .where('dictionary', '=', name)
          .execute()
      ).map((row) => [String(row.code), Number(row.id)]),
    );
  const units = await dictionary('unit');
  const categories = await dictionary('product_category');
  const rates = new Map(
    (await db.selectFrom('tax_rate').select(['id', 'code']).where('country', '=', 'PL').execute()).map(
      (row) => [String(row.code), Number(row.id)],
    ),
  );
  const outcomes = await createRecords(
    ctx,
    actor,
    'product',
    PRODUCTS.map((product) => ({
      code: product.code,
      name: product.name,
      unit: units.get(product.unit),
      category: categories.get(product.category),
      list_price: { amount: product.listPrice, currency: 'PLN' },
      cost: { amount: product.cost, currency: 'PLN' },
      tax_rate: rates.get(product.vat),
    })),
  );
  const productIds = outcomes.map((outcome) => {
    if (outcome.error) throw outcome.error;
    return outcome.id;
  });
  const year = today.slice(0, 4);
  const group = await db.selectFrom('company_group').select('id').orderBy('id').executeTakeFirst();
  const list = async (values: Record<string, unknown>) =>
    Number((await createRecord(ctx, actor, 'price_list', { valid_from: `${year}-01-01`, ...values })).id);
  const standard = await list({ name: `Standard ${year}`, currency: 'PLN' });
  const partners = group
    ? await list({ name: `Partners ${year}`, currency: 'PLN', company_group: Number(group.id) })
    : null;
  const euro = await list({ name: `Export EUR ${year}`, currency: 'EUR' });
  const forint = await list({ name: `Magyarország HUF ${year}`, currency: 'HUF' });
  const items: Array<Record<string, unknown>> = [];
  for (const [index, product] of PRODUCTS.entries()) {
    const id = productIds[index];
    // The standard list at the list price, and cheaper from ten pieces of goods.
    items.push({ price_list: standard, product: id, price: { amount: product.listPrice, currency: 'PLN' } });
    if (product.category === 'goods')
      items.push({
        price_list: standard,
        product: id,
        min_quantity: 10,
        price: { amount: Math.round(product.listPrice * 0.95), currency: 'PLN' },
      });
    if (partners) items.push({ price_list: partners, product: id, discount: 15 });
    items.push({
      price_list: euro,
      product: id,
      price: { amount: Math.round(product.listPrice / RATE_EUR), currency: 'EUR' },
    });
    items.push({
      price_list: forint,
      product: id,
      // Forint prices are whole forints (100 fillér).
      price: { amount: Math.round(product.listPrice / RATE_HUF / 100) * 100, currency: 'HUF' },
    });
  }
  for (const outcome of await createRecords(ctx, actor, 'price_list_item', items))
    if (outcome.error) throw outcome.error;
}
