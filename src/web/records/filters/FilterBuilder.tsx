import { ActionIcon, Button, Code, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../../../shared/filter/types.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ConditionRow } from './ConditionRow.tsx';
import {
  type Combinator,
  type ConditionNode,
  conditionNode,
  countIncomplete,
  type DraftNode,
  draftFromFilter,
  type FilterDraft,
  filterFromDraft,
  filterKey,
  type GroupNode,
  groupNode,
} from './filter-model.ts';
import { useMetadataLookup } from './use-lookup.ts';

export interface FilterBuilderProps {
  meta: ObjectMeta;
  value: Filter | null;
  /** Receives complete conditions only; never called while the result is unchanged. */
  onChange: (filter: Filter | null) => void;
  /** Quiet time after the last edit before `onChange`, so typing does not query per key; 0 emits at once. */
  delay?: number;
  /** Offer relation paths (Company → Industry); on by default. */
  paths?: boolean;
}

/** A blank row to start from, so an empty filter shows where to begin. */
function initialDraft(filter: Filter | null): FilterDraft {
  const draft = draftFromFilter(filter);
  return draft.nodes.length > 0 ? draft : { ...draft, nodes: [conditionNode()] };
}

function CombinatorControl(props: {
  value: Combinator;
  onChange: (value: Combinator) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={props.label}
      size="xs"
      value={props.value}
      onChange={(next) => props.onChange(next === 'or' ? 'or' : 'and')}
      data={[
        { value: 'and', label: t('filters:builder.all') },
        { value: 'or', label: t('filters:builder.any') },
      ]}
    />
  );
}

/**
 * Conditions combined with "all of" / "any of", with one level of groups. The builder keeps its
 * own draft, incomplete rows included; the parent only ever sees the complete part. A new
 * `value` from outside (back button, saved view) replaces the draft.
 */
export function FilterBuilder({ meta, value, onChange, delay = 300, paths = true }: FilterBuilderProps) {
  const { t } = useTranslation();
  const lookup = useMetadataLookup(meta);
  const [draft, setDraft] = useState(() => initialDraft(value));
  const [focusId, setFocusId] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // The filter both sides agree on: what came in last, or what went out last.
  const synced = useRef(filterKey(value));

  const emit = useDebouncedCallback(
    (next: FilterDraft) => {
      const filter = filterFromDraft(next, meta.key, lookup);
      const key = filterKey(filter);
      if (key === synced.current) return;
      synced.current = key;
      onChange(filter);
    },
    { delay, flushOnUnmount: true },
  );

  useEffect(() => {
    const key = filterKey(value);
    if (key === synced.current) return;
    synced.current = key;
    emit.cancel();
    setDraft(initialDraft(value));
  }, [value, emit]);

  const update = (next: FilterDraft) => {
    setDraft(next);
    emit(next);
  };
  const replaceNode = (id: string, node: DraftNode | null) =>
    update({
      ...draft,
      nodes: draft.nodes.flatMap((current) => (current.id !== id ? [current] : node ? [node] : [])),
    });
  // A removed row held the focus; the add button is the natural next step.
  const focusAdd = () => addRef.current?.focus();
  const removeNode = (id: string) => {
    replaceNode(id, null);
    focusAdd();
  };
  const addCondition = () => {
    const node = conditionNode();
    setFocusId(node.id);
    update({ ...draft, nodes: [...draft.nodes, node] });
  };
  const addGroup = () => {
    const node = groupNode();
    setFocusId(node.conditions[0]?.id ?? null);
    update({ ...draft, nodes: [...draft.nodes, node] });
  };

  const incomplete = countIncomplete(draft, meta.key, lookup);
  // Numbered in reading order up front: a group's rows render later, inside GroupBox.
  const numbers = new Map<string, number>();
  let conditionCount = 0;
  let groupCount = 0;
  for (const node of draft.nodes) {
    if (node.kind === 'condition') numbers.set(node.id, ++conditionCount);
    if (node.kind === 'group') {
      numbers.set(node.id, ++groupCount);
      for (const child of node.conditions) numbers.set(child.id, ++conditionCount);
    }
  }
  const renderCondition = (node: ConditionNode, onNodeChange: (node: ConditionNode | null) => void) => {
    const n = numbers.get(node.id) ?? 0;
    return (
      <ConditionRow
        key={node.id}
        meta={meta}
        value={node.condition}
        onChange={(condition) => onNodeChange({ ...node, condition })}
        onRemove={() => {
          onNodeChange(null);
          focusAdd();
        }}
        label={t('filters:condition.label', { n })}
        removeLabel={t('filters:condition.removeNumbered', { n })}
        paths={paths}
        autoFocus={node.id === focusId}
      />
    );
  };

  const renderNode = (node: DraftNode): ReactNode => {
    switch (node.kind) {
      case 'condition':
        return (
          <Paper key={node.id} withBorder p="sm">
            {renderCondition(node, (next) => (next ? replaceNode(node.id, next) : removeNode(node.id)))}
          </Paper>
        );
      case 'group': {
        return (
          <GroupBox
            key={node.id}
            node={node}
            number={numbers.get(node.id) ?? 0}
            onChange={(next) => replaceNode(node.id, next)}
            onRemove={() => removeNode(node.id)}
            onAdd={(child) => setFocusId(child.id)}
            renderCondition={renderCondition}
          />
        );
      }
      case 'opaque':
        return (
          <Paper key={node.id} withBorder p="sm">
            <Group align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={4} flex={1} miw={0}>
                <Text size="sm">{t('filters:builder.advanced')}</Text>
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {JSON.stringify(node.filter)}
                </Code>
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() => removeNode(node.id)}
                aria-label={t('filters:builder.removeAdvanced')}
                title={t('filters:builder.removeAdvanced')}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        );
    }
  };

  return (
    <Stack gap="md">
      {draft.nodes.length > 1 && (
        <Group gap="sm" wrap="wrap">
          <Text size="sm" aria-hidden>
            {t('filters:builder.match')}
          </Text>
          <CombinatorControl
            label={t('filters:builder.match')}
            value={draft.combinator}
            onChange={(combinator) => update({ ...draft, combinator })}
          />
        </Group>
      )}
      {draft.nodes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('filters:builder.empty')}
        </Text>
      )}
      {draft.nodes.map(renderNode)}
      <Group gap="xs" wrap="wrap">
        <Button
          ref={addRef}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={addCondition}
        >
          {t('filters:builder.addCondition')}
        </Button>
        <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={addGroup}>
          {t('filters:builder.addGroup')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          disabled={draft.nodes.length === 0}
          onClick={() => {
            update({ combinator: 'and', nodes: [] });
            addRef.current?.focus();
          }}
        >
          {t('filters:builder.clear')}
        </Button>
      </Group>
      {incomplete > 0 && (
        <Text size="xs" c="dimmed">
          {t('filters:builder.incomplete', { count: incomplete })}
        </Text>
      )}
    </Stack>
  );
}

interface GroupBoxProps {
  node: GroupNode;
  number: number;
  onChange: (node: GroupNode) => void;
  onRemove: () => void;
  onAdd: (child: ConditionNode) => void;
  renderCondition: (node: ConditionNode, onChange: (node: ConditionNode | null) => void) => ReactNode;
}

/** A nested group: its own "all/any of" over its conditions; it goes when its last condition goes. */
function GroupBox({ node, number, onChange, onRemove, onAdd, renderCondition }: GroupBoxProps) {
  const { t } = useTranslation();
  const replaceChild = (id: string, child: ConditionNode | null) => {
    const conditions = node.conditions.flatMap((c) => (c.id !== id ? [c] : child ? [child] : []));
    if (conditions.length === 0) onRemove();
    else onChange({ ...node, conditions });
  };
  return (
    <Paper
      withBorder
      p="sm"
      bg="var(--mantine-color-default-hover)"
      role="group"
      aria-label={t('filters:builder.group', { n: number })}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" fw={500}>
              {t('filters:builder.group', { n: number })}
            </Text>
            <CombinatorControl
              label={t('filters:builder.groupMatch', { n: number })}
              value={node.combinator}
              onChange={(combinator) => onChange({ ...node, combinator })}
            />
          </Group>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={onRemove}
            aria-label={t('filters:builder.removeGroup', { n: number })}
            title={t('filters:builder.removeGroup', { n: number })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        {node.conditions.map((child) => renderCondition(child, (next) => replaceChild(child.id, next)))}
        <div>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              const child = conditionNode();
              onAdd(child);
              onChange({ ...node, conditions: [...node.conditions, child] });
            }}
          >
            {t('filters:builder.addToGroup', { n: number })}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
