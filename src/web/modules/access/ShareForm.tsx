import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_ACCESS, type ShareAccess } from '../../../shared/access/rights.ts';
import type { FieldMeta, ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError } from '../../app/api-client.ts';
import { ReferencePicker } from '../../records/ReferencePicker.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { useObjects } from '../metadata/index.ts';
import {
  SHARE_KINDS,
  SHARE_TARGET_OBJECT,
  type Share,
  type ShareKind,
  type ShareNamer,
  sharesApi,
  sharesKey,
  shareTarget,
} from './shares-api.ts';

/** The picker works on a field; a share's target is not one, so it gets a field of its own. */
function targetField(target: ObjectMeta): FieldMeta {
  return {
    key: `share_${target.key}`,
    type: 'relation',
    labels: target.labels.one,
    required: true,
    readOnly: false,
    system: false,
    target: target.key,
    sortable: false,
    filterable: false,
  };
}

/**
 * Adds one share: whom (an account, a department or a work group, picked among the records the
 * reader can see) and how (read, or read and edit). Sharing again with someone who already has
 * a share changes its access: the new share is made before the old one goes, so access never
 * lapses in between.
 */
export function ShareForm(props: { object: string; id: number; shares: Share[]; nameOf: ShareNamer }) {
  const { object, id, shares, nameOf } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const objects = useObjects();
  // Only what the reader may read can be picked (the metadata lists nothing else).
  const targets = new Map(
    SHARE_KINDS.flatMap((kind) => {
      const meta = objects.data?.find((candidate) => candidate.key === SHARE_TARGET_OBJECT[kind]);
      return meta ? [[kind, meta] as const] : [];
    }),
  );
  const [chosenKind, setKind] = useState<ShareKind | null>(null);
  const kind = chosenKind !== null && targets.has(chosenKind) ? chosenKind : ([...targets.keys()][0] ?? null);
  const [target, setTarget] = useState<number | null>(null);
  const [access, setAccess] = useState<ShareAccess>('read');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function describe(error: unknown): string {
    if (error instanceof ApiError && error.status === 403) return t('access:share.forbidden');
    if (error instanceof ApiError && error.status === 404) return t('access:share.recordGone');
    // A 400 names what was wrong (a target deleted meanwhile): the server's sentence says it best.
    if (error instanceof ApiError && error.status === 400) return error.message;
    return errorMessage(error);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === null || target === null || busy) return;
    const name = nameOf(kind, target);
    const existing = shares.find((share) => {
      const other = shareTarget(share);
      return other?.kind === kind && other.id === target;
    });
    if (existing?.access === access) {
      setProblem(t('access:share.already', { name }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await sharesApi.create(object, id, kind, target, access);
      if (existing) await sharesApi.remove(object, id, existing.id);
      notify(t(existing ? 'access:share.changed' : 'access:share.added'));
      setTarget(null);
    } catch (error) {
      setProblem(describe(error));
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: sharesKey(object, id) });
    }
  }

  const targetMeta = kind === null ? undefined : targets.get(kind);
  return (
    <section aria-labelledby="share-add">
      <Title order={3} size="h5" id="share-add" mb="xs">
        {t('access:share.add')}
      </Title>
      {objects.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common:loading')}
        </Text>
      ) : kind === null || !targetMeta ? (
        <Text size="sm" c="dimmed">
          {t('access:share.noTargets')}
        </Text>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Radio.Group
              label={t('access:share.with')}
              value={kind}
              onChange={(value) => {
                setKind(value as ShareKind);
                setTarget(null);
                setProblem(null);
              }}
            >
              <Group gap="md" mt={4}>
                {[...targets.keys()].map((option) => (
                  <Radio key={option} value={option} label={t(`access:share.kind.${option}`)} />
                ))}
              </Group>
            </Radio.Group>
            <ReferencePicker
              // A new picker per kind: its search and options belong to one object.
              key={kind}
              field={targetField(targetMeta)}
              label={t(`access:share.pick.${kind}`)}
              expanded={null}
              value={target}
              onChange={(value) => {
                setTarget(value);
                setProblem(null);
              }}
            />
            <NativeSelect
              label={t('access:share.access')}
              value={access}
              onChange={(event) => setAccess(event.currentTarget.value as ShareAccess)}
              data={SHARE_ACCESS.map((level) => ({ value: level, label: t(`access:share.level.${level}`) }))}
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={busy}
                disabled={target === null}
                leftSection={<IconShare size={16} aria-hidden />}
              >
                {t('access:share.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}
