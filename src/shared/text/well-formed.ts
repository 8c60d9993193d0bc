/**
 * Text the application can keep. PostgreSQL refuses a NUL character in `text` and `jsonb`, and a
 * lone UTF-16 surrogate (half of an emoji, only ever sent as a JSON `\ud800` escape) cannot be
 * written as UTF-8 at all, so neither may enter from outside: both dialects refuse them alike,
 * rather than SQLite keeping what PostgreSQL would fail on.
 */

/** A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is this expression's purpose.
const ILL_FORMED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const ILL_FORMED_ALL = new RegExp(ILL_FORMED.source, 'g');

export const ILL_FORMED_TEXT_CODE = 'invalid_text';
export const ILL_FORMED_TEXT_MESSAGE =
  'must not contain a NUL character or half of a UTF-16 surrogate pair (an unpaired \\ud800–\\udfff)';

/** Whether the text has a character no column can store (see above). */
export function isIllFormedText(text: string): boolean {
  return ILL_FORMED.test(text);
}

/** Nesting deeper than this is walked no further; JSON this deep is refused elsewhere or harmless. */
const MAX_DEPTH = 256;

/**
 * Where in a parsed JSON value (object keys included) the first ill-formed string is, as a path
 * like `definition.filter.and[1].value`; null when there is none. Walked with its own stack, so a
 * deeply nested body cannot overflow the call stack.
 */
export function findIllFormedText(value: unknown, root = ''): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: current, path, depth } = item;
    if (typeof current === 'string') {
      if (isIllFormedText(current)) return path;
      continue;
    }
    if (typeof current !== 'object' || current === null || depth >= MAX_DEPTH) continue;
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], path: `${path}[${index}]`, depth: depth + 1 });
      continue;
    }
    // Bytes or a stream (a file being uploaded) are not text to look into.
    if (ArrayBuffer.isView(current) || typeof (current as { pipe?: unknown }).pipe === 'function') continue;
    const entries = Object.entries(current as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [string, unknown];
      // The path is sent back in the error: without the character it names.
      const shown = key.replace(ILL_FORMED_ALL, '\ufffd');
      const childPath = path === '' ? shown : `${path}.${shown}`;
      if (shown !== key) return childPath;
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
