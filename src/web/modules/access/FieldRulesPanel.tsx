import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_ACCESS, type FieldAccess } from '../../../shared/access/rights.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { useLocale } from '../../ui/format.ts';
import { pickLabel } from '../metadata/index.ts';
import { fieldAccessIn, type RoleDraft, ruleCount, ruleFields } from './role-form.ts';

export interface FieldRulesPanelProps {
  objects: ObjectMeta[];
  draft: RoleDraft;
  builtin: boolean;
  onChange: (object: string, field: string, access: FieldAccess) => void;
}

/** Per object, per field: hidden, read only, or editable (the default) for holders of the role. */
export function FieldRulesPanel({ objects, draft, builtin, onChange }: FieldRulesPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [objectKey, setObjectKey] = useState(objects[0]?.key ?? '');
  const meta = objects.find((object) => object.key === objectKey) ?? objects[0];
  if (!meta) return null;
  const fields = ruleFields(meta);

  return (
    <Stack gap="sm" maw={720}>
      <Text size="sm" c="dimmed">
        {t('access:roles.fieldRulesHint')}
      </Text>
      <NativeSelect
        label={t('access:roles.object')}
        value={meta.key}
        onChange={(event) => setObjectKey(event.currentTarget.value)}
        data={objects.map((object) => {
          const count = ruleCount(draft, object.key);
          const label = pickLabel(object.labels.many, locale);
          return {
            value: object.key,
            label: count > 0 ? t('access:roles.objectWithRules', { object: label, count }) : label,
          };
        })}
        w={320}
      />
      <Table
        withTableBorder
        aria-label={t('access:roles.fieldsOf', { object: pickLabel(meta.labels.many, locale) })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('access:roles.field')}</Table.Th>
            <Table.Th scope="col">{t('access:roles.access')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => {
            const label = pickLabel(field.labels, locale);
            return (
              <Table.Tr key={field.key}>
                <Table.Th scope="row" fw={400}>
                  {label}
                </Table.Th>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    w={180}
                    aria-label={t('access:roles.fieldCell', { field: label })}
                    value={builtin ? 'edit' : fieldAccessIn(draft, meta.key, field.key)}
                    disabled={builtin}
                    onChange={(event) =>
                      onChange(meta.key, field.key, event.currentTarget.value as FieldAccess)
                    }
                    data={FIELD_ACCESS.map((access) => ({
                      value: access,
                      label: t(`access:fieldAccess.${access}`),
                    }))}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
