import type { Dialect } from '../db/dialects/dialect.ts';
import { installStandardDictionaries } from './dictionaries/install.ts';
import { installStandardTaxRates } from './pricing/standard-tax-rates.ts';

/**
 * What each capability puts into every installation at every start (the standard dictionary
 * values, the VAT rates), adding only what is missing: composed here like the jobs, so the
 * runtime knows no capability by name.
 */
const STANDARD_DATA: Array<(dialect: Dialect, at: string) => Promise<number>> = [
  installStandardDictionaries,
  installStandardTaxRates,
];

export async function installStandardData(dialect: Dialect, at: string): Promise<void> {
  for (const install of STANDARD_DATA) await install(dialect, at);
}
