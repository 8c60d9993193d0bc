import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from './api.ts';

const ACTION_COLOURS: Record<string, string> = {
  create: 'green',
  created: 'green',
  update: 'blue',
  updated: 'blue',
  unchanged: 'gray',
  skip: 'gray',
  skipped: 'gray',
  fail: 'red',
  failed: 'red',
};

export function ActionBadge({ action }: { action: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTION_COLOURS[action] ?? 'gray'} variant="light">
      {t(`imports:action.${action}`)}
    </Badge>
  );
}

function IssueList({ issues }: { issues: RowIssue[] }) {
  return (
    <List size="sm" spacing={2}>
      {issues.map((issue) => (
        <List.Item key={`${issue.column ?? ''}:${issue.field ?? ''}:${issue.code}`}>
          {issue.column ? <Text span fw={500}>{`${issue.column}: `}</Text> : null}
          {issue.message}
        </List.Item>
      ))}
    </List>
  );
}

/** Rows with what they do (or would do) and, for those that fail, every reason. */
export function RowTable({
  rows,
  caption,
}: {
  rows: Array<{ rowNumber: number; action: string; reason: string | null; issues: RowIssue[] }>;
  caption: string;
}) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('imports:rows.row')}</Table.Th>
          <Table.Th>{t('imports:rows.action')}</Table.Th>
          <Table.Th>{t('imports:rows.details')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.rowNumber}>
            <Table.Td>{row.rowNumber}</Table.Td>
            <Table.Td>
              <ActionBadge action={row.action} />
            </Table.Td>
            <Table.Td>
              {row.issues.length > 0 ? (
                <IssueList issues={row.issues} />
              ) : row.reason ? (
                <Text size="sm">
                  {t(`imports:reason.${row.reason.startsWith('exists_') ? 'exists' : row.reason}`)}
                </Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
