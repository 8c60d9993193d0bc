import { useQuery } from '@tanstack/react-query';
import type { Filter } from '../../../shared/filter/types.ts';
import type { Locale } from '../../../shared/metadata/types.ts';
import { api } from '../../app/api-client.ts';
import type { ListResponse, RecordData } from '../../app/api-types.ts';

/** Case statuses that end a case (their next action no longer matters). */
export const CLOSED_CASE_CODES = ['closed_won', 'closed_lost', 'cancelled'];

export type Scope = 'mine' | 'team' | 'all';

/** Whose next actions and activities: mine, my department's, or everyone's I may see. */
export function whose(
  field: string,
  scope: Scope,
  employeeId: number | null,
  department: number | null,
): Filter[] {
  if (scope === 'mine') return [{ field, op: 'eq', value: employeeId ?? -1 }];
  if (scope === 'team') return [{ field: `${field}.department`, op: 'eq', value: department ?? -1 }];
  return [];
}

/** Open cases whose next action is overdue or due this week, soonest first. */
export function nextActionsFilter(
  scope: Scope,
  employeeId: number | null,
  department: number | null,
): Filter {
  return {
    and: [
      ...whose('lead', scope, employeeId, department),
      { field: 'status.code', op: 'notIn', value: CLOSED_CASE_CODES },
      {
        or: [
          { field: 'next_action_date', op: 'overdue' },
          { field: 'next_action_date', op: 'thisWeek' },
        ],
      },
    ],
  };
}

/** Planned activities from today to a week ahead. */
export function plannedFilter(scope: Scope, employeeId: number | null, department: number | null): Filter {
  return {
    and: [
      ...whose('organiser', scope, employeeId, department),
      { field: 'status', op: 'eq', value: 'planned' },
      {
        or: [
          { field: 'starts_at', op: 'today' },
          { field: 'starts_at', op: 'nextNDays', value: 7 },
        ],
      },
    ],
  };
}

/** Task statuses that finish a task (no longer due). */
export const FINISHED_TASK_CODES = ['done', 'cancelled'];

/** Unfinished tasks overdue or due this week, soonest first. */
export function dueTasksFilter(scope: Scope, employeeId: number | null, department: number | null): Filter {
  return {
    and: [
      ...whose('assignee', scope, employeeId, department),
      { field: 'status.code', op: 'notIn', value: FINISHED_TASK_CODES },
      {
        or: [
          { field: 'due_at', op: 'overdue' },
          { field: 'due_at', op: 'thisWeek' },
        ],
      },
    ],
  };
}

export function useList(
  object: string,
  filter: Filter,
  sort: string,
  expand: string[],
  locale: Locale,
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['records', object, 'today', filter, sort, locale],
    queryFn: ({ signal }) =>
      api.post<ListResponse>(
        `/api/records/${object}/query`,
        { filter, sort: [{ field: sort, direction: 'asc' }], expand, limit: 100, locale },
        { signal },
      ),
    enabled,
  });
}

/** The department of the user's employee ("my team"), or null. */
export function useMyDepartment(employeeId: number | null): number | null {
  const me = useQuery({
    queryKey: ['records', 'employee', 'one', String(employeeId), 'department'],
    queryFn: ({ signal }) => api.get<RecordData>(`/api/records/employee/${employeeId}`, { signal }),
    enabled: employeeId !== null,
  });
  return typeof me.data?.department === 'number' ? me.data.department : null;
}
