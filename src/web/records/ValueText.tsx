import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../shared/metadata/types.ts';
import { isReference } from '../modules/metadata/index.ts';
import { fieldText, isEmptyValue, useTextContext } from './field-types/index.ts';
import { useRecordTitles } from './titles.ts';

function ids(value: unknown): number[] {
  if (Array.isArray(value)) return value.filter((item): item is number => typeof item === 'number');
  return typeof value === 'number' ? [value] : [];
}

/** A raw API value as text (history, conflicts): references are looked up by id for their titles. */
export function ValueText({ field, value }: { field: FieldMeta | undefined; value: unknown }) {
  const { t } = useTranslation();
  const context = useTextContext();
  const reference = field !== undefined && isReference(field);
  const titles = useRecordTitles(
    reference ? field.target : undefined,
    reference ? ids(value) : [],
    context.locale,
  );
  if (isEmptyValue(value)) {
    return (
      <Text span c="dimmed" fs="italic" size="sm">
        {t('records:value.empty')}
      </Text>
    );
  }
  // A field the reader no longer sees (or that was removed) still has its old value in the history.
  if (field === undefined) return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  return <>{fieldText(field, value, { ...context, title: (id) => titles.get(id) })}</>;
}
