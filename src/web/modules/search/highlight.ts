import { foldText, searchTokens } from '../../../shared/text/fold.ts';

/** A piece of a text and whether it is part of what the query matched. */
export interface TextPart {
  text: string;
  match: boolean;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Splits `text` into the parts the query matched and the rest, as the search matched them:
 * accent- and case-insensitively ("lodz" marks "Łódź"), each query word at the start of a word
 * of the text ("kow" marks "Kow" in "Jan Kowalski", not "kow" inside "Markowski"). A letter
 * folded into two ("ß" → "ss") is marked whole when the match covers any of it.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const tokens = searchTokens(query);
  if (tokens.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  // The folded text, and for each of its code units the original character it came from.
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const character of text) {
    const piece = foldText(character);
    for (let unit = 0; unit < piece.length; unit++) {
      starts.push(index);
      ends.push(index + character.length);
    }
    folded += piece;
    index += character.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  for (const token of tokens) {
    for (let at = folded.indexOf(token); at >= 0; at = folded.indexOf(token, at + 1)) {
      if (at > 0 && WORD_CHARACTER.test(folded[at - 1] ?? '')) continue;
      const from = starts[at] ?? 0;
      const to = ends[at + token.length - 1] ?? text.length;
      marked.fill(true, from, to);
    }
  }
  const parts: TextPart[] = [];
  for (let position = 0; position < text.length; position++) {
    const match = marked[position] ?? false;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text[position];
    else parts.push({ text: text[position] ?? '', match });
  }
  return parts;
}
