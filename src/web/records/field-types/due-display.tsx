import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session.ts';
import { TextDisplay } from './base.tsx';
import { isOverdue } from './due.ts';

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

import type { FieldDisplayProps } from './module.ts';

/**
 * A date or time shown as read everywhere else, but in red with the word "overdue" for screen
 * readers when the field says something is due by then and that moment has passed: an
 * overdue next action is seen in every list without anyone setting up a colour rule.
 */
function DueDisplay({ kind, ...props }: FieldDisplayProps & { kind: 'date' | 'instant' }) {
  const { t } = useTranslation();
  const timeZone = useCurrentUser()?.timeZone ?? 'UTC';
  const { field, record } = props;
  const settled = field.settledBy !== undefined && !isBlank(record[field.settledBy]);
  if (!field.due || settled || !isOverdue(props.value, kind, timeZone)) return <TextDisplay {...props} />;
  return (
    <Text span inherit c="red.8" fw={600} data-overdue title={t('records:value.overdue')}>
      <TextDisplay {...props} />
      <VisuallyHidden> ({t('records:value.overdue')})</VisuallyHidden>
    </Text>
  );
}

export function DueDateDisplay(props: FieldDisplayProps) {
  return <DueDisplay kind="date" {...props} />;
}

export function DueDateTimeDisplay(props: FieldDisplayProps) {
  return <DueDisplay kind="instant" {...props} />;
}
