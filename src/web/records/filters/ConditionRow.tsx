import { ActionIcon, Box, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { traitsOf } from '../../../shared/field-types/index.ts';
import type { Operator } from '../../../shared/filter/operators.ts';
import type { FieldType, Locale, ObjectMeta } from '../../../shared/metadata/types.ts';
import { pickLabel } from '../../modules/metadata/index.ts';
import { useLocale } from '../../ui/format.ts';
import {
  type ConditionDraft,
  changeField,
  changeOperator,
  describePath,
  type FieldPathOption,
  fieldPathOptions,
  leafFromDraft,
  operatorsFor,
  pathLabel,
} from './filter-model.ts';
import { useMetadataLookup } from './use-lookup.ts';
import { ValueInput } from './ValueInput.tsx';

/**
 * One condition: field (or relation path) → operator → value.
 *
 * Usable on its own, e.g. for a colour rule:
 * ```tsx
 * const [draft, setDraft] = useState<ConditionDraft>(rule?.filter ?? EMPTY_CONDITION);
 * <ConditionRow meta={meta} value={draft} onChange={setDraft} paths={false} />
 * const leaf = leafFromDraft(draft, meta.key, lookup); // null while incomplete
 * ```
 * A complete `FilterLeaf` is a valid `value`. The row never validates on its own behalf beyond
 * a "not applied yet" hint: the caller decides with `leafFromDraft` what to store.
 */
export interface ConditionRowProps {
  meta: ObjectMeta;
  value: ConditionDraft;
  onChange: (next: ConditionDraft) => void;
  /** The row's accessible name, e.g. "Condition 2"; "Condition" when not given. */
  label?: string;
  /** Shows a remove button when given. */
  onRemove?: () => void;
  /** The remove button's accessible name; "Remove condition" when not given. */
  removeLabel?: string;
  /** Offer relation paths (Company → Industry). Colour rules, evaluated on loaded rows, pass false. */
  paths?: boolean;
  /** Focus the field picker on mount: for a row the user just added. */
  autoFocus?: boolean;
}

/** Comparisons read better as "before/after" on dates. */
const DATE_WORDING: ReadonlySet<Operator> = new Set(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between']);
/** On memberships (groups), `in` means "belongs to any of". */
const MEMBERSHIP_WORDING: ReadonlySet<Operator> = new Set(['in', 'notIn']);

/** The operator's name as it reads after the field's name, worded for the field's type. */
export function operatorLabel(t: TFunction, op: Operator, type: FieldType): string {
  const { kind } = traitsOf(type);
  if ((kind === 'date' || kind === 'instant') && DATE_WORDING.has(op))
    return t(`filters:dateOperators.${op}`);
  if (kind === 'membership' && MEMBERSHIP_WORDING.has(op)) return t(`filters:membershipOperators.${op}`);
  return t(`filters:operators.${op}`);
}

interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** Own fields first, then one group per relation ("Company": Company → City, Company → Industry…). */
function groupOptions(meta: ObjectMeta, options: FieldPathOption[], locale: Locale): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const option of options) {
    const head = option.fields.length > 1 ? option.fields[0] : undefined;
    const name = head ? pickLabel(head.labels, locale) : pickLabel(meta.labels.one, locale);
    const key = head ? `path:${head.key}` : 'own';
    const group = groups.get(key) ?? { group: name, items: [] };
    group.items.push({ value: option.path, label: pathLabel(option, locale) });
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function ConditionRow(props: ConditionRowProps) {
  const { meta, value, onChange, label, onRemove, removeLabel, paths = true, autoFocus } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const lookup = useMetadataLookup(meta);

  const options = useMemo(() => {
    const offered = fieldPathOptions(meta, lookup, { paths });
    // A stored filter may use a path the picker does not offer (two hops): keep it selectable.
    const current = describePath(value.field, meta.key, lookup);
    return current && !offered.some((o) => o.path === current.path) ? [...offered, current] : offered;
  }, [meta, lookup, paths, value.field]);
  const data = useMemo(() => groupOptions(meta, options, locale), [meta, options, locale]);
  const selected = options.find((option) => option.path === value.field);
  const operators = selected ? operatorsFor(selected.field) : [];
  const op = value.op !== null && operators.includes(value.op) ? value.op : null;
  const incomplete = value.field !== '' && leafFromDraft(value, meta.key, lookup) === null;

  return (
    <Box role="group" aria-label={label ?? t('filters:condition.standalone')}>
      <Group align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap="xs" flex={1} miw={0}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Select
              label={t('filters:condition.field')}
              placeholder={t('filters:condition.fieldPlaceholder')}
              data={data}
              value={selected ? selected.path : null}
              onChange={(path) => {
                const next = options.find((option) => option.path === path);
                if (next) onChange(changeField(value, next, selected));
              }}
              searchable
              autoFocus={autoFocus}
              allowDeselect={false}
              nothingFoundMessage={t('filters:condition.nothingFound')}
              maxDropdownHeight={320}
            />
            <Select<Operator>
              label={t('filters:condition.operator')}
              data={operators.map((name) => ({
                value: name,
                label: selected ? operatorLabel(t, name, selected.field.type) : name,
              }))}
              value={op}
              onChange={(next) => {
                if (next !== null) onChange(changeOperator(value, next));
              }}
              disabled={!selected}
              allowDeselect={false}
              maxDropdownHeight={320}
            />
          </SimpleGrid>
          {selected && op !== null && (
            <ValueInput
              field={selected.field}
              op={op}
              value={value.value}
              onChange={(next) => onChange({ ...value, value: next })}
            />
          )}
          {incomplete && (
            <Text size="xs" c="dimmed">
              {t('filters:condition.notApplied')}
            </Text>
          )}
        </Stack>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={removeLabel ?? t('filters:condition.remove')}
            title={removeLabel ?? t('filters:condition.remove')}
            size="lg"
            mt={24}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </Box>
  );
}
