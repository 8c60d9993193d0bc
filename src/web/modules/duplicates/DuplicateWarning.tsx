import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../ui/format.ts';
import { useObjectMeta } from '../metadata/index.ts';
import { useDuplicateCheck } from './api.ts';
import { reasonText, scoreLevel } from './reasons.ts';

export interface DuplicateWarningProps {
  /** The object of the form (`company`, `person`); others have no duplicate rules and show nothing. */
  object: string;
  /** The form's values as they are now (API form: references as ids). */
  values: Record<string, unknown>;
  /** The record being edited, which is not its own duplicate; absent on create. */
  recordId?: number;
}

/** How long typing must pause before the server is asked. */
const DEBOUNCE_MS = 400;

/** Only values that can match ask the server: an empty form or a lone country asks nothing. */
function worthAsking(values: Record<string, unknown>): boolean {
  return Object.entries(values).some(
    ([key, value]) =>
      key !== 'country' &&
      ((typeof value === 'string' && value.trim().length >= 2) || typeof value === 'number'),
  );
}

/**
 * Shown above a create or edit form's Save button: records that look like the one being
 * entered (same tax id, e-mail or phone; the same name in the same city or at the same
 * company), best first, each a link to open it. Nothing is shown while there are none.
 */
export function DuplicateWarning({ object, values, recordId }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meta } = useObjectMeta(object);
  const [settled] = useDebouncedValue(values, DEBOUNCE_MS);
  const check = useDuplicateCheck(object, settled, recordId, locale, worthAsking(settled));
  const candidates = check.data ?? [];
  if (candidates.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconCopy aria-hidden />}
      title={t('duplicates:warning.title', { count: candidates.length })}
      role="status"
    >
      <Text size="sm" mb="xs">
        {t('duplicates:warning.text')}
      </Text>
      <List spacing={4} size="sm">
        {candidates.map((candidate) => {
          const level = scoreLevel(candidate.score);
          return (
            <List.Item key={candidate.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/records/${object}/${candidate.id}`} target="_blank" fw={500}>
                  {candidate.title || `#${candidate.id}`}
                </Anchor>
                <Badge color={level.color} variant="light" size="sm" c="var(--mantine-color-text)">
                  {t(`duplicates:score.${level.key}`)}
                </Badge>
                <Text span size="sm" c="dimmed">
                  {candidate.reasons.map((reason) => reasonText(t, meta, reason, locale)).join(' · ')}
                </Text>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
