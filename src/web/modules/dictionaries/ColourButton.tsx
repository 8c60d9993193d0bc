import {
  ActionIcon,
  Button,
  CheckIcon,
  ColorSwatch,
  Group,
  Popover,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's palette by name (the names are read out to screen-reader users); any #rrggbb can be typed too. */
export const PALETTE = [
  ['red', '#fa5252'],
  ['pink', '#e64980'],
  ['grape', '#be4bdb'],
  ['violet', '#7950f2'],
  ['indigo', '#4c6ef5'],
  ['blue', '#228be6'],
  ['cyan', '#15aabf'],
  ['teal', '#12b886'],
  ['green', '#40c057'],
  ['lime', '#82c91e'],
  ['yellow', '#fab005'],
  ['orange', '#fd7e14'],
  ['gray', '#868e96'],
] as const;
export const SWATCHES = PALETTE.map(([, colour]) => colour);

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour as stored: `#rrggbb` in lower case, or null for none (and for what is not a colour). */
export function normaliseColour(text: string): string | null {
  const trimmed = text.trim();
  return HEX.test(trimmed) ? trimmed.toLowerCase() : null;
}

export interface ColourButtonProps {
  colour: string | null;
  /** The value's label, for the button's name. */
  title: string;
  onChange: (colour: string | null) => void;
}

/**
 * A value's colour as a dot; pressing it opens the palette, a field for any colour and
 * "No colour". Narrow, so the labels keep the table's width.
 */
export function ColourButton({ colour, title, onChange }: ColourButtonProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [hex, setHex] = useState('');
  const [invalid, setInvalid] = useState(false);
  const named = PALETTE.find(([, value]) => value === colour)?.[0];
  const colourName = named
    ? t(`dictionaries:palette.${named}`)
    : (colour ?? t('dictionaries:value.noColour'));

  function choose(next: string | null) {
    setOpened(false);
    if (next !== colour) onChange(next);
  }

  function typed(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = normaliseColour(hex);
    if (next) choose(next);
    else setInvalid(true);
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      trapFocus
      returnFocus
      position="bottom"
      withArrow
      shadow="md"
    >
      <Popover.Target>
        <ActionIcon
          variant="default"
          aria-label={t('dictionaries:value.colour', { value: title, colour: colourName })}
          onClick={() => {
            setHex(colour ?? '');
            setInvalid(false);
            setOpened((open) => !open);
          }}
        >
          {colour ? (
            <ColorSwatch color={colour} size={16} />
          ) : (
            <ColorSwatch
              color="transparent"
              size={16}
              withShadow
              style={{ border: '1px dashed var(--mantine-color-dimmed)' }}
            />
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={210}>
          <SimpleGrid cols={7} spacing={4}>
            {PALETTE.map(([name, value]) => (
              <ColorSwatch
                key={name}
                component="button"
                type="button"
                color={value}
                size={24}
                aria-label={t(`dictionaries:palette.${name}`)}
                aria-pressed={value === colour}
                onClick={() => choose(value)}
                style={{ cursor: 'pointer' }}
              >
                {value === colour && <CheckIcon size={10} color="white" />}
              </ColorSwatch>
            ))}
          </SimpleGrid>
          <TextInput
            size="xs"
            label={t('dictionaries:value.hex')}
            placeholder="#rrggbb"
            value={hex}
            onChange={(event) => {
              setHex(event.currentTarget.value);
              setInvalid(false);
            }}
            onKeyDown={typed}
            error={invalid ? t('dictionaries:value.hexInvalid') : undefined}
          />
          <Group justify="space-between" gap="xs">
            <Button size="xs" variant="default" onClick={() => choose(null)}>
              {t('dictionaries:value.noColour')}
            </Button>
            <Button
              size="xs"
              onClick={() => {
                const next = normaliseColour(hex);
                if (next || hex.trim() === '') choose(next);
                else setInvalid(true);
              }}
            >
              {t('dictionaries:value.applyColour')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
