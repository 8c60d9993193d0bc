import { Button, Group, Modal, Text } from '@mantine/core';
import { IconCalendarPlus, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../../ui/format.ts';
import { useObjectAbilities } from '../access/index.ts';

export interface Slot {
  start: Date;
  end: Date;
  allDay: boolean;
}

/** A click or drag on an empty slot: plan an activity there, or a task due then. */
export function NewHereMenu({ slot, onClose }: { slot: Slot; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatters();
  const activity = useObjectAbilities('activity').create;
  const task = useObjectAbilities('task').create;
  const go = (path: string) => {
    onClose();
    void navigate(path);
  };
  const times = new URLSearchParams({ starts_at: slot.start.toISOString(), ends_at: slot.end.toISOString() });
  if (slot.allDay) times.set('all_day', 'true');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('calendar:newHere')}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Text size="sm" mb="md">
        {slot.allDay ? format.date(slot.start.toISOString()) : format.dateTime(slot.start.toISOString())}
      </Text>
      <Group>
        {activity && (
          <Button
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            onClick={() => go(`/records/activity/new?${times}`)}
          >
            {t('calendar:newActivity')}
          </Button>
        )}
        {task && (
          <Button
            variant="default"
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={() => go(`/records/task/new?due_at=${encodeURIComponent(slot.start.toISOString())}`)}
          >
            {t('calendar:newTask')}
          </Button>
        )}
      </Group>
    </Modal>
  );
}
