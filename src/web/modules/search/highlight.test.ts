import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight.ts';

/** The parts as a string with the matches in brackets, for short expectations. */
function marked(text: string, query: string): string {
  return highlightParts(text, query)
    .map((part) => (part.match ? `[${part.text}]` : part.text))
    .join('');
}

describe('highlightParts', () => {
  it('marks matches without regard to accents and case', () => {
    expect(marked('Łódź', 'lodz')).toBe('[Łódź]');
    expect(marked('Zakłady Mięsne Łódź', 'LOD')).toBe('Zakłady Mięsne [Łód]ź');
    expect(marked('Győri Zoltán', 'gyo zolt')).toBe('[Győ]ri [Zolt]án');
  });

  it('marks every word that starts with a query word, and nothing inside a word', () => {
    expect(marked('Kowalski Kowalczyk', 'kowal')).toBe('[Kowal]ski [Kowal]czyk');
    expect(marked('Markowski', 'kow')).toBe('Markowski');
    expect(marked('anna.nowak@kowalczyk.pl', 'kowal')).toBe('anna.nowak@[kowal]czyk.pl');
    expect(marked('725-18-01-126', '18 01')).toBe('725-[18]-[01]-126');
  });

  it('marks a letter folded into two whole', () => {
    expect(marked('Große Straße', 'strass')).toBe('Große [Straß]e');
    expect(marked('Große Straße', 'strasse')).toBe('Große [Straße]');
  });

  it('leaves the text whole when nothing matches or the query has no words', () => {
    expect(highlightParts('Łódź', 'krakow')).toEqual([{ text: 'Łódź', match: false }]);
    expect(highlightParts('Łódź', ' - ')).toEqual([{ text: 'Łódź', match: false }]);
    expect(highlightParts('', 'lodz')).toEqual([]);
  });
});
