import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../app/api-types.ts';
import { FieldValue } from '../../records/FieldValue.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters, useLocale } from '../../ui/format.ts';
import { recordTitle } from '../metadata/index.ts';
import { isMember, resolvePasted } from './api.ts';
import type { MemberIdentifier, Membership } from './group-objects.ts';
import { parsePastedList, type Resolution } from './paste-list.ts';

/** Found records listed by name before adding; beyond this many, only how many more. */
const LISTED = 10;

interface PasteMembersProps {
  membership: Membership;
  identifier: MemberIdentifier;
  groupId: number;
  /** The found records that are not members yet; empty until the list has been looked up. */
  onResolved: (ids: number[]) => void;
}

/** A pasted list of tax ids or e-mails, looked up and shown (found, not found) before anything is added. */
export function PasteMembers({ membership, identifier, groupId, onResolved }: PasteMembersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState('');
  const [resolution, setResolution] = useState<Resolution<RecordData> | null>(null);
  const [finding, setFinding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pasted = useMemo(() => parsePastedList(text, identifier.kind), [text, identifier.kind]);
  const { members } = membership;

  async function find() {
    setFinding(true);
    setError(null);
    try {
      const result = await resolvePasted(membership, identifier, pasted, locale);
      setResolution(result);
      onResolved(result.found.filter((record) => !isMember(record, membership, groupId)).map((r) => r.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setFinding(false);
    }
  }

  const found = resolution?.found ?? [];
  const already = found.filter((record) => isMember(record, membership, groupId)).length;
  const count = (n: number) => ({ count: n, formatted: format.number(n) });
  return (
    <Stack gap="sm">
      <Textarea
        label={t(`groups:add.pasteLabel.${identifier.kind}`)}
        description={t('groups:add.pasteHint')}
        autosize
        minRows={4}
        maxRows={12}
        value={text}
        onChange={(event) => {
          // What was found belongs to the old text: look the new one up again before adding.
          setText(event.currentTarget.value);
          setResolution(null);
          onResolved([]);
        }}
      />
      <Group gap="sm">
        <Button variant="light" disabled={pasted.length === 0} loading={finding} onClick={() => void find()}>
          {t('groups:add.find', count(pasted.length))}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {resolution && (
        <Stack gap="xs" role="status">
          <Text fw={500}>
            {t('groups:add.found', count(found.length))}
            {already > 0 && ` ${t('groups:add.already', count(already))}`}
          </Text>
          {found.length > 0 && (
            <List size="sm" spacing={2}>
              {found.slice(0, LISTED).map((record) => (
                <List.Item key={record.id}>
                  {recordTitle(members, record, locale) || `#${record.id}`}
                  {' · '}
                  <FieldValue field={identifier.field} record={record} />
                  {isMember(record, membership, groupId) && (
                    <Text span c="dimmed" size="sm">
                      {` (${t('groups:add.member')})`}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
          {found.length > LISTED && (
            <Text size="sm" c="dimmed">
              {t('groups:add.andMore', { formatted: format.number(found.length - LISTED) })}
            </Text>
          )}
          {resolution.notFound.length > 0 && (
            <Alert
              color="yellow"
              title={t('groups:add.notFound', { formatted: format.number(resolution.notFound.length) })}
            >
              {resolution.notFound.join(', ')}
            </Alert>
          )}
          {resolution.ambiguous.length > 0 && (
            <Text size="sm">{t('groups:add.ambiguous', { list: resolution.ambiguous.join(', ') })}</Text>
          )}
          {found.length === already && <Text size="sm">{t('groups:add.nothingNew')}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
