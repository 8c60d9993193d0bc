import { ActionIcon, Button, ColorSwatch, Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { operatorsFor } from '../../../shared/field-types/index.ts';
import type { Operator } from '../../../shared/filter/operators.ts';
import type { FilterLeaf } from '../../../shared/filter/types.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { VIEW_LIMITS } from '../../../shared/views/types.ts';
import { changeOperator, operatorLabel, ValueInput } from '../../records/filters/index.ts';
import { type ColourRule, ROW_COLOURS, type RowColour } from '../../records/list-state.ts';
import { useLocale } from '../../ui/format.ts';
import { fieldOf, pickLabel } from '../metadata/index.ts';
import { defaultCondition, editableLeaf, isCompleteRule, newRule, ruleFields } from './rules.ts';

export interface ColourRulesEditorProps {
  meta: ObjectMeta;
  value: ColourRule[];
  onChange: (rules: ColourRule[]) => void;
  /** Marks incomplete rules (set once the user tried to apply them). */
  showErrors?: boolean;
}

function swatch(colour: RowColour) {
  return <ColorSwatch color={`var(--mantine-color-${colour}-filled)`} size={14} aria-hidden />;
}

/**
 * Row colour rules: each is one condition on the object's own fields and a colour; the first
 * rule a row meets gives its colour, so rules can be moved up and down. Rules written through
 * the API with and/or groups are kept and can be moved or removed, not edited here.
 */
export function ColourRulesEditor({ meta, value, onChange, showErrors = false }: ColourRulesEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fields = ruleFields(meta);
  const fieldOptions = fields.map((field) => ({ value: field.key, label: pickLabel(field.labels, locale) }));
  const colourOptions = ROW_COLOURS.map((colour) => ({ value: colour, label: t(`views:colour.${colour}`) }));

  // Stable keys for the rows, so moving a rule moves its inputs (and their state) with it.
  const keys = useRef<number[]>([]);
  const nextKey = useRef(0);
  while (keys.current.length < value.length) keys.current.push(nextKey.current++);
  keys.current.length = value.length;

  const replace = (index: number, rule: ColourRule) =>
    onChange(value.map((r, i) => (i === index ? rule : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [rule] = next.splice(index, 1);
    const [key] = keys.current.splice(index, 1);
    if (rule) next.splice(index + by, 0, rule);
    if (key !== undefined) keys.current.splice(index + by, 0, key);
    onChange(next);
  };
  const remove = (index: number) => {
    keys.current.splice(index, 1);
    onChange(value.filter((_, i) => i !== index));
  };
  const add = () => {
    const rule = newRule(meta, value.length);
    if (rule) onChange([...value, rule]);
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('views:colours.explain')}
      </Text>
      {value.length === 0 && <Text size="sm">{t('views:colours.empty')}</Text>}
      {value.map((rule, index) => {
        const n = index + 1;
        const leaf = editableLeaf(rule);
        const field = leaf ? fieldOf(meta, leaf.field) : undefined;
        const setLeaf = (next: FilterLeaf) => replace(index, { ...rule, filter: next });
        const error = showErrors && !isCompleteRule(meta, rule) ? t('views:colours.needsValue') : undefined;
        return (
          <Fieldset
            key={keys.current[index]}
            legend={t('views:colours.rule', { n })}
            // A stripe, not a tinted background: error texts inside must keep their contrast.
            style={{ borderInlineStart: `6px solid var(--mantine-color-${rule.colour}-filled)` }}
          >
            <Stack gap="xs">
              <Group align="flex-start" gap="xs" wrap="wrap">
                {leaf && field ? (
                  <>
                    <Select
                      label={t('views:colours.field')}
                      data={
                        // A rule saved through the API may test a system field (created_at…): keep it selectable.
                        fields.includes(field)
                          ? fieldOptions
                          : [...fieldOptions, { value: field.key, label: pickLabel(field.labels, locale) }]
                      }
                      value={field.key}
                      onChange={(key) => {
                        const next = key ? fieldOf(meta, key) : undefined;
                        if (!next) return;
                        // The operator may carry over; a value never does (ids of another dictionary…).
                        setLeaf(
                          operatorsFor(next.type).includes(leaf.op)
                            ? { field: next.key, op: leaf.op }
                            : defaultCondition(next),
                        );
                      }}
                      allowDeselect={false}
                      searchable
                      w={200}
                    />
                    <Select
                      label={t('views:colours.operator')}
                      data={operatorsFor(field.type).map((op) => ({
                        value: op,
                        label: operatorLabel(t, op, field.type),
                      }))}
                      value={leaf.op}
                      onChange={(op) => {
                        if (!op) return;
                        const next = op as Operator;
                        // The filter builder's rule for what a value becomes under another operator.
                        setLeaf({ field: leaf.field, op: next, value: changeOperator(leaf, next).value });
                      }}
                      allowDeselect={false}
                      w={220}
                    />
                    <Stack gap={4} miw={200} flex={1}>
                      <ValueInput
                        field={field}
                        op={leaf.op}
                        value={leaf.value}
                        onChange={(next) => setLeaf({ field: leaf.field, op: leaf.op, value: next })}
                      />
                      {error && (
                        <Text size="xs" c="red.8" role="alert">
                          {error}
                        </Text>
                      )}
                    </Stack>
                  </>
                ) : (
                  <Text size="sm" maw={420} c={error ? 'red' : undefined}>
                    {t('views:colours.custom')}
                  </Text>
                )}
              </Group>
              <Group align="flex-end" justify="space-between" gap="xs">
                <Select
                  label={t('views:colours.colour')}
                  data={colourOptions}
                  value={rule.colour}
                  onChange={(colour) => colour && replace(index, { ...rule, colour: colour as RowColour })}
                  renderOption={({ option }) => (
                    <Group gap="xs" wrap="nowrap">
                      {swatch(option.value as RowColour)}
                      {option.label}
                    </Group>
                  )}
                  leftSection={swatch(rule.colour)}
                  allowDeselect={false}
                  w={160}
                />
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={t('views:colours.moveUp', { n })}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => move(index, 1)}
                    disabled={index === value.length - 1}
                    aria-label={t('views:colours.moveDown', { n })}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove(index)}
                    aria-label={t('views:colours.remove', { n })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
          disabled={fields.length === 0 || value.length >= VIEW_LIMITS.colourRules}
        >
          {t('views:colours.add')}
        </Button>
      </Group>
    </Stack>
  );
}
