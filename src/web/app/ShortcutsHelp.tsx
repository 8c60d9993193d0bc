import { Kbd, Modal, Table } from '@mantine/core';
import { useDisclosure, useWindowEvent } from '@mantine/hooks';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

/** Keys and what they do; the keys are the same in every language, the words are not. */
const SHORTCUTS: Array<{ keys: string[][]; action: string }> = [
  {
    keys: [
      ['Ctrl', 'K'],
      ['⌘', 'K'],
    ],
    action: 'search',
  },
  { keys: [['↑'], ['↓']], action: 'rows' },
  { keys: [['Home'], ['End']], action: 'ends' },
  { keys: [['Enter']], action: 'open' },
  { keys: [['Space']], action: 'mark' },
  { keys: [['Shift', 'Click']], action: 'range' },
  { keys: [['Esc']], action: 'cancel' },
  { keys: [['?']], action: 'help' },
];

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select, [role="combobox"]') !== null)
  );
}

/** `?` anywhere outside a text field lists the keyboard shortcuts. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useWindowEvent('keydown', (event) => {
    if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
      event.preventDefault();
      open();
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t('shell:shortcuts.title')}>
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(({ keys, action }) => (
            <Table.Tr key={action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {keys.map((combination, index) => (
                  <Fragment key={combination.join('+')}>
                    {index > 0 && ' / '}
                    {combination.map((key, at) => (
                      <Fragment key={key}>
                        {at > 0 && ' + '}
                        <Kbd>
                          {key === 'Click'
                            ? t('shell:shortcuts.click')
                            : key === 'Space'
                              ? t('shell:shortcuts.space')
                              : key}
                        </Kbd>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </Table.Td>
              <Table.Td>{t(`shell:shortcuts.${action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
