import { Button } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CARD_OBJECTS } from './card-model.ts';

/** "Business card" on a company's or a person's page: opens the printable card in a new tab. */
export function BusinessCardLink({ object, id }: { object: string; id: number }) {
  const { t } = useTranslation();
  if (!CARD_OBJECTS.includes(object)) return null;
  return (
    <Button
      component={Link}
      to={`/records/${encodeURIComponent(object)}/${id}/card`}
      target="_blank"
      variant="default"
      leftSection={<IconId size={16} aria-hidden />}
    >
      {t('cards:action')}
    </Button>
  );
}
