import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../app/api-types.ts';

const TOP = 'top';

export interface DepartmentDialogProps {
  /** `create`: name and parent; `rename`: name only; `move`: parent only. */
  mode: 'create' | 'rename' | 'move';
  department: RecordData | null;
  /** Where a new department goes to begin with. */
  parent: number | null;
  departments: RecordData[];
  /** Departments the chosen one cannot be moved under (itself and what is below it). */
  excluded: Set<number>;
  onSubmit: (values: { name: string; parent: number | null }) => Promise<string | null>;
  onClose: () => void;
}

/** One small form for a new department, a new name, or a new place in the tree (the keyboard's way to move). */
export function DepartmentDialog(props: DepartmentDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(typeof props.department?.name === 'string' ? props.department.name : '');
  const initialParent =
    props.mode === 'create' ? props.parent : ((props.department?.parent as number | null) ?? null);
  const [parent, setParent] = useState<string>(initialParent === null ? TOP : String(initialParent));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = {
    create: t('access:departments.new'),
    rename: t('access:departments.rename'),
    move: t('access:departments.moveTitle', { name: String(props.department?.name ?? '') }),
  }[props.mode];
  const options = [
    { value: TOP, label: t('access:departments.topLevel') },
    ...props.departments
      .filter((department) => !props.excluded.has(department.id))
      .map((department) => ({
        value: String(department.id),
        label: String(department.name ?? `#${department.id}`),
      })),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const failure = await props.onSubmit({
      name: name.trim(),
      parent: parent === TOP ? null : Number(parent),
    });
    setBusy(false);
    if (failure) setProblem(failure);
    else props.onClose();
  }

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {props.mode !== 'move' && (
            <TextInput
              label={t('access:departments.name')}
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
          )}
          {props.mode !== 'rename' && (
            <Select
              label={t('access:departments.parent')}
              data={options}
              value={parent}
              onChange={(value) => setParent(value ?? TOP)}
              searchable
              allowDeselect={false}
            />
          )}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('access:cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={props.mode !== 'move' && !name.trim()}>
              {t('access:save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
