import { sql } from 'kysely';
import { foldText } from '../../../shared/text/fold.ts';
import type { Dialect, Tx } from '../../db/dialects/dialect.ts';

/**
 * Mentions in a note, kept simple on purpose:
 *
 * - `@login`: an account's login, as typed, up to a space or a punctuation mark other than
 *   `.`, `_`, `-`, `+` and `@` (logins may be e-mail addresses); a full stop ending a sentence
 *   is not part of it. The `@` must start a word, so `jan@example.com` mentions nobody.
 * - `@"First Last"`: an employee by full name (either order, as Hungarian writes it), compared
 *   without case or accents (`@"lukasz zolw"` finds Łukasz Żółw); every active account of that
 *   employee is mentioned. Two employees of the same name are both mentioned.
 */
export interface Mentions {
  logins: string[];
  names: string[];
}

const QUOTED = /(?<![\p{L}\p{N}_.@])@"([^"\n]{1,200})"/gu;
const LOGIN = /(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._+@-]{0,99})/gu;

export function parseMentions(text: string | null | undefined): Mentions {
  if (!text) return { logins: [], names: [] };
  const names = new Set<string>();
  for (const match of text.matchAll(QUOTED)) {
    const name = match[1]?.replace(/\s+/g, ' ').trim();
    if (name) names.add(name);
  }
  const logins = new Set<string>();
  for (const match of text.replaceAll(QUOTED, ' ').matchAll(LOGIN)) {
    const login = match[1]?.replace(/[.@-]+$/, '').toLowerCase();
    if (login) logins.add(login);
  }
  return { logins: [...logins], names: [...names] };
}

/** Mentions in `after` that `before` did not have: an edit mentions only whom it adds. */
export function addedMentions(before: Mentions, after: Mentions): Mentions {
  const foldedBefore = new Set(before.names.map(foldText));
  return {
    logins: after.logins.filter((login) => !before.logins.includes(login)),
    names: after.names.filter((name) => !foldedBefore.has(foldText(name))),
  };
}

/** The active accounts a note's mentions name. */
export async function mentionedAccounts(trx: Tx, dialect: Dialect, mentions: Mentions): Promise<number[]> {
  const found = new Set<number>();
  const active = dialect.encodeBoolean(true);
  if (mentions.logins.length > 0) {
    const rows = await trx
      .selectFrom('user_account')
      .select('id')
      .where('login', 'in', mentions.logins)
      .where('deleted_at', 'is', null)
      .where('active', '=', active)
      .execute();
    for (const row of rows) found.add(Number(row.id));
  }
  for (const name of mentions.names) {
    const folded = foldText(name);
    const rows = await trx
      .selectFrom('user_account as u')
      .innerJoin('employee as e', 'e.id', 'u.employee_id')
      .select('u.id')
      .where('u.deleted_at', 'is', null)
      .where('u.active', '=', active)
      .where('e.deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb(dialect.folded(sql`e.first_name || ' ' || e.last_name`), '=', folded),
          eb(dialect.folded(sql`e.last_name || ' ' || e.first_name`), '=', folded),
        ]),
      )
      .execute();
    for (const row of rows) found.add(Number(row.id));
  }
  return [...found];
}
