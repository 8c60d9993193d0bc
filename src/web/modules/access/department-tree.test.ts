import { describe, expect, it } from 'vitest';
import type { RecordData } from '../../app/api-types.ts';
import { buildDepartmentTree, type DepartmentNode, subtreeIds } from './department-tree.ts';

const dept = (id: number, name: string, parent: number | null): RecordData => ({
  id,
  version: 1,
  name,
  parent,
});

function shape(nodes: DepartmentNode[]): unknown[] {
  return nodes.map((node) =>
    node.children.length ? { [String(node.record.name)]: shape(node.children) } : node.record.name,
  );
}

describe('department tree', () => {
  const records = [
    dept(1, 'Company', null),
    dept(2, 'Sales', 1),
    dept(3, 'North', 2),
    dept(4, 'Back office', 1),
    dept(5, 'Orphan', 99),
  ];

  it('nests departments under their parents and keeps orphans at the top', () => {
    expect(shape(buildDepartmentTree(records))).toEqual([
      { Company: [{ Sales: ['North'] }, 'Back office'] },
      'Orphan',
    ]);
  });

  it('shows every department of a cycle once instead of losing them', () => {
    const cycle = [dept(1, 'A', 2), dept(2, 'B', 1), dept(3, 'C', 1)];
    const tree = buildDepartmentTree(cycle);
    const names: unknown[] = [];
    const walk = (nodes: DepartmentNode[]) => {
      for (const node of nodes) {
        names.push(node.record.name);
        walk(node.children);
      }
    };
    walk(tree);
    expect(names.sort()).toEqual(['A', 'B', 'C']);
  });

  it('knows a department’s subtree, where it cannot be moved', () => {
    expect([...subtreeIds(records, 2)].sort()).toEqual([2, 3]);
    expect([...subtreeIds(records, 1)].sort()).toEqual([1, 2, 3, 4]);
  });
});
