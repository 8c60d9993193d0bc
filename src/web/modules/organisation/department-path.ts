/* The department path as pure functions, apart from the hooks, so its test needs no browser. */

export interface DepartmentNode {
  id: number;
  name: string;
  parent: number | null;
}

/**
 * From the top of the tree down to the department `id`. The server refuses cycles, but a path
 * is never walked twice here either; a parent the reader cannot see ends the path there.
 */
export function departmentPath(nodes: Map<number, DepartmentNode>, id: number): DepartmentNode[] {
  const path: DepartmentNode[] = [];
  const seen = new Set<number>();
  let current = nodes.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parent === null ? undefined : nodes.get(current.parent);
  }
  return path;
}
