import type { FilterValue } from '../../../shared/filter/types.ts';
import {
  FilterError,
  type MetadataLookup,
  type ResolvedFilter,
  type ResolvedLeaf,
  resolveFilter,
} from '../../../shared/filter/validate.ts';
import { errors } from '../../errors.ts';
import type { RecordsContext } from '../context.ts';
import { executorOf } from '../context.ts';

/** Dynamic groups may use other dynamic groups in their filters, this deep at most. */
const MAX_NESTING = 4;

/**
 * Rewrites membership conditions on groups that define members by a saved filter: "in group
 * 12" becomes "chosen into 12, or matching 12's filter". Runs before compilation, so the SQL
 * compiler and the in-memory evaluator see one ordinary filter and agree on dynamic groups as
 * on anything else. A group's filter names fields of the grouped object; a condition reached
 * through a path (a person's `company.groups`) gets the same path in front of its own.
 */
export async function expandDynamicMembers(
  ctx: RecordsContext,
  lookup: MetadataLookup,
  filter: ResolvedFilter,
  depth = 0,
): Promise<ResolvedFilter> {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return {
        kind: filter.kind,
        children: await Promise.all(
          filter.children.map((child) => expandDynamicMembers(ctx, lookup, child, depth)),
        ),
      };
    case 'not':
      return { kind: 'not', child: await expandDynamicMembers(ctx, lookup, filter.child, depth) };
    case 'leaf':
      return expandLeaf(ctx, lookup, filter, depth);
  }
}

async function expandLeaf(
  ctx: RecordsContext,
  lookup: MetadataLookup,
  leaf: ResolvedLeaf,
  depth: number,
): Promise<ResolvedFilter> {
  const target = leaf.field.target ? ctx.registry.get(leaf.field.target) : undefined;
  const rule = target?.dynamicMembers;
  if (!target || !rule || leaf.field.type !== 'multiRelation' || (leaf.op !== 'in' && leaf.op !== 'notIn'))
    return leaf;
  const ids = (leaf.value as FilterValue[]).filter((id): id is number => typeof id === 'number');
  const kindColumn = target.field(rule.kindField)?.column;
  const filterColumn = target.field(rule.filterField)?.column;
  if (!kindColumn || !filterColumn || ids.length === 0) return leaf;
  const groups = await executorOf(ctx)
    .selectFrom(target.table)
    .select(['id', kindColumn, filterColumn])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  const dynamic = groups.filter((group) => group[kindColumn] === rule.dynamicValue);
  if (dynamic.length === 0) return leaf;
  if (depth >= MAX_NESTING) throw errors.badRequest(`dynamic groups nest more than ${MAX_NESTING} deep`);
  const dynamicIds = new Set(dynamic.map((group) => Number(group.id)));
  const chosen = ids.filter((id) => !dynamicIds.has(id));
  const alternatives: ResolvedFilter[] = chosen.length > 0 ? [{ ...leaf, op: 'in', value: chosen }] : [];
  for (const group of dynamic) {
    const rule = savedRule(group[filterColumn], leaf.object, lookup);
    // A group without a rule, or whose rule names what this reader may not see, has no members for them.
    if (rule) alternatives.push(withPath(await expandDynamicMembers(ctx, lookup, rule, depth + 1), leaf));
  }
  // No chosen members and no usable rule: nobody is in the group; the id 0 names no record.
  const members: ResolvedFilter =
    alternatives.length === 0 ? { ...leaf, op: 'in', value: [0] } : { kind: 'or', children: alternatives };
  return leaf.op === 'in' ? members : { kind: 'not', child: members };
}

function savedRule(stored: unknown, object: string, lookup: MetadataLookup): ResolvedFilter | null {
  if (typeof stored !== 'string' || stored === '') return null;
  try {
    return resolveFilter(JSON.parse(stored) as unknown, object, lookup);
  } catch (error) {
    if (error instanceof FilterError || error instanceof SyntaxError) return null;
    throw error;
  }
}

/** The rule's conditions, reached through the same relations as the condition they replace. */
function withPath(filter: ResolvedFilter, leaf: ResolvedLeaf): ResolvedFilter {
  if (leaf.steps.length === 0) return filter;
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, children: filter.children.map((child) => withPath(child, leaf)) };
    case 'not':
      return { kind: 'not', child: withPath(filter.child, leaf) };
    case 'leaf':
      return { ...filter, steps: [...leaf.steps, ...filter.steps] };
  }
}
