import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { queryRecords } from '../../records/queries.ts';
import type { DepartmentNode } from './department-path.ts';

/** Departments are few: the whole tree is loaded once and shared by every employee's page. */
const PAGE = 500;

function toNode(row: RecordData): DepartmentNode {
  return {
    id: row.id,
    name: typeof row.name === 'string' ? row.name : `#${row.id}`,
    parent: typeof row.parent === 'number' ? row.parent : null,
  };
}

/** Under the records engine's keys, so a department changed on its record page refreshes this too. */
export function useDepartmentTree(locale: Locale, enabled: boolean) {
  return useQuery({
    queryKey: ['records', 'department', 'path-tree', locale],
    queryFn: async ({ signal }) => {
      const nodes = new Map<number, DepartmentNode>();
      let cursor: string | null = null;
      do {
        const page = await queryRecords(
          { object: 'department', fields: ['id', 'name', 'parent'], locale, limit: PAGE },
          cursor,
          signal,
        );
        for (const row of page.items) nodes.set(row.id, toNode(row));
        cursor = page.nextCursor;
      } while (cursor);
      return nodes;
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}
