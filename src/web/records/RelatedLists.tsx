import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kindOf } from '../../shared/field-types/index.ts';
import type { Filter } from '../../shared/filter/types.ts';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { ApiError } from '../app/api-client.ts';
import type { RecordData } from '../app/api-types.ts';
import { useObjectAbilities } from '../modules/access/index.ts';
import { pickLabel, recordTitle } from '../modules/metadata/index.ts';
import { useRelationHeading } from '../modules/organisation/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useLocale } from '../ui/format.ts';
import { listColumns, listProjection } from './columns.ts';
import { FieldValue } from './FieldValue.tsx';
import { factsOf, isEmptyValue } from './field-types/index.ts';
import { useRecordPages } from './queries.ts';
import classes from './RelatedLists.module.css';

const RELATED_LIMIT = 50;
const RELATED_COLUMNS = 4;

export interface Relation {
  object: ObjectMeta;
  field: FieldMeta;
}

/**
 * Records of other objects that point at this one (a company's people, a group's members),
 * found from metadata: every user-editable relation whose target is this object.
 */
export function incomingRelations(meta: ObjectMeta, objects: ObjectMeta[]): Relation[] {
  return objects.flatMap((object) =>
    object.fields
      .filter((field) => !field.system && field.target === meta.key)
      .filter((field) => factsOf(field).pointsAt === 'records')
      .map((field) => ({ object, field })),
  );
}

export function RelatedLists({ relations, id }: { relations: Relation[]; id: number }) {
  return (
    <Stack gap="xl">
      {relations.map((relation) => (
        <RelatedList key={`${relation.object.key}.${relation.field.key}`} relation={relation} id={id} />
      ))}
    </Stack>
  );
}

function RelatedList({ relation, id }: { relation: Relation; id: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { object, field } = relation;
  // "Add" only for those who may create such records; the server would refuse the form.
  const canCreate = useObjectAbilities(object.key).create;
  const heading = useRelationHeading();
  // The first column shows the whole title, so the other title fields would only repeat it.
  const columns = listColumns(object)
    .filter(
      (column, index) =>
        column.key !== field.key && (index === 0 || !object.titleFields.includes(column.key)),
    )
    .slice(0, RELATED_COLUMNS);
  const filter: Filter =
    kindOf(field) === 'membership'
      ? { field: field.key, op: 'in', value: [id] }
      : { field: field.key, op: 'eq', value: id };
  const pages = useRecordPages({
    object: object.key,
    filter,
    locale,
    limit: RELATED_LIMIT,
    ...listProjection(object, columns),
  });
  const rows = pages.data?.pages[0]?.items ?? [];
  const title =
    heading(object.key, field.key) ??
    `${pickLabel(object.labels.many, locale)} · ${pickLabel(field.labels, locale)}`;
  const headingId = `related-${object.key}-${field.key}`;
  // Objects the user may not read are simply not listed.
  if (pages.error instanceof ApiError && pages.error.status === 403) return null;

  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="center" mb="xs" gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          {/* The whole related list, with every list tool: the filter is in the address. */}
          <Button
            component={Link}
            to={`/records/${object.key}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`}
            variant="subtle"
            size="compact-sm"
            aria-label={t('records:related.openListOf', { title })}
          >
            {t('records:related.openList')}
          </Button>
          {kindOf(field) === 'reference' && canCreate && (
            // A new record that already points here: a company's new person has the company set.
            <Button
              component={Link}
              to={`/records/${object.key}/new?${field.key}=${id}`}
              variant="light"
              size="compact-sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              aria-label={t('records:related.addOf', { object: pickLabel(object.labels.one, locale) })}
            >
              {t('records:related.add')}
            </Button>
          )}
        </Group>
      </Group>
      {pages.isError ? (
        <ErrorState error={pages.error} />
      ) : pages.isPending ? (
        <Text c="dimmed">{t('common:loading')}</Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('records:related.none')}</Text>
      ) : (
        // A list of small cards, not a table: it fits beside the details and on a phone alike.
        <ul className={classes.list} aria-labelledby={headingId}>
          {rows.map((row) => (
            <li key={row.id} className={classes.item}>
              <Anchor component={Link} to={`/records/${object.key}/${row.id}`} size="sm" fw={500}>
                {recordTitle(object, row, locale) || `#${row.id}`}
              </Anchor>
              <RowFacts columns={columns.slice(1)} row={row} />
            </li>
          ))}
        </ul>
      )}
      {pages.hasNextPage && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('records:related.more', { limit: RELATED_LIMIT })}
        </Text>
      )}
    </section>
  );
}

/** The row's other columns on one line under its title, the empty ones left out. */
function RowFacts({ columns, row }: { columns: FieldMeta[]; row: RecordData }) {
  const filled = columns.filter((column) => !isEmptyValue(row[column.key]));
  if (filled.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" className={classes.facts}>
      {filled.map((column, index) => (
        <Fragment key={column.key}>
          {index > 0 && ' · '}
          <FieldValue field={column} record={row} />
        </Fragment>
      ))}
    </Text>
  );
}
