import { Anchor, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { expandedTitle } from '../modules/metadata/index.ts';
import { useFormatters } from '../ui/format.ts';

/** A field value for reading (list cells, read-only fields): formatted for the user's locale. */
export function FieldValue({ field, record }: { field: FieldMeta; record: RecordData }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const value = record[field.key];
  if (field.type === 'relation' || field.type === 'select' || field.type === 'multiRelation') {
    const title = expandedTitle(record, field.key);
    if (title) return <>{title}</>;
    if (Array.isArray(value)) return value.length ? value.map((id) => `#${id}`).join(', ') : null;
    return value === null || value === undefined ? null : <>#{String(value)}</>;
  }
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'boolean':
      return value ? (
        <IconCheck size={16} aria-label={t('common:yes')} role="img" />
      ) : (
        <Text span size="sm" c="dimmed">
          {t('common:no')}
        </Text>
      );
    case 'integer':
      return <>{typeof value === 'number' ? format.number(value) : String(value)}</>;
    case 'date':
      return <>{format.date(String(value))}</>;
    case 'dateTime':
      return <>{format.dateTime(String(value))}</>;
    case 'email':
      return (
        <Anchor href={`mailto:${String(value)}`} size="sm" onClick={(event) => event.stopPropagation()}>
          {String(value)}
        </Anchor>
      );
    case 'phone':
      return (
        <Anchor
          href={`tel:${String(value).replace(/[^+0-9]/g, '')}`}
          size="sm"
          onClick={(event) => event.stopPropagation()}
        >
          {String(value)}
        </Anchor>
      );
    default:
      return <>{String(value)}</>;
  }
}
