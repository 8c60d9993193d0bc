import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError, api } from '../../app/api-client.ts';
import type { ListResponse, RecordData } from '../../app/api-types.ts';
import { useCurrentUser } from '../../app/session.ts';
import { FieldInput } from '../../records/FieldInput.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useLocale } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { fieldOf, pickLabel } from '../metadata/index.ts';
import { timelineKey } from './api.ts';

/** What "Log …" starts with: an activity of a kind (by its code), or a note. */
export type LogKind = 'call' | 'meeting' | 'note';

interface Props {
  kind: LogKind | null;
  onClose: () => void;
  /** The record whose file this is (a client or a person) and what it is called. */
  subject: { object: 'company' | 'person'; id: number; title: string; company: number | null };
  activityMeta: ObjectMeta | undefined;
  noteMeta: ObjectMeta | undefined;
}

/** The activity kinds by code, for "Log a call" to set the kind an administrator may have renamed. */
function useActivityKinds() {
  return useQuery({
    queryKey: ['records', 'dictionary_value', 'activity_type'],
    queryFn: ({ signal }) =>
      api.post<ListResponse>(
        '/api/records/dictionary_value/query',
        { filter: { field: 'dictionary', op: 'eq', value: 'activity_type' }, limit: 100 },
        { signal },
      ),
    select: (page) => new Map(page.items.map((item) => [String(item.code), Number(item.id)])),
  });
}

/**
 * "Log a call / meeting / note" from a client's file: one sentence and the time, the rest
 * prefilled (the client, the person whose page it is, me as the organiser; done when it is
 * past). Like HubSpot's and Pipedrive's "log activity", it is one dialog, not the full form.
 */
export function LogActivityDialog({ kind, onClose, subject, activityMeta, noteMeta }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const kinds = useActivityKinds();
  const [startsAt, setStartsAt] = useState<unknown>(() => new Date().toISOString());
  const [participants, setParticipants] = useState<unknown>(subject.object === 'person' ? [subject.id] : []);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isNote = kind === 'note';
  const kindTitle = kind ? t(`timeline:log.kind.${kind}`) : '';

  const save = useMutation({
    mutationFn: async () => {
      if (isNote) {
        return api.post<RecordData>('/api/records/note', {
          body: text,
          company: subject.company,
          ...(subject.object === 'person' ? { person: subject.id } : {}),
        });
      }
      const starts = typeof startsAt === 'string' ? startsAt : new Date().toISOString();
      return api.post<RecordData>('/api/records/activity', {
        title: title.trim() || `${kindTitle}: ${subject.title}`,
        type: kind ? (kinds.data?.get(kind) ?? null) : null,
        starts_at: starts,
        company: subject.company,
        participants,
        organiser: user?.employeeId ?? null,
        // Logged afterwards it is done; logged ahead it is planned.
        status: new Date(starts).getTime() <= Date.now() ? 'done' : 'planned',
        outcome: text.trim() || null,
      });
    },
    onSuccess: () => {
      notify(t(isNote ? 'timeline:log.savedNote' : 'timeline:log.saved'));
      void queryClient.invalidateQueries({ queryKey: timelineKey(subject.object, subject.id) });
      void queryClient.invalidateQueries({ queryKey: ['records', isNote ? 'note' : 'activity'] });
      setText('');
      setTitle('');
      onClose();
    },
    onError: (failure) => setError(failure instanceof ApiError ? errorMessage(failure) : String(failure)),
  });

  const startsField = activityMeta ? fieldOf(activityMeta, 'starts_at') : undefined;
  const participantsField = activityMeta ? fieldOf(activityMeta, 'participants') : undefined;
  const noteLabel = noteMeta ? pickLabel(noteMeta.labels.one, locale) : t('timeline:log.kind.note');

  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={t(`timeline:log.title.${kind ?? 'call'}`)}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          if (isNote && text.trim() === '') {
            setError(t('timeline:log.noteRequired'));
            return;
          }
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {!isNote && (
            <>
              <TextInput
                label={t('timeline:log.subject')}
                placeholder={`${kindTitle}: ${subject.title}`}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                maxLength={200}
              />
              {startsField && (
                <FieldInput
                  field={startsField}
                  label={t('timeline:log.when')}
                  value={startsAt}
                  onChange={setStartsAt}
                />
              )}
              {participantsField && (
                <FieldInput
                  field={participantsField}
                  label={pickLabel(participantsField.labels, locale)}
                  value={participants}
                  onChange={setParticipants}
                />
              )}
            </>
          )}
          <Textarea
            label={isNote ? noteLabel : t('timeline:log.outcome')}
            placeholder={t(isNote ? 'timeline:log.notePlaceholder' : 'timeline:log.outcomePlaceholder')}
            autosize
            minRows={3}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('timeline:log.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('timeline:log.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
