import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import { pickLabel } from '../modules/metadata/index.ts';
import { useLocale } from '../ui/format.ts';

/** "Companies / Agrodom sp. z o.o.": the way back to the object's list from one of its pages. */
export function RecordBreadcrumbs({ meta, current }: { meta: ObjectMeta; current: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Breadcrumbs aria-label={t('records:page.breadcrumbs')}>
      <Anchor component={Link} to={`/records/${meta.key}`} size="sm">
        {pickLabel(meta.labels.many, locale)}
      </Anchor>
      <Text size="sm" aria-current="page">
        {current}
      </Text>
    </Breadcrumbs>
  );
}
