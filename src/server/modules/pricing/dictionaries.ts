import type { DictionaryLabels } from '../dictionaries/standard-values.ts';

// The standard values of the pricing module's dictionaries, installed with the others by
// `dictionaries/standard-values.ts` (which imports these lists; this file only imports its type).

/** Units of measure as documents print them: "szt.", "db", "godz.", "óra". */
export const UNIT_CODES = [
  'pcs',
  'hour',
  'day',
  'month',
  'kg',
  'm',
  'm2',
  'l',
  'service',
  'licence',
] as const;
export const UNIT_LABELS: Record<(typeof UNIT_CODES)[number], DictionaryLabels> = {
  pcs: { en: 'pcs', pl: 'szt.', hu: 'db' },
  hour: { en: 'h', pl: 'godz.', hu: 'óra' },
  day: { en: 'day', pl: 'dzień', hu: 'nap' },
  month: { en: 'month', pl: 'mies.', hu: 'hó' },
  kg: { en: 'kg', pl: 'kg', hu: 'kg' },
  m: { en: 'm', pl: 'm', hu: 'm' },
  m2: { en: 'm²', pl: 'm²', hu: 'm²' },
  l: { en: 'l', pl: 'l', hu: 'l' },
  service: { en: 'service', pl: 'usł.', hu: 'szolg.' },
  licence: { en: 'licence', pl: 'licencja', hu: 'licenc' },
};

/** Product groups for reports (sales by product group); administrators add their own. */
export const PRODUCT_CATEGORY_CODES = ['goods', 'services', 'software', 'training', 'support'] as const;
export const PRODUCT_CATEGORY_LABELS: Record<(typeof PRODUCT_CATEGORY_CODES)[number], DictionaryLabels> = {
  goods: { en: 'Goods', pl: 'Towary', hu: 'Áruk' },
  services: { en: 'Services', pl: 'Usługi', hu: 'Szolgáltatások' },
  software: { en: 'Software', pl: 'Oprogramowanie', hu: 'Szoftver' },
  training: { en: 'Training', pl: 'Szkolenia', hu: 'Képzések' },
  support: { en: 'Support and maintenance', pl: 'Wsparcie i serwis', hu: 'Támogatás és karbantartás' },
};
