import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scope } from './queries.ts';

/** Whose work a screen shows: mine, my team's, or everyone's I may see (an account that is no employee: the last only). */
export function ScopeControl({
  value,
  onChange,
  employeeId,
}: {
  value: Scope;
  onChange: (scope: Scope) => void;
  employeeId: number | null;
}) {
  const { t } = useTranslation();
  const personal: Array<{ value: Scope; label: string }> =
    employeeId === null
      ? []
      : [
          { value: 'mine', label: t('today:scope.mine') },
          { value: 'team', label: t('today:scope.team') },
        ];
  return (
    <SegmentedControl
      aria-label={t('today:scope.label')}
      value={value}
      onChange={(next) => onChange(next as Scope)}
      data={[...personal, { value: 'all', label: t('today:scope.all') }]}
    />
  );
}
