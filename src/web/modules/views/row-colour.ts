import { type EvaluationContext, evaluateFilter, type PlainRecord } from '../../../shared/filter/evaluate.ts';
import { todayIn } from '../../../shared/filter/relative-dates.ts';
import { isLeaf } from '../../../shared/filter/types.ts';
import { FilterError, type ResolvedFilter, resolveFilter } from '../../../shared/filter/validate.ts';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { ColourRule, RowColour } from '../../records/list-state.ts';

interface CompiledRule {
  filter: ResolvedFilter;
  colour: RowColour;
}

/** Resolved rules per rules array and object: a list evaluates the same rules on every row. */
const compiled = new WeakMap<readonly ColourRule[], { meta: ObjectMeta; rules: CompiledRule[] }>();

/**
 * Checks the rules against metadata once. Rules only use the object's own fields, so the lookup
 * knows that object alone; a rule that no longer fits (a field removed) is skipped, never fatal.
 */
export function compileColourRules(meta: ObjectMeta, rules: readonly ColourRule[]): CompiledRule[] {
  const cached = compiled.get(rules);
  if (cached?.meta === meta) return cached.rules;
  const lookup = (key: string) => (key === meta.key ? meta : undefined);
  const result = rules.flatMap((rule): CompiledRule[] => {
    try {
      return [{ filter: resolveFilter(rule.filter, meta.key, lookup), colour: rule.colour }];
    } catch (error) {
      if (error instanceof FilterError) return [];
      throw error;
    }
  });
  compiled.set(rules, { meta, rules: result });
  return result;
}

/**
 * The colour of a loaded row: the first rule whose condition the row meets, or null. Relative
 * dates ("overdue", "this week") count from today in the user's time zone.
 */
export function rowColour(
  meta: ObjectMeta,
  rules: readonly ColourRule[],
  row: PlainRecord,
  timeZone: string,
  now: Date = new Date(),
): RowColour | null {
  if (rules.length === 0) return null;
  const context: EvaluationContext = {
    // Rules have no relation paths, so nothing related is ever asked for.
    related: () => [],
    today: todayIn(timeZone, now),
    timeZone,
    nowIso: now.toISOString(),
  };
  for (const rule of compileColourRules(meta, rules)) {
    if (evaluateFilter(rule.filter, row, context)) return rule.colour;
  }
  return null;
}

/** The fields the rules read: the list must load them even when they are not shown as columns. */
export function colourRuleFields(rules: readonly ColourRule[]): string[] {
  const fields = new Set<string>();
  const visit = (filter: ColourRule['filter']) => {
    if (isLeaf(filter)) fields.add(filter.field);
    else if ('and' in filter) filter.and.forEach(visit);
    else if ('or' in filter) filter.or.forEach(visit);
    else visit(filter.not);
  };
  for (const rule of rules) visit(rule.filter);
  return [...fields];
}

/** A row background for a colour: Mantine's light variant, which follows the light/dark scheme. */
export function rowColourBackground(colour: RowColour): string {
  return `var(--mantine-color-${colour}-light)`;
}
