import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../shared/metadata/types.ts';
import { isReference } from '../modules/metadata/index.ts';
import { useFormatters, useLocale } from '../ui/format.ts';
import { useRecordTitles } from './titles.ts';

function ids(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((item): item is number => typeof item === 'number');
  return typeof value === 'number' ? [value] : [];
}

/** A raw API value as text (history, conflicts): references are looked up by id for their titles. */
export function ValueText({ field, value }: { field: FieldMeta | undefined; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const reference = field !== undefined && isReference(field);
  const titles = useRecordTitles(reference ? field.target : undefined, reference ? ids(value) : [], locale);
  const empty = (
    <Text span c="dimmed" fs="italic" size="sm">
      {t('records:value.empty')}
    </Text>
  );
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return empty;
  }
  if (reference)
    return (
      <>
        {ids(value)
          .map((id) => titles.get(id) ?? `#${id}`)
          .join(', ')}
      </>
    );
  switch (field?.type) {
    case 'boolean':
      return <>{value ? t('common:yes') : t('common:no')}</>;
    case 'integer':
      return <>{typeof value === 'number' ? format.number(value) : String(value)}</>;
    case 'date':
      return <>{format.date(String(value))}</>;
    case 'dateTime':
      return <>{format.dateTime(String(value))}</>;
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}
