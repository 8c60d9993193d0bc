import type { Executor } from '../../db/dialects/dialect.ts';
import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { invalidField } from '../cases/rules.ts';
import { validToNotBeforeFrom } from './validity.ts';

/**
 * Prices in one currency for some clients over a span of days: for a client group (dealers,
 * key accounts) or, without one, for everyone. The offer form suggests a line's price from the
 * most specific list valid on the offer's day (`suggest.ts`).
 */
export const priceList = defineObject({
  key: 'price_list',
  labels: {
    one: L('Price list', 'Cennik', 'Árlista'),
    many: L('Price lists', 'Cenniki', 'Árlisták'),
  },
  icon: 'list-details',
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['currency', 'company_group'],
  searchFields: ['name'],
  activeField: 'active',
  defaultSort: [{ field: 'name', direction: 'asc' }],
  invariants: [validToNotBeforeFrom('price_list')],
  headerFacts: ['currency', 'company_group', 'valid_from', 'valid_to', 'active'],
  sections: [
    {
      key: 'price_list',
      labels: L('Price list', 'Cennik', 'Árlista'),
      fields: ['name', 'currency', 'company_group', 'valid_from', 'valid_to', 'active'],
    },
    { key: 'description', labels: L('Description', 'Opis', 'Leírás'), fields: ['description'] },
  ],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 100 }),
    currency: field.currency(L('Currency', 'Waluta', 'Pénznem'), { required: true }),
    company_group: field.relation(
      L('For client group', 'Dla grupy klientów', 'Ügyfélcsoportnak'),
      'company_group',
    ),
    valid_from: field.date(L('Valid from', 'Obowiązuje od', 'Érvényes ettől'), { required: true }),
    valid_to: field.date(L('Valid to', 'Obowiązuje do', 'Érvényes eddig')),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 2000 }),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});

/**
 * A product's price in a list, from a quantity on: its own price in the list's currency, or the
 * product's list price when it names none, less the item's discount.
 */
async function priceInListCurrency(executor: Executor, id: number): Promise<void> {
  const row = await executor
    .selectFrom('price_list_item as i')
    .innerJoin('price_list as l', 'l.id', 'i.price_list_id')
    .select(['i.price_currency', 'l.currency'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (row?.price_currency && row.price_currency !== row.currency)
    throw invalidField('price', 'currency', `must be in the price list's currency, ${String(row.currency)}`);
}

export const priceListItem = defineObject({
  key: 'price_list_item',
  labels: {
    one: L('Price list item', 'Pozycja cennika', 'Árlistatétel'),
    many: L('Price list items', 'Pozycje cennika', 'Árlistatételek'),
  },
  icon: 'tag',
  titleFields: ['product'],
  grammaticalGender: { pl: 'feminine' },
  subtitleFields: ['price_list', 'min_quantity'],
  defaultSort: [
    { field: 'price_list', direction: 'asc' },
    { field: 'product', direction: 'asc' },
  ],
  invariants: [priceInListCurrency],
  fields: {
    price_list: field.relation(L('Price list', 'Cennik', 'Árlista'), 'price_list', { required: true }),
    product: field.relation(L('Product', 'Produkt', 'Termék'), 'product', { required: true }),
    min_quantity: field.decimal(L('From quantity', 'Od ilości', 'Mennyiségtől'), 3, {
      required: true,
      min: 0,
      defaultValue: 1,
    }),
    price: field.money(L('Price', 'Cena', 'Ár'), { min: 0 }),
    discount: field.percent(L('Discount', 'Rabat', 'Kedvezmény'), {
      required: true,
      min: 0,
      max: 100,
      defaultValue: 0,
    }),
    note: field.text(L('Note', 'Uwaga', 'Megjegyzés'), { maxLength: 200 }),
  },
});
