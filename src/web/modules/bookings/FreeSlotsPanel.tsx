import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api-client.ts';
import type { RecordExtensionProps } from '../../records/extensions.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useFormatters } from '../../ui/format.ts';
import { freeInWindows, workingWindows } from './working-hours.ts';

/** How far ahead, and the shortest gap worth offering. */
const DAYS = 7;
const MINUTES = 30;

interface FreeSlots {
  bookable: boolean;
  free: Array<{ starts_at: string; ends_at: string }>;
}

/**
 * On a room's or car's page: when it is free in the working hours of the coming week, each gap
 * a link that books it (the booking form with the resource and the times filled in).
 */
export function FreeSlotsPanel({ meta, record }: RecordExtensionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const now = new Date();
  const windows = workingWindows(now, DAYS);
  const from = windows[0]?.start ?? now;
  const to = windows.at(-1)?.end ?? now;
  const slots = useQuery({
    queryKey: ['records', 'booking', 'free', record.id, from.toISOString()],
    queryFn: ({ signal }) =>
      api.get<FreeSlots>(`/api/resources/${record.id}/free-slots`, {
        query: { from: from.toISOString(), to: to.toISOString(), minutes: MINUTES },
        signal,
      }),
    enabled: meta.key === 'resource' && windows.length > 0,
  });
  if (meta.key !== 'resource') return null;
  const free = (slots.data?.free ?? []).map((slot) => ({
    start: new Date(slot.starts_at),
    end: new Date(slot.ends_at),
  }));
  const days = freeInWindows(free, windows, now, MINUTES);
  const time = (date: Date) => format.dateTime(date.toISOString()).slice(-5);
  return (
    <Stack gap="xs" component="section" aria-labelledby="free-slots">
      <Title order={2} size="h4" id="free-slots">
        {t('bookings:free.title')}
      </Title>
      {slots.isError && <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />}
      {slots.data && !slots.data.bookable && <Text c="dimmed">{t('bookings:free.notBookable')}</Text>}
      {slots.data?.bookable &&
        windows.map((window, index) => (
          <Group key={window.start.toISOString()} gap="xs" align="baseline" wrap="wrap">
            <Text size="sm" fw={600} miw={110}>
              {format.date(window.start.toISOString())}
            </Text>
            {(days[index] ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('bookings:free.none')}
              </Text>
            ) : (
              (days[index] ?? []).map((slot) => (
                <Anchor
                  key={slot.start.toISOString()}
                  component={Link}
                  size="sm"
                  to={`/records/booking/new?${new URLSearchParams({
                    resource: String(record.id),
                    starts_at: slot.start.toISOString(),
                    ends_at: slot.end.toISOString(),
                  })}`}
                  aria-label={t('bookings:free.book', { from: time(slot.start), to: time(slot.end) })}
                >
                  {time(slot.start)}–{time(slot.end)}
                </Anchor>
              ))
            )}
          </Group>
        ))}
    </Stack>
  );
}
