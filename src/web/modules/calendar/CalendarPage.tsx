import type {
  DateSelectArg,
  DatesSetArg,
  EventChangeArg,
  EventClickArg,
  EventSourceFuncArg,
} from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import huLocale from '@fullcalendar/core/locales/hu';
import plLocale from '@fullcalendar/core/locales/pl';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import resourceTimeGridPlugin from '@fullcalendar/resource-timegrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Box, Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCalendarShare, IconDownload } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api-client.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useRecordTitles } from '../../records/titles.ts';
import { useLocale } from '../../ui/format.ts';
import { CalendarFeedsDialog } from './CalendarFeeds.tsx';
import { CalendarFilters, type Chosen, KINDS } from './CalendarFilters.tsx';
import {
  type CalendarItem,
  calendarQuery,
  employeeColumn,
  resourceColumn,
  toEventInput,
} from './calendar-events.ts';
import { MoveConflict, type PendingMove, useMove } from './moves.tsx';
import { NewHereMenu, type Slot } from './NewHereMenu.tsx';

const FC_LOCALES = { en: enGbLocale, pl: plLocale, hu: huLocale };

/**
 * `/calendar`: activities, tasks with due times, reminders and bookings of me, of chosen
 * people, groups, departments and rooms — by day, week, month, as a list, or with people and
 * rooms side by side. Dragging saves the new time with the record's version (a conflict opens
 * the conflict dialog); a click on an empty slot plans an activity or a task there.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const employeeId = useCurrentUser()?.employeeId ?? null;
  useDocumentTitle([t('calendar:title'), t('common:appName')].join(' · '));
  const calendar = useRef<FullCalendar>(null);
  const [params] = useSearchParams();
  // A link may name whose calendars and which day (`?employees=3,4&date=2026-03-30`).
  const [chosen, setChosen] = useState<Chosen>(() => {
    const ids = (key: string) =>
      (params.get(key) ?? '')
        .split(',')
        .filter((id) => /^\d{1,15}$/.test(id))
        .map(Number);
    const named = {
      employees: ids('employees'),
      groups: ids('groups'),
      departments: ids('departments'),
      resources: ids('resources'),
    };
    const any = Object.values(named).some((list) => list.length > 0);
    return {
      ...named,
      employees: any || employeeId === null ? named.employees : [employeeId],
      kinds: [...KINDS],
    };
  });
  const initialDate = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '')
    ? (params.get('date') ?? undefined)
    : undefined;
  const [slot, setSlot] = useState<Slot | null>(null);
  // What the calendar shows now: the export takes the same range and choice.
  const [shown, setShown] = useState<{ start: Date; end: Date } | null>(null);
  const [feedsOpen, setFeedsOpen] = useState(false);
  const [conflict, setConflict] = useState<PendingMove | null>(null);
  const refetch = () => calendar.current?.getApi().refetchEvents();
  const move = useMove(refetch, setConflict);
  const people = useRecordTitles('employee', chosen.employees, locale);
  const rooms = useRecordTitles('resource', chosen.resources, locale);
  const resources = useMemo(
    () => [
      ...chosen.employees.map((id) => ({ id: employeeColumn(id), title: people.get(id) ?? `#${id}` })),
      ...chosen.resources.map((id) => ({ id: resourceColumn(id), title: rooms.get(id) ?? `#${id}` })),
    ],
    [chosen.employees, chosen.resources, people, rooms],
  );
  // A new function when the choice changes: FullCalendar then fetches again.
  const events = useMemo(
    () => (info: EventSourceFuncArg) =>
      api
        .get<CalendarItem[]>(`/api/calendar?${calendarQuery({ start: info.start, end: info.end }, chosen)}`)
        .then((items) => items.map(toEventInput)),
    [chosen],
  );

  const onChange = (change: EventChangeArg) => {
    const item = change.event.extendedProps.item as CalendarItem;
    const start = change.event.start;
    if (!start) return change.revert();
    void move(item, start, change.event.end, change.revert);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('calendar:title')}
        </Title>
        <Group gap="xs">
          {shown && (
            <Button
              component="a"
              href={`/api/calendar/export.ics?${calendarQuery(shown, chosen)}`}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('calendar:export')}
            </Button>
          )}
          {employeeId !== null && (
            <Button
              variant="default"
              leftSection={<IconCalendarShare size={16} aria-hidden />}
              onClick={() => setFeedsOpen(true)}
            >
              {t('calendar:feeds.open')}
            </Button>
          )}
        </Group>
      </Group>
      <CalendarFilters chosen={chosen} onChange={setChosen} />
      <Box role="region" aria-label={t('calendar:title')}>
        <FullCalendar
          ref={calendar}
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, resourceTimeGridPlugin]}
          // The resource views are used under their GPLv3 licence (ADR 0015).
          schedulerLicenseKey="GPL-My-Project-Is-Open-Source"
          locale={FC_LOCALES[locale]}
          initialView={params.get('view') === 'side' ? 'resourceTimeGridDay' : 'timeGridWeek'}
          initialDate={initialDate}
          headerToolbar={{
            left: 'prev,next today',
            center: 'title',
            right: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek,resourceTimeGridDay',
          }}
          // Words, not the icon font: the content security policy serves fonts from here only.
          buttonIcons={false}
          buttonText={{ resourceTimeGridDay: t('calendar:sideBySide') }}
          height="auto"
          nowIndicator
          editable
          selectable
          selectMirror
          slotMinTime="06:00:00"
          slotMaxTime="21:00:00"
          scrollTime="08:00:00"
          resources={resources}
          events={events}
          datesSet={(dates: DatesSetArg) => setShown({ start: dates.start, end: dates.end })}
          eventChange={onChange}
          eventClick={(click: EventClickArg) => {
            click.jsEvent.preventDefault();
            const item = click.event.extendedProps.item as CalendarItem;
            void navigate(`/records/${item.kind}/${item.recordId}`);
          }}
          select={(selection: DateSelectArg) =>
            setSlot({ start: selection.start, end: selection.end, allDay: selection.allDay })
          }
        />
      </Box>
      {feedsOpen && <CalendarFeedsDialog onClose={() => setFeedsOpen(false)} />}
      {slot && <NewHereMenu slot={slot} onClose={() => setSlot(null)} />}
      {conflict && (
        <MoveConflict
          pending={conflict}
          onDone={() => {
            setConflict(null);
            refetch();
          }}
        />
      )}
    </Stack>
  );
}
