import type { Dialect } from '../../db/dialects/dialect.ts';
import type { TAX_RATE_KINDS } from './tax-rate.ts';

interface TaxRateSeed {
  country: 'PL' | 'HU';
  code: string;
  name: string;
  /** Per cent. */
  rate: number;
  kind: (typeof TAX_RATE_KINDS)[number];
  validFrom: string;
}

/**
 * The VAT rates an installation starts with. Poland: the rates of the VAT act (in force since
 * 1 May 2004; 23/8/5 % since 1 January 2011) and the codes printed instead of a rate ("zw"
 * exempt, "np" not subject, "oo" reverse charge). Hungary: 27 % since 1 January 2012, 18 %
 * since 1 July 2009, 5 %, 0 %, and the exemptions "AAM" (alanyi) and "TAM" (tárgyi).
 */
export const STANDARD_TAX_RATES: readonly TaxRateSeed[] = [
  { country: 'PL', code: '23', name: '23%', rate: 23, kind: 'standard', validFrom: '2011-01-01' },
  { country: 'PL', code: '8', name: '8%', rate: 8, kind: 'reduced', validFrom: '2011-01-01' },
  { country: 'PL', code: '5', name: '5%', rate: 5, kind: 'reduced', validFrom: '2011-01-01' },
  { country: 'PL', code: '0', name: '0%', rate: 0, kind: 'zero', validFrom: '2004-05-01' },
  { country: 'PL', code: 'zw', name: 'zw.', rate: 0, kind: 'exempt', validFrom: '2004-05-01' },
  { country: 'PL', code: 'np', name: 'np.', rate: 0, kind: 'not_subject', validFrom: '2004-05-01' },
  { country: 'PL', code: 'oo', name: 'o.o.', rate: 0, kind: 'reverse_charge', validFrom: '2004-05-01' },
  { country: 'HU', code: '27', name: '27%', rate: 27, kind: 'standard', validFrom: '2012-01-01' },
  { country: 'HU', code: '18', name: '18%', rate: 18, kind: 'reduced', validFrom: '2009-07-01' },
  { country: 'HU', code: '5', name: '5%', rate: 5, kind: 'reduced', validFrom: '2004-01-01' },
  { country: 'HU', code: '0', name: '0%', rate: 0, kind: 'zero', validFrom: '2004-01-01' },
  { country: 'HU', code: 'AAM', name: 'AAM', rate: 0, kind: 'exempt', validFrom: '2004-01-01' },
  { country: 'HU', code: 'TAM', name: 'TAM', rate: 0, kind: 'exempt', validFrom: '2004-01-01' },
];

/**
 * Adds the standard rates an installation lacks, known by country, code and first day: an
 * administrator's renames, end dates and deletions (to the trash) are kept. Runs at every start
 * in one transaction, like the standard dictionaries.
 */
export async function installStandardTaxRates(dialect: Dialect, at: string): Promise<number> {
  return dialect.db.transaction().execute(async (trx) => {
    const present = new Set(
      (await trx.selectFrom('tax_rate').select(['country', 'code', 'valid_from']).execute()).map(
        (row) => `${row.country}:${row.code}:${String(row.valid_from)}`,
      ),
    );
    const missing = STANDARD_TAX_RATES.filter(
      (seed) => !present.has(`${seed.country}:${seed.code}:${seed.validFrom}`),
    );
    if (missing.length === 0) return 0;
    await trx
      .insertInto('tax_rate')
      .values(
        missing.map((seed) => ({
          country: seed.country,
          code: seed.code,
          name: seed.name,
          rate: seed.rate * 100,
          kind: seed.kind,
          valid_from: seed.validFrom,
          created_at: at,
          updated_at: at,
          version: 1,
        })),
      )
      .execute();
    return missing.length;
  });
}
