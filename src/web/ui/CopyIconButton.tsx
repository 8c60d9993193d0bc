import { ActionIcon, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A copy-to-clipboard icon that says what it copies, and that it did. */
export function CopyIconButton({
  value,
  label,
  copiedLabel,
  variant = 'default',
}: {
  value: string;
  label: string;
  copiedLabel: string;
  variant?: 'default' | 'subtle';
}) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? copiedLabel : label} withArrow>
          <ActionIcon variant={variant} onClick={copy} aria-label={copied ? copiedLabel : label}>
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
