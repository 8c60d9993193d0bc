import { NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RECORD_RIGHTS, type Scope } from '../../../shared/access/rights.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { useLocale } from '../../ui/format.ts';
import { pickLabel } from '../metadata/index.ts';
import { type RoleDraft, rightsOf, scopeIn, scopesFor } from './role-form.ts';

export interface RightsGridProps {
  objects: ObjectMeta[];
  draft: RoleDraft;
  /** The built-in administrator: every cell `all`, nothing to change. */
  builtin: boolean;
  onChange: (object: string, right: string, scope: Scope) => void;
}

/** The right's name: the six standard ones are translated, named actions are shown by their key. */
export function useRightLabel(): (right: string) => string {
  const { t } = useTranslation();
  return (right) =>
    (RECORD_RIGHTS as readonly string[]).includes(right) ? t(`access:right.${right}`) : right;
}

/**
 * Objects (rows) × rights (columns), a scope in every cell. Named actions get columns of their
 * own; an object that does not declare one leaves that cell empty.
 */
export function RightsGrid({ objects, draft, builtin, onChange }: RightsGridProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rightLabel = useRightLabel();
  const actions = [...new Set(objects.flatMap((meta) => meta.actions ?? []))].sort();
  const columns = [...RECORD_RIGHTS, ...actions];

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder withColumnBorders aria-label={t('access:roles.rightsTab')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('access:roles.object')}</Table.Th>
            {columns.map((right) => (
              <Table.Th key={right} scope="col">
                {rightLabel(right)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {objects.map((meta) => {
            const objectLabel = pickLabel(meta.labels.many, locale);
            const available = new Set(rightsOf(meta));
            return (
              <Table.Tr key={meta.key}>
                <Table.Th scope="row" miw={170}>
                  <Text size="sm" fw={500}>
                    {objectLabel}
                  </Text>
                  {!meta.owner && (
                    <Text size="xs" c="dimmed">
                      {t('access:roles.noOwner')}
                    </Text>
                  )}
                </Table.Th>
                {columns.map((right) => (
                  <Table.Td key={right}>
                    {available.has(right) && (
                      <NativeSelect
                        size="xs"
                        aria-label={t('access:roles.cell', { object: objectLabel, right: rightLabel(right) })}
                        value={builtin ? 'all' : scopeIn(draft, meta.key, right)}
                        disabled={builtin}
                        onChange={(event) => onChange(meta.key, right, event.currentTarget.value as Scope)}
                        data={scopesFor(meta).map((scope) => ({
                          value: scope,
                          label: t(`access:scope.${scope}`),
                        }))}
                      />
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
