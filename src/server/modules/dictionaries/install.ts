import type { Dialect } from '../../db/dialects/dialect.ts';
import { DICTIONARY_SEEDS } from './standard-values.ts';

/**
 * Adds the standard dictionary values an installation lacks (a new one, or one upgraded to a
 * version with new dictionaries). A value is known by dictionary and code, so an administrator's
 * renames, colours, order and deactivations are kept; a value they deleted to the trash stays
 * deleted. Runs at every start in one transaction; the unique (dictionary, code) index makes a
 * second instance starting at the same moment fail its insert rather than duplicate a value.
 */
export async function installStandardDictionaries(dialect: Dialect, at: string): Promise<number> {
  return dialect.db.transaction().execute(async (trx) => {
    const present = new Set(
      (await trx.selectFrom('dictionary_value').select(['dictionary', 'code']).execute()).map(
        (row) => `${row.dictionary}:${row.code}`,
      ),
    );
    const missing = DICTIONARY_SEEDS.filter((entry) => !present.has(`${entry.dictionary}:${entry.code}`));
    if (missing.length === 0) return 0;
    await trx
      .insertInto('dictionary_value')
      .values(
        missing.map((entry) => ({
          dictionary: entry.dictionary,
          code: entry.code,
          label_en: entry.labels.en,
          label_pl: entry.labels.pl,
          label_hu: entry.labels.hu,
          sort_order: entry.sortOrder,
          active: dialect.encodeBoolean(true),
          created_at: at,
          updated_at: at,
          version: 1,
        })),
      )
      .execute();
    return missing.length;
  });
}
