import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/format.ts';

/** The object whose records have a printable report. */
const CASE = 'case';

/**
 * "Print report" on a case's page: the server's PDF of the case (header, next action, stages,
 * activities, notes, as far as the reader may see them) opens in a new tab, in the reader's
 * language. Renders nothing on other objects' pages.
 */
export function CaseReportLink({ object, id }: { object: string; id: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (object !== CASE) return null;
  return (
    <Button
      component="a"
      href={`/api/records/${CASE}/${id}/report.pdf?locale=${locale}`}
      target="_blank"
      rel="noopener"
      variant="default"
      leftSection={<IconPrinter size={16} aria-hidden />}
    >
      {t('cases:report.action')}
    </Button>
  );
}
