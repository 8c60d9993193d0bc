import { CloseButton, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OPERATORS } from '../../../shared/filter/operators.ts';
import type { Filter, FilterLeaf, FilterValue } from '../../../shared/filter/types.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { isReference } from '../../modules/metadata/index.ts';
import { fieldText, useTextContext } from '../field-types/index.ts';
import { useRecordTitles } from '../titles.ts';
import { operatorLabel } from './ConditionRow.tsx';
import classes from './FilterChips.module.css';
import { describePath, pathLabel } from './field-paths.ts';
import { chipContent, filterParts, withoutPart } from './filter-parts.ts';
import { useMetadataLookup } from './use-lookup.ts';

export interface FilterChipsProps {
  meta: ObjectMeta;
  value: Filter | null;
  onChange: (filter: Filter | null) => void;
  /** Opens the filter builder, where the condition is changed. */
  onEdit: () => void;
}

/**
 * The list's filter in view: one chip per condition under the toolbar, so nobody wonders
 * why a list is short. A chip's text opens the builder; its × removes that condition alone.
 */
export function FilterChips({ meta, value, onChange, onEdit }: FilterChipsProps) {
  const { t } = useTranslation();
  const { combinator, parts } = filterParts(value);
  if (parts.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" role="group" aria-label={t('filters:chips.label')}>
      {parts.length > 1 && (
        <Text size="xs" c="dimmed">
          {combinator === 'or' ? t('filters:chips.anyOf') : t('filters:chips.allOf')}
        </Text>
      )}
      {parts.map((part, index) => (
        <FilterChip
          // The parts have no ids of their own; a condition is its own identity (the same one twice is pointless).
          key={JSON.stringify(part)}
          meta={meta}
          part={part}
          onEdit={onEdit}
          onRemove={() => onChange(withoutPart(value, index))}
        />
      ))}
      {parts.length > 1 && (
        <UnstyledButton className={classes.clear} onClick={() => onChange(null)}>
          {t('filters:chips.clear')}
        </UnstyledButton>
      )}
    </Group>
  );
}

function FilterChip(props: { meta: ObjectMeta; part: Filter; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const content = chipContent(props.part);
  const separator = (combinator: 'and' | 'or') =>
    combinator === 'or' ? ` ${t('filters:chips.or')} ` : ` ${t('filters:chips.and')} `;
  const text =
    content.kind === 'condition' ? (
      <ConditionText meta={props.meta} leaf={content.leaf} />
    ) : content.kind === 'group' ? (
      content.leaves.map((leaf, index) => (
        <span key={JSON.stringify(leaf)}>
          {index > 0 && separator(content.combinator)}
          <ConditionText meta={props.meta} leaf={leaf} />
        </span>
      ))
    ) : (
      t('filters:chips.advanced')
    );
  return (
    <Paper withBorder radius="xl" className={classes.chip}>
      <UnstyledButton
        className={classes.edit}
        onClick={props.onEdit}
        aria-haspopup="dialog"
        title={t('filters:chips.edit')}
      >
        {text}
      </UnstyledButton>
      <RemoveButton onRemove={props.onRemove} />
    </Paper>
  );
}

function RemoveButton({ onRemove }: { onRemove: () => void }) {
  const { t } = useTranslation();
  // The chip's text is the button before it; "Remove condition" with the chip as its group is enough.
  return <CloseButton size="sm" radius="xl" aria-label={t('filters:chips.remove')} onClick={onRemove} />;
}

function referenceIds(value: FilterLeaf['value']): number[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is number => typeof item === 'number');
}

/** "Branża jest jednym z Informatyka, Handel": the field, the operator and the values as words. */
function ConditionText({ meta, leaf }: { meta: ObjectMeta; leaf: FilterLeaf }) {
  const { t } = useTranslation();
  const lookup = useMetadataLookup(meta);
  const context = useTextContext();
  const path = describePath(leaf.field, meta.key, lookup);
  const field = path?.field;
  const reference = field !== undefined && isReference(field);
  const titles = useRecordTitles(
    reference ? field.target : undefined,
    reference ? referenceIds(leaf.value) : [],
    context.locale,
  );
  if (!path || !field) return <>{t('filters:chips.advanced')}</>;
  const word = (value: FilterValue): string =>
    value === null || value === ''
      ? '…'
      : fieldText(field, value, { ...context, title: (id) => titles.get(id) });
  const shape = OPERATORS[leaf.op];
  const values = Array.isArray(leaf.value) ? leaf.value : [];
  // "in the last 7 days" reads as one phrase; the builder's "is in the last days" + 7 would not.
  const condition =
    shape === 'count'
      ? t(`filters:chips.${leaf.op === 'nextNDays' ? 'nextDays' : 'lastDays'}`, { count: Number(leaf.value) })
      : shape === 'none'
        ? operatorLabel(t, leaf.op, field.type)
        : `${operatorLabel(t, leaf.op, field.type)} ${
            shape === 'list'
              ? values.map(word).join(', ')
              : shape === 'range'
                ? values.map(word).join(' – ')
                : word(Array.isArray(leaf.value) ? null : (leaf.value ?? null))
          }`;
  return (
    <>
      <strong>{pathLabel(path, context.locale)}</strong> {condition}
    </>
  );
}
