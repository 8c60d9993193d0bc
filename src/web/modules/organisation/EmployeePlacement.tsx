import { Anchor, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { useLocale } from '../../ui/format.ts';
import { expandedTitle, fieldOf, pickLabel, useObjectMeta } from '../metadata/index.ts';
import { type DepartmentNode, departmentPath } from './department-path.ts';
import { useDepartmentTree } from './departments.ts';

/** One term and its description in the record header's list of facts. */
function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {props.children}
      </Text>
    </div>
  );
}

/** From the top of the tree down to the department; empty while loading or for a reader who may not read departments. */
function useDepartmentPath(id: number): DepartmentNode[] {
  const locale = useLocale();
  const readable = useObjectMeta('department').meta !== undefined;
  const tree = useDepartmentTree(locale, readable);
  return tree.data ? departmentPath(tree.data, id) : [];
}

/** "Kartoteka Demo › Sales › Sales North", each part a link to the department. */
function DepartmentPath({ path }: { path: DepartmentNode[] }) {
  return (
    <span>
      {path.map((node, index) => (
        <Fragment key={node.id}>
          {index > 0 && (
            <Text component="span" c="dimmed" mx={6} aria-hidden>
              ›
            </Text>
          )}
          <Anchor
            component={Link}
            to={`/records/department/${node.id}`}
            size="sm"
            aria-current={index === path.length - 1 ? 'location' : undefined}
          >
            {node.name}
          </Anchor>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * The department fact. A reader who may not read departments gets the department's title as the
 * record sent it, without links (they would lead to a refusal), or no fact when the record
 * carries no title either.
 */
function DepartmentFact(props: { label: string; id: number; title: string | null }) {
  const path = useDepartmentPath(props.id);
  if (path.length === 0 && props.title === null) return null;
  return <Fact label={props.label}>{path.length > 0 ? <DepartmentPath path={path} /> : props.title}</Fact>;
}

/**
 * Where an employee stands in the organisation, in the record's header: the department path and
 * the manager. A field the reader may not see is not in the record (nor in its metadata), so it
 * is simply left out.
 */
export function EmployeePlacement({ meta, record }: { meta: ObjectMeta; record: RecordData }) {
  const locale = useLocale();
  const departmentField = fieldOf(meta, 'department');
  const managerField = fieldOf(meta, 'manager');
  const department = typeof record.department === 'number' ? record.department : null;
  const manager = typeof record.manager === 'number' ? record.manager : null;
  // A manager outside the reader's rows comes without a title; a link to them would be refused.
  const managerTitle = expandedTitle(record, 'manager');
  return (
    <>
      {departmentField && department !== null && (
        <DepartmentFact
          label={pickLabel(departmentField.labels, locale)}
          id={department}
          title={expandedTitle(record, 'department')}
        />
      )}
      {managerField && manager !== null && managerTitle !== null && (
        <Fact label={pickLabel(managerField.labels, locale)}>
          <Anchor component={Link} to={`/records/employee/${manager}`} size="sm">
            {managerTitle}
          </Anchor>
        </Fact>
      )}
    </>
  );
}
