import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';
import { useLocale } from '../ui/format.ts';
import { factsOf } from './field-types/index.ts';
import { editableFields, readOnlyFields } from './form-values.ts';
import { InlineField } from './InlineField.tsx';
import { type CardSection, cardSections } from './sections.ts';

export interface RecordCardProps {
  meta: ObjectMeta;
  record: RecordData;
  /** The reader may change this record (its `_can.update`). */
  editable: boolean;
  onSaved: (saved: RecordData) => void;
}

/**
 * The record read at a glance: its sections as the object declares them, each value formatted
 * as text. A value is changed where it stands (InlineField); the full form is one click away.
 */
export function RecordCard({ meta, record, editable, onSaved }: RecordCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Fields the server sets (last login, status since) are read here too, never edited.
  const fields = [...editableFields(meta), ...readOnlyFields(meta)];
  return (
    <Stack gap="lg">
      {!editable && (
        <Alert color="gray" role="status">
          {t('access:record.readOnly')}
        </Alert>
      )}
      {cardSections(meta, record, fields, locale, t('records:page.moreSection')).map((section) => (
        <SectionBlock key={section.key} section={section}>
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="xs" m={0}>
            {section.fields.map((field) => (
              <InlineField
                key={field.key}
                meta={meta}
                field={field}
                record={record}
                editable={editable}
                onSaved={onSaved}
                wide={factsOf(field).wide}
              />
            ))}
          </SimpleGrid>
        </SectionBlock>
      ))}
    </Stack>
  );
}

/** A card section: its heading, its fields, and what an empty one will hold. */
export function SectionBlock({ section, children }: { section: CardSection; children: ReactNode }) {
  const headingId = `section-${section.key}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={section.label ? headingId : undefined}>
      {section.label && (
        <Title order={2} size="h4" id={headingId}>
          {section.label}
        </Title>
      )}
      {section.fields.length > 0 && children}
      {section.placeholder && (
        <Text size="sm" c="dimmed">
          {section.placeholder}
        </Text>
      )}
    </Stack>
  );
}
