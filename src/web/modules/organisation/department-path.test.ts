import { describe, expect, it } from 'vitest';
import { type DepartmentNode, departmentPath } from './department-path.ts';

const tree = (nodes: DepartmentNode[]) => new Map(nodes.map((node) => [node.id, node]));
const names = (path: DepartmentNode[]) => path.map((node) => node.name);

describe('departmentPath', () => {
  const nodes = tree([
    { id: 1, name: 'Kartoteka Demo', parent: null },
    { id: 2, name: 'Sales', parent: 1 },
    { id: 3, name: 'Sales North', parent: 2 },
    { id: 4, name: 'Service', parent: 1 },
  ]);

  it('goes from the top of the tree down to the department', () => {
    expect(names(departmentPath(nodes, 3))).toEqual(['Kartoteka Demo', 'Sales', 'Sales North']);
    expect(names(departmentPath(nodes, 1))).toEqual(['Kartoteka Demo']);
  });

  it('is empty for a department it does not know', () => {
    expect(departmentPath(nodes, 99)).toEqual([]);
  });

  it('stops below a parent the reader cannot see', () => {
    const partial = tree([
      { id: 2, name: 'Sales', parent: 1 },
      { id: 3, name: 'Sales North', parent: 2 },
    ]);
    expect(names(departmentPath(partial, 3))).toEqual(['Sales', 'Sales North']);
  });

  it('never loops on a cycle', () => {
    const cyclic = tree([
      { id: 1, name: 'A', parent: 2 },
      { id: 2, name: 'B', parent: 1 },
    ]);
    expect(names(departmentPath(cyclic, 1))).toEqual(['B', 'A']);
  });
});
