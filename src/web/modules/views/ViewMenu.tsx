import { Box, Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import {
  IconChevronDown,
  IconDeviceFloppy,
  IconLayoutList,
  IconPalette,
  IconPencil,
  IconPlus,
  IconStar,
  IconStarOff,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectMeta } from '../../../shared/metadata/types.ts';
import { ApiError } from '../../app/api-client.ts';
import type { ListViewState } from '../../records/list-state.ts';
import { useErrorMessage } from '../../ui/error-message.ts';
import { notify } from '../../ui/notify.ts';
import { ColourRulesModal } from './ColourRulesModal.tsx';
import {
  type SavedView,
  useCreateView,
  useDeleteView,
  useSavedViews,
  useSetDefaultView,
  useUpdateView,
} from './queries.ts';
import { DeleteViewModal, SaveViewModal, type ViewFormValues } from './ViewDialogs.tsx';

export interface ViewMenuProps {
  meta: ObjectMeta;
  /** What the list shows now: what "Save" and "Save as new" store. */
  state: ListViewState;
  /** The list without any saved view (metadata defaults): what "Standard list" applies. */
  standard: ListViewState;
  /** The saved view the list started from, or null for the standard list. */
  currentViewId: number | null;
  /** The list differs from the current view (or from the standard list): enables "Save". */
  dirty: boolean;
  /**
   * Replace the list's state. Called when the user picks a view (its definition and id), picks
   * the standard list (`standard`, null), applies row colours (the new state, the same id),
   * saves (the saved definition and its id: the list is clean again) or deletes the current view
   * (the unchanged state, null). `isViewDefinition` is true when `state` is exactly what the
   * view stores (picked or just saved), which the cached list of views may not show yet.
   */
  onApply: (state: ListViewState, viewId: number | null, isViewDefinition?: boolean) => void;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; view: SavedView }
  | { kind: 'delete'; view: SavedView }
  | { kind: 'colours' };

const STANDARD = 'standard';

function ViewItem({ view, onPick }: { view: SavedView; onPick: (view: SavedView) => void }) {
  const { t } = useTranslation();
  return (
    <Menu.RadioItem
      value={String(view.id)}
      onClick={() => onPick(view)}
      closeMenuOnClick
      rightSection={
        <Box component="span" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
          {!view.mine && (
            <Text span size="xs" c="dimmed">
              {t('views:menu.sharedBy', { login: view.ownerLogin })}
            </Text>
          )}
          {view.mine && view.shared && (
            <IconUsers size={14} role="img" aria-label={t('views:menu.sharedMark')} />
          )}
          {view.isDefault && <IconStar size={14} role="img" aria-label={t('views:menu.defaultMark')} />}
        </Box>
      }
    >
      {view.name}
    </Menu.RadioItem>
  );
}

/**
 * The list toolbar's view switcher: shows the current view, applies another, saves the list as
 * a view, renames, shares, deletes own views, picks the default, and edits row colours.
 */
export function ViewMenu({ meta, state, standard, currentViewId, dirty, onApply }: ViewMenuProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const views = useSavedViews(meta.key);
  const createView = useCreateView();
  const updateView = useUpdateView();
  const deleteView = useDeleteView();
  const setDefault = useSetDefaultView();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const items = views.data?.items ?? [];
  const current = items.find((view) => view.id === currentViewId) ?? null;
  const mine = items.filter((view) => view.mine);
  const others = items.filter((view) => !view.mine);
  const close = () => setDialog(null);

  const fail = (error: unknown) =>
    error instanceof ApiError && error.status === 409
      ? notify(t('views:notify.conflict'), 'yellow')
      : notify(errorMessage(error), 'red');

  async function save(view: SavedView) {
    try {
      const saved = await updateView.mutateAsync({ view, definition: state });
      onApply(saved.definition, saved.id, true);
      notify(t('views:notify.saved', { name: saved.name }));
    } catch (error) {
      fail(error);
    }
  }

  async function chooseDefault(viewId: number | null, name: string) {
    try {
      await setDefault.mutateAsync({ object: meta.key, viewId });
      notify(viewId === null ? t('views:notify.defaultCleared') : t('views:notify.defaultSet', { name }));
    } catch (error) {
      fail(error);
    }
  }

  async function submitForm(values: ViewFormValues) {
    if (dialog?.kind === 'edit') {
      await updateView.mutateAsync({ view: dialog.view, name: values.name, shared: values.shared });
      notify(t('views:notify.saved', { name: values.name }));
    } else {
      const created = await createView.mutateAsync({ object: meta.key, ...values, definition: state });
      onApply(created.definition, created.id, true);
      notify(t('views:notify.saved', { name: created.name }));
    }
    close();
  }

  return (
    <>
      <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconLayoutList size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {/* Spaces in the text, not only in the layout: the accessible name is read from it. */}
            <VisuallyHidden>{t('views:menu.current')} </VisuallyHidden>
            {current ? current.name : t('views:menu.standard')}
            {dirty && (
              // The margin shows the gap (a flex item drops its leading space); the space is for the name.
              <Text span size="xs" c="dimmed" ml={4}>
                {' '}
                {t('views:menu.changed')}
              </Text>
            )}
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={480} style={{ overflowY: 'auto' }}>
          <Menu.RadioGroup value={current ? String(current.id) : STANDARD}>
            <Menu.RadioItem value={STANDARD} onClick={() => onApply(standard, null)} closeMenuOnClick>
              {t('views:menu.standard')}
            </Menu.RadioItem>
            {views.isError && <Menu.Label>{t('views:menu.loadError')}</Menu.Label>}
            {mine.length > 0 && <Menu.Label>{t('views:menu.mine')}</Menu.Label>}
            {mine.map((view) => (
              <ViewItem key={view.id} view={view} onPick={(v) => onApply(v.definition, v.id, true)} />
            ))}
            {others.length > 0 && <Menu.Label>{t('views:menu.shared')}</Menu.Label>}
            {others.map((view) => (
              <ViewItem key={view.id} view={view} onPick={(v) => onApply(v.definition, v.id, true)} />
            ))}
          </Menu.RadioGroup>
          <Menu.Divider />
          {current?.mine && (
            <Menu.Item
              leftSection={<IconDeviceFloppy size={14} aria-hidden />}
              disabled={!dirty}
              onClick={() => void save(current)}
            >
              {t('views:menu.save')}
            </Menu.Item>
          )}
          <Menu.Item
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('views:menu.saveAs')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconPalette size={14} aria-hidden />}
            onClick={() => setDialog({ kind: 'colours' })}
          >
            {t('views:menu.colours')}
          </Menu.Item>
          {current && (
            <Menu.Item
              leftSection={
                current.isDefault ? <IconStarOff size={14} aria-hidden /> : <IconStar size={14} aria-hidden />
              }
              onClick={() => void chooseDefault(current.isDefault ? null : current.id, current.name)}
            >
              {current.isDefault ? t('views:menu.unsetDefault') : t('views:menu.setDefault')}
            </Menu.Item>
          )}
          {!current && views.data?.defaultViewId != null && (
            <Menu.Item
              leftSection={<IconStar size={14} aria-hidden />}
              onClick={() => void chooseDefault(null, '')}
            >
              {t('views:menu.standardDefault')}
            </Menu.Item>
          )}
          {current?.mine && (
            <>
              <Menu.Item
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => setDialog({ kind: 'edit', view: current })}
              >
                {t('views:menu.edit')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => setDialog({ kind: 'delete', view: current })}
              >
                {t('views:menu.delete')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <SaveViewModal
          mode={dialog.kind}
          initial={
            dialog.kind === 'edit'
              ? { name: dialog.view.name, shared: dialog.view.shared, isDefault: dialog.view.isDefault }
              : { name: '', shared: false, isDefault: false }
          }
          onClose={close}
          onSubmit={submitForm}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteViewModal
          name={dialog.view.name}
          onClose={close}
          onConfirm={async () => {
            await deleteView.mutateAsync(dialog.view);
            if (dialog.view.id === currentViewId) onApply(state, null);
            notify(t('views:notify.deleted', { name: dialog.view.name }));
            close();
          }}
        />
      )}
      {dialog?.kind === 'colours' && (
        <ColourRulesModal
          meta={meta}
          rules={state.colourRules}
          onClose={close}
          onApply={(colourRules) => {
            onApply({ ...state, colourRules }, currentViewId);
            close();
          }}
        />
      )}
    </>
  );
}
