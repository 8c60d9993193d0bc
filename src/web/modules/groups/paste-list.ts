/**
 * A pasted list of identifiers (tax ids of companies, e-mails of people) read into lookup keys,
 * and the records a lookup found matched back to what was pasted. Pure: tested without a browser.
 */

/** How an identifier is compared: a tax id without separators, an e-mail case aside. */
export type IdentifierKind = 'taxId' | 'email';

/** One pasted identifier: as the user wrote it (for "not found") and as it is compared. */
export interface PastedIdentifier {
  text: string;
  key: string;
}

/** Lines, commas, semicolons and tabs always separate; spaces do too, except inside a number. */
const CHUNK_SEPARATORS = /[\r\n,;\t]+/;
/** What a spreadsheet or a mail client puts around a value: quotes, brackets, "NIP:". */
const WRAPPING = /^[\s"'“”„«»<([{]+|[\s"'“”„«»>)\]}.:]+$/g;
const NUMBER_PART = /^[\d./-]+$/;
const COUNTRY_PREFIX = /^[A-Za-z]{2}$/;
/** A tax id has at least this many digits (REGON 9, NIP 10); shorter runs are parts of one. */
const SHORTEST_TAX_ID = 9;

const digitCount = (text: string) => text.replace(/\D/g, '').length;

export function identifierKey(kind: IdentifierKind, text: string): string {
  return kind === 'email' ? text.trim().toLowerCase() : text.replace(/[\s./-]/g, '').toUpperCase();
}

/**
 * The keys a stored value may have for one pasted tax id: `PL5260250250` is also looked up as
 * `5260250250`, since a Polish company's NIP is stored without the EU VAT prefix.
 */
export function lookupKeys(kind: IdentifierKind, key: string): string[] {
  if (kind === 'taxId' && /^[A-Z]{2}\d{8,}$/.test(key)) return [key, key.slice(2)];
  return [key];
}

/**
 * `526 025 02 50` is one NIP, `PL 5260250250` one VAT number: a number part joins the one before
 * it while that is still too short to be a tax id, and a country prefix joins the number after it.
 */
function taxIdTokens(fragments: string[]): string[] {
  const tokens: string[] = [];
  for (const fragment of fragments) {
    const previous = tokens[tokens.length - 1];
    const joins =
      previous !== undefined &&
      NUMBER_PART.test(fragment) &&
      (COUNTRY_PREFIX.test(previous) ||
        (NUMBER_PART.test(previous) && digitCount(previous) < SHORTEST_TAX_ID));
    if (joins) tokens[tokens.length - 1] = `${previous}${fragment}`;
    else tokens.push(fragment);
  }
  // Words without a digit ("NIP", a company's name) are not identifiers; a lone prefix neither.
  return tokens.filter((token) => /\d/.test(token));
}

/**
 * The identifiers in a pasted text, each once, in the order pasted. For e-mails, a line with an
 * address keeps only its addresses: `Jan Kowalski <jan@example.com>` is `jan@example.com`.
 */
export function parsePastedList(text: string, kind: IdentifierKind): PastedIdentifier[] {
  const seen = new Set<string>();
  const result: PastedIdentifier[] = [];
  for (const chunk of text.split(CHUNK_SEPARATORS)) {
    const fragments = chunk
      .split(/\s+/)
      .map((fragment) => fragment.replace(WRAPPING, ''))
      .filter((fragment) => fragment !== '');
    const tokens =
      kind === 'taxId'
        ? taxIdTokens(fragments)
        : fragments.some((fragment) => fragment.includes('@'))
          ? fragments.filter((fragment) => fragment.includes('@'))
          : fragments;
    for (const token of tokens) {
      const key = identifierKey(kind, token);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      result.push({ text: token, key });
    }
  }
  return result;
}

export interface Resolution<T> {
  /** Every record some pasted identifier named, each once, in the order pasted. */
  found: T[];
  /** The identifiers no record has, as they were pasted. */
  notFound: string[];
  /** Identifiers that several records share (two branches with one NIP): all of them are found. */
  ambiguous: string[];
}

/** Matches the records a lookup returned back to the pasted identifiers. */
export function matchPasted<T extends { id: number }>(
  kind: IdentifierKind,
  pasted: PastedIdentifier[],
  records: T[],
  identifierOf: (record: T) => unknown,
): Resolution<T> {
  const byKey = new Map<string, T[]>();
  for (const record of records) {
    const value = identifierOf(record);
    if (typeof value !== 'string' || value === '') continue;
    const key = identifierKey(kind, value);
    byKey.set(key, [...(byKey.get(key) ?? []), record]);
  }
  const found = new Map<number, T>();
  const notFound: string[] = [];
  const ambiguous: string[] = [];
  for (const identifier of pasted) {
    const matches = [...new Set(lookupKeys(kind, identifier.key).flatMap((key) => byKey.get(key) ?? []))];
    if (matches.length === 0) notFound.push(identifier.text);
    if (matches.length > 1) ambiguous.push(identifier.text);
    for (const record of matches) found.set(record.id, record);
  }
  return { found: [...found.values()], notFound, ambiguous };
}
