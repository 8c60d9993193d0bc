import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { expandedTitle, pickLabel } from '../modules/metadata/index.ts';
import { headerFactsFor } from '../modules/organisation/index.ts';
import { useFormatters, useLocale } from '../ui/format.ts';
import { listColumns } from './columns.ts';
import { FieldValue } from './FieldValue.tsx';
import { readOnlyFields } from './form-values.ts';

const KEY_FACTS = 4;

/** Under the title: the record's key fields, and who created and last changed it, when. */
export function RecordFacts({ meta, record }: { meta: ObjectMeta; record: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  // What a module shows better itself (an employee's department path and manager).
  const special = headerFactsFor(meta.key);
  const facts = [
    ...listColumns(meta).filter((field) => !meta.titleFields.includes(field.key)),
    ...readOnlyFields(meta),
  ]
    .filter((field) => !special?.replaces.includes(field.key))
    .filter(
      (field) => record[field.key] !== null && record[field.key] !== undefined && record[field.key] !== '',
    )
    .slice(0, KEY_FACTS);
  const createdBy = expandedTitle(record, 'created_by') ?? t('records:history.system');
  const updatedBy = expandedTitle(record, 'updated_by') ?? t('records:history.system');

  return (
    <Group gap="lg" wrap="wrap" align="flex-start">
      {(facts.length > 0 || special) && (
        <dl style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-lg)', margin: 0 }}>
          {special && <special.Facts meta={meta} record={record} />}
          {facts.map((field) => (
            <div key={field.key}>
              <Text component="dt" size="xs" c="dimmed">
                {pickLabel(field.labels, locale)}
              </Text>
              <Text component="dd" size="sm" m={0}>
                <FieldValue field={field} record={record} />
              </Text>
            </div>
          ))}
        </dl>
      )}
      <Text size="xs" c="dimmed" ml="auto">
        {typeof record.created_at === 'string' &&
          t('records:page.created', { when: format.dateTime(record.created_at), who: createdBy })}
        {typeof record.updated_at === 'string' && record.updated_at !== record.created_at && (
          <>
            <br />
            {t('records:page.updated', { when: format.dateTime(record.updated_at), who: updatedBy })}
          </>
        )}
      </Text>
    </Group>
  );
}
