import { Checkbox, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { MultiReferencePicker } from '../../records/ReferencePicker.tsx';
import { canRead, useMyRights } from '../access/index.ts';

export const KINDS = ['activity', 'task', 'reminder', 'booking'] as const;

export interface Chosen {
  employees: number[];
  groups: number[];
  departments: number[];
  resources: number[];
  kinds: string[];
}

/** A picker's field: records of `target`, chosen many at a time. */
const pick = (key: string, target: string, label: string): FieldMeta => ({
  key,
  type: 'multiRelation',
  target,
  labels: { en: label, pl: label, hu: label },
  required: false,
  readOnly: false,
  sortable: false,
  filterable: false,
  system: false,
});

/** Whose calendars (people, work groups, departments, rooms) and which kinds of things. */
export function CalendarFilters({
  chosen,
  onChange,
}: {
  chosen: Chosen;
  onChange: (chosen: Chosen) => void;
}) {
  const { t } = useTranslation();
  const rights = useMyRights().data;
  const pickers = [
    ['employees', 'employee'],
    ['groups', 'work_group'],
    ['departments', 'department'],
    ['resources', 'resource'],
  ] as const;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }}>
        {pickers
          .filter(([, target]) => canRead(rights, target))
          .map(([key, target]) => {
            const label = t(`calendar:whose.${key}`);
            return (
              <MultiReferencePicker
                key={key}
                field={pick(key, target, label)}
                label={label}
                value={chosen[key]}
                onChange={(ids) => onChange({ ...chosen, [key]: ids })}
                expanded={null}
              />
            );
          })}
      </SimpleGrid>
      <Checkbox.Group
        label={t('calendar:kinds.label')}
        value={chosen.kinds}
        onChange={(kinds) => onChange({ ...chosen, kinds: kinds.length > 0 ? kinds : chosen.kinds })}
      >
        <Group gap="sm" mt={4}>
          {KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`calendar:kinds.${kind}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
