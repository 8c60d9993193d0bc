import type { RecordData } from '../../app/api-types.ts';

export interface DepartmentNode {
  record: RecordData;
  children: DepartmentNode[];
}

function parentOf(record: RecordData): number | null {
  return typeof record.parent === 'number' ? record.parent : null;
}

/**
 * The department tree from flat records (already in name order). A department whose parent is
 * not among them (deleted, or not readable) is shown at the top rather than lost; the server
 * refuses cycles, but one in the data would still show every department exactly once.
 */
export function buildDepartmentTree(records: RecordData[]): DepartmentNode[] {
  const nodes = new Map(records.map((record) => [record.id, { record, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = parentOf(node.record);
    const parentNode = parent === null ? undefined : nodes.get(parent);
    if (parentNode && !reachesItself(node.record.id, nodes)) parentNode.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether following parents from `id` comes back to it. */
function reachesItself(id: number, nodes: Map<number, DepartmentNode>): boolean {
  const seen = new Set<number>();
  let current = nodes.get(id);
  while (current) {
    const parent = parentOf(current.record);
    if (parent === null) return false;
    if (parent === id) return true;
    if (seen.has(parent)) return false;
    seen.add(parent);
    current = nodes.get(parent);
  }
  return false;
}

/** The ids of a department and everything below it: where it cannot be moved to. */
export function subtreeIds(records: RecordData[], id: number): Set<number> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const record of records) {
      const parent = parentOf(record);
      if (parent !== null && result.has(parent) && !result.has(record.id)) {
        result.add(record.id);
        grew = true;
      }
    }
  }
  return result;
}
