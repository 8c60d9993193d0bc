import { Alert, Button, Grid, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { kindOf } from '../../shared/field-types/index.ts';
import type { FieldMeta, ObjectMeta } from '../../shared/metadata/types.ts';
import { api } from '../app/api-client.ts';
import type { RecordData } from '../app/api-types.ts';
import { NotFound } from '../app/NotFound.tsx';
import { useMyRights, useObjectAbilities } from '../modules/access/index.ts';
import { DuplicateWarning } from '../modules/duplicates/index.ts';
import { pickLabel, useObjectMeta } from '../modules/metadata/index.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useErrorMessage } from '../ui/error-message.ts';
import { useLocale } from '../ui/format.ts';
import { notify } from '../ui/notify.ts';
import { PageLoader } from '../ui/PageLoader.tsx';
import { FieldInput } from './FieldInput.tsx';
import { factsOf } from './field-types/index.ts';
import { editableFields, type Values } from './form-values.ts';
import { RecordBreadcrumbs } from './RecordBreadcrumbs.tsx';
import { saveErrorMessages } from './validation.ts';

/**
 * `/records/:object/new?company=12`: a blank form; query parameters prefill reference fields.
 * Only for readers with the create right on the object (and not while viewing as someone else).
 */
export function RecordCreatePage() {
  const { object = '' } = useParams();
  const { meta, isPending, error } = useObjectMeta(object);
  const rights = useMyRights();
  const abilities = useObjectAbilities(object);
  if (isPending || rights.isPending) return <PageLoader />;
  if (error) return <ErrorState error={error} />;
  if (rights.isError) return <ErrorState error={rights.error} onRetry={() => void rights.refetch()} />;
  if (!meta) return <NotFound />;
  // A form the server would refuse on saving helps nobody: say so before anything is typed.
  if (!abilities.create) return <CreateRefused meta={meta} viewingAs={abilities.readOnlySession} />;
  return <CreateWithDefaults key={meta.key} meta={meta} />;
}

/**
 * The form starts with what the record would take anyway (a case opens today as "open"): the
 * writer sees it and may change it, instead of finding it after saving.
 */
function CreateWithDefaults({ meta }: { meta: ObjectMeta }) {
  const defaults = useQuery({
    queryKey: ['record-defaults', meta.key],
    queryFn: () => api.get<{ values: Values }>(`/api/records/${meta.key}/defaults`),
    // "Today" is now: a form opened tomorrow asks again.
    staleTime: 0,
    gcTime: 0,
  });
  if (defaults.isPending) return <PageLoader />;
  if (defaults.isError) return <ErrorState error={defaults.error} onRetry={() => void defaults.refetch()} />;
  return <CreateForm meta={meta} defaults={defaults.data.values} />;
}

function CreateRefused({ meta, viewingAs }: { meta: ObjectMeta; viewingAs: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = t('records:create.title', { object: pickLabel(meta.labels.one, locale) });
  useDocumentTitle(`${title} · ${t('common:appName')}`);
  return (
    <Stack gap="md">
      <RecordBreadcrumbs meta={meta} current={title} />
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="yellow" role="alert">
        {viewingAs
          ? t('access:create.viewingAs')
          : t('access:create.refused', { objects: pickLabel(meta.labels.many, locale) })}
      </Alert>
      <Group>
        <Button variant="default" component={Link} to={`/records/${meta.key}`}>
          {t('access:create.backToList', { objects: pickLabel(meta.labels.many, locale) })}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The defaults, then values from the address: a link from a company's page can preselect that
 * company, a slot of the calendar the start and end.
 */
function prefill(fields: FieldMeta[], params: URLSearchParams, defaults: Values): Values {
  const values: Values = {};
  for (const field of fields) {
    if (defaults[field.key] !== undefined) values[field.key] = defaults[field.key];
    const raw = params.get(field.key);
    if (raw && /^\d+$/.test(raw) && kindOf(field) === 'reference') {
      values[field.key] = Number(raw);
    }
    // A time from the calendar's empty slot; a flag such as all day.
    if (raw && field.type === 'dateTime' && !Number.isNaN(Date.parse(raw))) values[field.key] = raw;
    if (raw === 'true' && field.type === 'boolean') values[field.key] = true;
  }
  return values;
}

function CreateForm({ meta, defaults }: { meta: ObjectMeta; defaults: Values }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const fields = editableFields(meta);
  const [values, setValues] = useState<Values>(() => prefill(fields, params, defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = t('records:create.title', { object: pickLabel(meta.labels.one, locale) });
  useDocumentTitle(`${title} · ${t('common:appName')}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setFormError(null);
    try {
      const created = await api.post<RecordData>(`/api/records/${meta.key}`, values);
      void queryClient.invalidateQueries({ queryKey: ['records', meta.key] });
      notify(t('records:create.created'));
      await navigate(`/records/${meta.key}/${created.id}`, { replace: true });
    } catch (error) {
      const messages = saveErrorMessages(error, meta, t, errorMessage);
      setErrors(messages.byField);
      setFormError(messages.form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md">
      <RecordBreadcrumbs meta={meta} current={title} />
      <Title order={1} size="h2">
        {title}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {/* Likely duplicates, before the record is saved (objects that can be merged). */}
          {meta.actions?.includes(`${meta.key}.merge`) && (
            <DuplicateWarning object={meta.key} values={values} />
          )}
          <Grid gap="md">
            {fields.map((field) => (
              <Grid.Col key={field.key} span={{ base: 12, md: factsOf(field).wide ? 12 : 6 }}>
                <FieldInput
                  field={field}
                  label={pickLabel(field.labels, locale)}
                  value={values[field.key] ?? null}
                  onChange={(value) => {
                    setValues((current) => ({ ...current, [field.key]: value }));
                    setErrors(({ [field.key]: _dropped, ...rest }) => rest);
                  }}
                  error={errors[field.key]}
                />
              </Grid.Col>
            ))}
          </Grid>
          <Group gap="sm">
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={saving}>
              {t('records:create.submit')}
            </Button>
            <Button variant="default" component={Link} to={`/records/${meta.key}`}>
              {t('records:create.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
