import { Anchor, Button, Checkbox, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import type { RecordData } from '../../app/api-types.ts';
import { FieldValue } from '../../records/FieldValue.tsx';
import { useLocale } from '../../ui/format.ts';
import { pickLabel, recordTitle } from '../metadata/index.ts';

interface MembersTableProps {
  members: ObjectMeta;
  /** Shown beside the name, so same-named members can be told apart (a tax id, an e-mail). */
  fact: FieldMeta | null;
  rows: RecordData[];
  headingId: string;
  /** Marking and "Remove": only in a group of chosen members, for those who may change them. */
  editable: boolean;
  busy: boolean;
  marked: ReadonlySet<number>;
  onMark: (marked: ReadonlySet<number>) => void;
  onRemove: (id: number) => void;
}

export function MembersTable(props: MembersTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { members, fact, rows, marked } = props;
  const title = (row: RecordData) => recordTitle(members, row, locale) || `#${row.id}`;
  const allMarked = rows.length > 0 && rows.every((row) => marked.has(row.id));

  function toggle(id: number, on: boolean) {
    const next = new Set(marked);
    if (on) next.add(id);
    else next.delete(id);
    props.onMark(next);
  }

  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped highlightOnHover aria-labelledby={props.headingId}>
        <Table.Thead>
          <Table.Tr>
            {props.editable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('groups:members.markAll')}
                  checked={allMarked}
                  indeterminate={!allMarked && rows.some((row) => marked.has(row.id))}
                  onChange={(event) =>
                    props.onMark(event.currentTarget.checked ? new Set(rows.map((row) => row.id)) : new Set())
                  }
                />
              </Table.Th>
            )}
            <Table.Th>{pickLabel(members.labels.one, locale)}</Table.Th>
            {fact && <Table.Th>{pickLabel(fact.labels, locale)}</Table.Th>}
            {props.editable && (
              <Table.Th w={1}>
                {/* Heard by screen readers only: the column's buttons say what they do. */}
                <VisuallyHidden>{t('groups:members.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {props.editable && (
                <Table.Td>
                  <Checkbox
                    aria-label={t('groups:members.mark', { title: title(row) })}
                    checked={marked.has(row.id)}
                    onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Anchor component={Link} to={`/records/${members.key}/${row.id}`} size="sm">
                  {title(row)}
                </Anchor>
              </Table.Td>
              {fact && (
                <Table.Td>
                  <FieldValue field={fact} record={row} />
                </Table.Td>
              )}
              {props.editable && (
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    disabled={props.busy}
                    aria-label={t('groups:members.removeOne', { title: title(row) })}
                    onClick={() => props.onRemove(row.id)}
                  >
                    {t('groups:members.remove')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
