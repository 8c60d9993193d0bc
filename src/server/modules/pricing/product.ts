import { defineObject, field, labels as L } from '../../metadata/define-object.ts';

/**
 * What the company sells: goods or services with a code, a unit, a default VAT rate (an offer's
 * line copies it, and may change it), a list price and a cost. A deactivated product stays on the
 * offers that have it and is not offered for new lines. The company's: every role that sells
 * reads them; who maintains them is a role's grant.
 */
export const product = defineObject({
  key: 'product',
  labels: {
    one: L('Product', 'Produkt', 'Termék'),
    many: L('Products', 'Produkty', 'Termékek'),
  },
  icon: 'package',
  titleFields: ['name'],
  grammaticalGender: { pl: 'masculine' },
  subtitleFields: ['code', 'unit'],
  searchFields: ['name', 'code'],
  activeField: 'active',
  defaultSort: [{ field: 'name', direction: 'asc' }],
  headerFacts: ['code', 'unit', 'list_price', 'tax_rate', 'active'],
  sections: [
    {
      key: 'product',
      labels: L('Product', 'Produkt', 'Termék'),
      fields: ['name', 'code', 'unit', 'category', 'active'],
    },
    {
      key: 'price',
      labels: L('Price', 'Cena', 'Ár'),
      fields: ['list_price', 'cost', 'tax_rate'],
    },
    { key: 'description', labels: L('Description', 'Opis', 'Leírás'), fields: ['description'] },
  ],
  fields: {
    name: field.text(L('Name', 'Nazwa', 'Név'), { required: true, maxLength: 200 }),
    code: field.text(L('Code', 'Kod', 'Cikkszám'), { required: true, maxLength: 50 }),
    unit: field.select(L('Unit', 'Jednostka', 'Mértékegység'), 'unit', {
      required: true,
      defaultCode: 'pcs',
    }),
    category: field.select(L('Category', 'Kategoria', 'Kategória'), 'product_category'),
    // Net, in the currency it is quoted in; a price list in another currency names its own price.
    list_price: field.money(L('List price', 'Cena katalogowa', 'Listaár'), { min: 0 }),
    cost: field.money(L('Cost', 'Koszt', 'Önköltség'), { min: 0 }),
    tax_rate: field.relation(L('VAT rate', 'Stawka VAT', 'Áfakulcs'), 'tax_rate'),
    description: field.longText(L('Description', 'Opis', 'Leírás'), { maxLength: 4000 }),
    active: field.boolean(L('Active', 'Aktywny', 'Aktív'), { defaultValue: true }),
  },
});
