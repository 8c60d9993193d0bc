import { Button, Group } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { NotFound } from '../../app/NotFound.tsx';
import { useTextContext } from '../../records/field-types/index.ts';
import { useRecord } from '../../records/queries.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useLocale } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { isReference, useObjectMeta } from '../metadata/index.ts';
import { useCompanyChildren } from './api.ts';
import classes from './BusinessCard.module.css';
import { type BusinessCard, CARD_OBJECTS, companyCard, personCard } from './card-model.ts';

/**
 * `/records/:object/:id/card`: a company's or a person's business card, ready to print (the
 * browser's print dialog; the buttons stay off the paper). Outside the app's shell, like the
 * printable list.
 */
export function BusinessCardPage() {
  const { object = '', id = '' } = useParams();
  const { meta, objects, isPending, error } = useObjectMeta(object);
  if (isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (!meta || !CARD_OBJECTS.includes(meta.key) || !/^\d+$/.test(id)) return <NotFound />;
  return <CardView meta={meta} objects={objects ?? []} id={id} />;
}

function CardView({ meta, objects, id }: { meta: ObjectMeta; objects: ObjectMeta[]; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const context = useTextContext();
  const expand = meta.fields.filter(isReference).map((field) => field.key);
  const record = useRecord(meta.key, id, expand, locale);
  const companyId = meta.key === 'company' ? Number(id) : null;
  const phoneMeta = objects.find((object) => object.key === 'company_phone');
  const emailMeta = objects.find((object) => object.key === 'company_email');
  const phones = useCompanyChildren(phoneMeta, companyId, locale);
  const emails = useCompanyChildren(emailMeta, companyId, locale);
  const card: BusinessCard | null = record.data
    ? meta.key === 'company'
      ? companyCard(
          meta,
          record.data,
          {
            phones: phoneMeta ? { meta: phoneMeta, rows: phones.data ?? [] } : null,
            emails: emailMeta ? { meta: emailMeta, rows: emails.data ?? [] } : null,
          },
          context,
        )
      : personCard(meta, record.data, context)
    : null;
  useDocumentTitle(card ? t('cards:title', { name: card.title }) : t('cards:action'));

  if (record.isPending) return <PageLoader />;
  if (record.isError || !card)
    return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  return (
    <main className={classes.page}>
      <Group className="no-print" gap="sm">
        <Button
          component={Link}
          to={`/records/${meta.key}/${id}`}
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('cards:back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('cards:print')}
        </Button>
      </Group>
      <article className={classes.card} aria-label={t('cards:title', { name: card.title })}>
        <h1 className={classes.name}>{card.title}</h1>
        {card.subtitle && <p className={classes.subtitle}>{card.subtitle}</p>}
        <dl className={classes.lines}>
          {card.lines.map((line) => (
            <div key={line.key} style={{ display: 'contents' }}>
              <dt>{line.label}</dt>
              <dd>{line.href ? <a href={line.href}>{line.text}</a> : line.text}</dd>
            </div>
          ))}
        </dl>
      </article>
    </main>
  );
}
