import { Box, Checkbox, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { pickLabel, recordTitle } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';
import { FieldValue } from './FieldValue.tsx';
import { isEmptyValue } from './field-types/index.ts';
import { LoadingMore } from './LoadingMore.tsx';
import classes from './RecordCardList.module.css';
import { isSelected, type Selection, toggle } from './selection.ts';

/** A card's usual height; each is measured once shown, so longer ones take their room. */
const CARD_HEIGHT = 84;
/** Start loading the next page this many cards before the end. */
const PREFETCH_CARDS = 15;
/** The facts under the subtitle: two, so a card stays short. */
const KEY_FACTS = 2;

export interface RecordCardListProps {
  meta: ObjectMeta;
  /** The list's columns: the first is the title, the second the subtitle, then the facts. */
  columns: FieldMeta[];
  rows: RecordData[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  label: string;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  trash?: boolean;
}

/**
 * The list on a phone: a card per record — its title, a subtitle and two key facts with their
 * labels — instead of a table wider than the screen. Virtualized and paged like the table.
 */
export function RecordCardList(props: RecordCardListProps) {
  const { meta, columns, rows, hasMore, loadingMore, onLoadMore, selection, onSelectionChange } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_CARDS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const [, subtitle, ...rest] = columns;
  return (
    <Box ref={scrollRef} className={classes.scroller}>
      <ul className={classes.list} aria-label={props.label} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          const title = recordTitle(meta, row, locale) || `#${row.id}`;
          const facts = rest.filter((field) => !isEmptyValue(row[field.key])).slice(0, KEY_FACTS);
          return (
            <li
              key={row.id}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={classes.card}
              data-selected={isSelected(selection, row.id) || undefined}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <Checkbox
                size="sm"
                mt={2}
                aria-label={t('records:selection.toggleRow', { title })}
                checked={isSelected(selection, row.id)}
                onChange={() => onSelectionChange(toggle(selection, row.id))}
              />
              <div className={classes.body}>
                {props.trash ? (
                  <Text fw={600}>{title}</Text>
                ) : (
                  <Link to={`/records/${meta.key}/${row.id}`} className={classes.title}>
                    {title}
                  </Link>
                )}
                {subtitle && !isEmptyValue(row[subtitle.key]) && (
                  <Text size="sm" c="dimmed" className={classes.line}>
                    <FieldValue field={subtitle} record={row} />
                  </Text>
                )}
                {facts.length > 0 && (
                  <dl className={classes.facts}>
                    {facts.map((field) => (
                      <div key={field.key} className={classes.fact}>
                        <dt>{pickLabel(field.labels, locale)}</dt>
                        <dd>
                          <FieldValue field={field} record={row} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {loadingMore && <LoadingMore />}
    </Box>
  );
}
