/*
 * Rich text (notes) is stored as HTML restricted to one allow-list. The server sanitises to it
 * on write (sanitize-html) and the web again before showing it (DOMPurify), so a row written
 * around the API (an old import, a hand edit) still cannot run script in the app. Both read the
 * list from here so they cannot drift apart.
 */

/** The only elements rich text keeps; everything else is dropped (its text kept, script's not). */
export const RICH_TEXT_TAGS: readonly string[] = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'h3',
  'h4',
  'a',
];

/** The only attributes: a link's target address. `rel`/`target` are added where shown, never stored. */
export const RICH_TEXT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'] };

/** Link schemes a note may point at; `javascript:` and `data:` never. */
export const RICH_TEXT_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** Whether a link address is one rich text keeps: absolute, with an allowed scheme. */
export function isAllowedHref(href: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  return match !== null && RICH_TEXT_SCHEMES.includes((match[1] ?? '').toLowerCase());
}

/** Whether text carries markup at all; a note written before rich text is plain text. */
export function hasMarkup(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Elements that end a line: their text is not run together with the next block's. */
const BLOCK_END = /<\/(p|li|blockquote|pre|h3|h4|ul|ol)\s*>|<br\s*\/?>/gi;

/**
 * The words of rich text without its markup, for titles, search, summaries, e-mails and print:
 * tags dropped (blocks and line breaks become line ends), entities decoded. Plain text (a note
 * written before rich text) is returned as it is, so a literal `&amp;` or `a < b` in it survives.
 */
export function richTextPlain(html: string): string {
  if (!hasMarkup(html)) return html;
  const text = html
    .replace(BLOCK_END, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t\f\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n');
  return decodeEntities(text).trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain text (from an API client, an import, an old note) as rich text: each paragraph (blank
 * line) a `<p>`, single line ends `<br>`, everything escaped. So `a < b` stays text, not a tag.
 */
export function plainToRichText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
