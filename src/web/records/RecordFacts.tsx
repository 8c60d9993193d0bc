import { Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, Locale, ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { expandedTitle, pickLabel } from '../modules/metadata/index.ts';
import { headerFactsFor } from '../modules/organisation/index.ts';
import { useFormatters, useLocale } from '../ui/format.ts';
import { listColumns } from './columns.ts';
import { FieldValue } from './FieldValue.tsx';
import { isEmptyValue } from './field-types/index.ts';
import { readOnlyFields } from './form-values.ts';

const KEY_FACTS = 4;

/** A fact of the header: one field, or several read as one (an address) under its own label. */
interface Fact {
  key: string;
  label: string;
  fields: FieldMeta[];
}

/** The object's declared header facts, or its first list columns; only those with a value. */
function headerFacts(meta: ObjectMeta, record: RecordData, locale: Locale, replaced: string[]): Fact[] {
  const filled = (field: FieldMeta) => !isEmptyValue(record[field.key]) && !replaced.includes(field.key);
  const declared = meta.headerFacts;
  if (!declared) {
    return [
      ...listColumns(meta).filter((field) => !meta.titleFields.includes(field.key)),
      ...readOnlyFields(meta),
    ]
      .filter(filled)
      .slice(0, KEY_FACTS)
      .map((field) => ({ key: field.key, label: pickLabel(field.labels, locale), fields: [field] }));
  }
  return declared.flatMap((fact): Fact[] => {
    const keys = typeof fact === 'string' ? [fact] : fact.fields;
    // Fields the reader may not see are not in the metadata they get.
    const fields = keys.flatMap((key) => meta.fields.find((field) => field.key === key) ?? []).filter(filled);
    if (fields.length === 0) return [];
    const label =
      typeof fact === 'string' ? pickLabel(fields[0]!.labels, locale) : pickLabel(fact.labels, locale);
    return [{ key: typeof fact === 'string' ? fact : fact.key, label, fields }];
  });
}

/** Under the title: the record's key facts, and who created and last changed it, when. */
export function RecordFacts({ meta, record }: { meta: ObjectMeta; record: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  // What a module shows better itself (an employee's department path and manager).
  const special = headerFactsFor(meta.key);
  const facts = headerFacts(meta, record, locale, special?.replaces ?? []);
  const createdBy = expandedTitle(record, 'created_by') ?? t('records:history.system');
  const updatedBy = expandedTitle(record, 'updated_by') ?? t('records:history.system');

  return (
    <Group gap="lg" wrap="wrap" align="flex-start">
      {(facts.length > 0 || special) && (
        <dl style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-lg)', margin: 0 }}>
          {special && <special.Facts meta={meta} record={record} />}
          {facts.map((fact) => (
            <div key={fact.key}>
              <Text component="dt" size="xs" c="dimmed">
                {fact.label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {fact.fields.map((field, index) => (
                  <Fragment key={field.key}>
                    {index > 0 && (field.type === 'text' && index === fact.fields.length - 1 ? ' ' : ', ')}
                    <FieldValue field={field} record={record} />
                  </Fragment>
                ))}
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
