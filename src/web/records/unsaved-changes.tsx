import { Button, Group, Modal, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Edits not yet saved on a page: the full form and each value being edited inline report
 * themselves here, by a key of their own. While any is unsaved, leaving the page asks first:
 * a link or Back in the app opens a dialog, closing or reloading the tab the browser's own
 * prompt. The form's draft is still kept (draft.ts); this is the warning before it is needed.
 */
interface UnsavedChanges {
  report: (key: string, unsaved: boolean) => void;
}

const UnsavedContext = createContext<UnsavedChanges>({ report: () => undefined });

/** Called by whatever holds an edit: `unsaved` true while it differs from what is stored. */
export function useReportUnsaved(): (key: string, unsaved: boolean) => void {
  return useContext(UnsavedContext).report;
}

export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((key: string, isUnsaved: boolean) => {
    setUnsaved((current) => {
      if (current.has(key) === isUnsaved) return current;
      const next = new Set(current);
      if (isUnsaved) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ report }), [report]);
  const dirty = unsaved.size > 0;
  // Only a move to another page asks; the record's own tabs (?tab=history) keep the edit mounted.
  // A lost session goes to the login page unasked: nothing can be saved before logging in
  // again, and the form's draft brings its edits back afterwards.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname && nextLocation.pathname !== '/login',
  );
  useWindowEvent('beforeunload', (event) => {
    if (!dirty) return;
    // The browser shows its own wording; preventDefault is what asks for the prompt.
    event.preventDefault();
  });

  /** Where the user was working on the page: staying puts the focus back there. */
  const content = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<HTMLElement | null>(null);
  useWindowEvent('focusin', (event) => {
    // Only inside the page: the link that tried to leave is not where the work is.
    if (event.target instanceof HTMLElement && content.current?.contains(event.target)) {
      lastFocus.current = event.target;
    }
  });
  function stay() {
    blocker.reset?.();
    const target = lastFocus.current;
    requestAnimationFrame(() => target?.focus());
  }

  return (
    <UnsavedContext.Provider value={value}>
      <div ref={content}>{children}</div>
      <Modal
        opened={blocker.state === 'blocked'}
        onClose={stay}
        title={t('records:unsaved.title')}
        closeButtonProps={{ 'aria-label': t('common:close') }}
        // Staying goes back to the edit (below), not to the link that tried to leave.
        returnFocus={false}
      >
        <Text size="sm">{t('records:unsaved.message')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={stay} data-autofocus>
            {t('records:unsaved.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('records:unsaved.leave')}
          </Button>
        </Group>
      </Modal>
    </UnsavedContext.Provider>
  );
}
