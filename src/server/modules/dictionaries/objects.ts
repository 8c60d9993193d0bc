import { defineObject, field, labels as L } from '../../metadata/define-object.ts';
import { refuseDeletingUsedValue } from './in-use.ts';

/** Values of user-extendable dictionaries: industry, status, category, customer type, activity type… */
export const dictionaryValue = defineObject({
  key: 'dictionary_value',
  labels: {
    one: L('Dictionary value', 'Wartość słownika', 'Szótárérték'),
    many: L('Dictionary values', 'Słowniki', 'Szótárak'),
  },
  icon: 'list',
  // Deactivated values stay on the records that have them and are not offered for new ones.
  activeField: 'active',
  effects: [refuseDeletingUsedValue],
  titleFields: ['label_en'],
  grammaticalGender: { pl: 'feminine' },
  localizedTitle: { en: 'label_en', pl: 'label_pl', hu: 'label_hu' },
  defaultSort: [
    { field: 'dictionary', direction: 'asc' },
    { field: 'sort_order', direction: 'asc' },
  ],
  fields: {
    dictionary: field.text(L('Dictionary', 'Słownik', 'Szótár'), { required: true, maxLength: 50 }),
    code: field.text(L('Code', 'Kod', 'Kód'), { required: true, maxLength: 50 }),
    label_en: field.text(L('Label (English)', 'Etykieta (angielski)', 'Címke (angol)'), {
      required: true,
      maxLength: 100,
    }),
    label_pl: field.text(L('Label (Polish)', 'Etykieta (polski)', 'Címke (lengyel)'), {
      required: true,
      maxLength: 100,
    }),
    label_hu: field.text(L('Label (Hungarian)', 'Etykieta (węgierski)', 'Címke (magyar)'), {
      required: true,
      maxLength: 100,
    }),
    // Every value has a place in the list: one created without it comes first, and it cannot be
    // cleared (its column is NOT NULL; null is refused as a missing required value).
    sort_order: field.integer(L('Order', 'Kolejność', 'Sorrend'), {
      required: true,
      defaultValue: 0,
      min: 0,
      max: 100_000,
    }),
    color: field.text(L('Colour', 'Kolor', 'Szín'), { maxLength: 20 }),
    active: field.boolean(L('Active', 'Aktywna', 'Aktív'), { defaultValue: true }),
  },
});
