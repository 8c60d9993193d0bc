import {
  IconBriefcase,
  IconCalendarEvent,
  IconFileDollar,
  IconFlag,
  IconHistory,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconPresentation,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import type { TimelineItem } from './api.ts';

/** Activities by their kind's code (an administrator may rename a kind; the code stays). */
const BY_KIND: Record<string, TablerIcon> = {
  call: IconPhone,
  meeting: IconUsers,
  email: IconMail,
  presentation: IconPresentation,
  offer: IconFileDollar,
  visit: IconMapPin,
  note: IconNote,
};

const BY_TYPE: Record<string, TablerIcon> = {
  activity: IconCalendarEvent,
  case: IconBriefcase,
  case_stage: IconFlag,
  note: IconNote,
  change: IconHistory,
};

export function entryIcon(item: Pick<TimelineItem, 'type' | 'kind'>): TablerIcon {
  return (item.kind?.code ? BY_KIND[item.kind.code] : undefined) ?? BY_TYPE[item.type] ?? IconCalendarEvent;
}
