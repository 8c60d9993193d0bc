import { ActionIcon, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useErrorMessage } from '../../ui/error-message.ts';
import { useFormatters } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';

interface Comment {
  id: number;
  body: string;
  author: { id: number; name: string } | null;
  createdAt: string;
  version: number;
  mine: boolean;
}

/**
 * The conversation under a record of an object that takes comments: oldest first, a box to add
 * one (Ctrl+Enter sends; `@login` or `@"First Last"` tells someone), one's own deletable.
 */
export function CommentsPanel({ meta, record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [body, setBody] = useState('');
  const path = `/api/records/${meta.key}/${record.id}/comments`;
  const key = ['comments', meta.key, record.id];
  const comments = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ items: Comment[] }>(path, { signal }),
  });
  const add = useMutation({
    mutationFn: () => api.post<{ id: number }>(path, { body }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  const remove = useMutation({
    mutationFn: (comment: Comment) =>
      api.delete(`/api/comments/${comment.id}`, { query: { version: comment.version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
    onError: (error) => notify(errorMessage(error), 'red'),
  });
  const send = () => {
    if (body.trim() !== '' && !add.isPending) add.mutate();
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="comments-heading">
      <Title order={2} size="h4" id="comments-heading">
        {t('comments:title')}
      </Title>
      {comments.isError && <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data?.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('comments:none')}
        </Text>
      )}
      {(comments.data?.items ?? []).length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {comments.data?.items.map((comment) => (
            <li key={comment.id}>
              <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text size="xs" c="dimmed">
                    {comment.author?.name ?? t('comments:someone')} ·{' '}
                    <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {comment.body}
                  </Text>
                </Stack>
                {comment.mine && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('comments:delete')}
                    onClick={() => remove.mutate(comment)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('comments:new')}
            description={t('comments:hint')}
            autosize
            minRows={2}
            maxRows={8}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" size="compact-sm" disabled={body.trim() === ''} loading={add.isPending}>
              {t('comments:send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
