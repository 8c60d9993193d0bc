import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from './ddl.ts';

/**
 * PostgreSQL's twin of foldText (src/shared/text/fold.ts), frozen as SQL: filters that match
 * "contains" without regard to case or accents give the same rows on both dialects. On SQLite
 * the application registers kt_fold as a function on every connection instead.
 * Generated from foldToPostgresSql('value') on 2026-11-23; if foldText changes, a new
 * migration replaces this function.
 */
const FOLD_EXPRESSION =
  "translate(translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(value), 'Æ', 'ae'), 'æ', 'ae'), 'Ĳ', 'ij'), 'ĳ', 'ij'), 'Œ', 'oe'), 'œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'Þ', 'th'), 'þ', 'th'), 'AÀÁÂÃÄÅàáâãäåĀāĂăĄąBCÇçĆćĈĉĊċČčDÐðĎďĐđEÈÉÊËèéêëĒēĔĕĖėĘęĚěFGĜĝĞğĠġĢģHĤĥĦħIÌÍÎÏìíîïĨĩĪīĬĭĮįİıJĴĵKĶķĸLĹĺĻļĽľĿŀŁłMNÑñŃńŅņŇňŉŊŋOÒÓÔÕÖØòóôõöøŌōŎŏŐőPQRŔŕŖŗŘřSŚśŜŝŞşŠšſȘșTŢţŤťŦŧȚțUÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųVWŴŵXYÝýÿŶŷŸZŹźŻżŽž', 'aaaaaaaaaaaaaaaaaaabcccccccccccdddddddeeeeeeeeeeeeeeeeeeefggggggggghhhhhiiiiiiiiiiiiiiiiiiijjjkkkklllllllllllmnnnnnnnnnnnnooooooooooooooooooopqrrrrrrrsssssssssssstttttttttuuuuuuuuuuuuuuuuuuuuuvwwwxyyyyyyyzzzzzzz'), '̴̵̶̷̸̡̢̧̨̛̖̗̘̙̜̝̞̟̠̣̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡', '')";

export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION kt_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $kt$ SELECT ${FOLD_EXPRESSION} $kt$`,
    )
    .execute(db);
}
