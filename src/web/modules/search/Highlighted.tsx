import { Mark } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchFact } from './api.ts';
import { highlightParts } from './highlight.ts';

/** The text with what the query matched marked (accent-insensitively, at word starts). */
export function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlightParts(text, query).map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <Mark key={index}>{part.text}</Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** A hit's facts, each with its label ("NIP: 725-18-01-126 · Miejscowość: Łódź"), values marked. */
export function FactsText({ facts, query }: { facts: SearchFact[]; query: string }) {
  const { t } = useTranslation();
  return (
    <>
      {facts.map((fact, index) => (
        <span key={fact.field}>
          {index > 0 && ' · '}
          {t('search:fact', { label: fact.label })} <Highlighted text={fact.value} query={query} />
        </span>
      ))}
    </>
  );
}
