import { Badge, Button, Drawer, Group, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLabel } from '../../modules/metadata/index.ts';
import { useLocale } from '../../ui/format.ts';
import { FilterBuilder, type FilterBuilderProps } from './FilterBuilder.tsx';
import { countConditions } from './filter-model.ts';

export interface FilterControlProps extends FilterBuilderProps {
  /** Open from outside too (a filter chip opens the builder); uncontrolled when absent. */
  opened?: boolean;
  onOpenedChange?: (opened: boolean) => void;
  /** On a phone: a sheet from the bottom over the whole width, instead of a side drawer. */
  sheet?: boolean;
  /** Shown above the conditions (on a phone, the saved views, which have no room in the toolbar). */
  header?: ReactNode;
}

/**
 * The list toolbar's "Filter" button with the number of active conditions, opening the builder
 * in a drawer. A drawer rather than a popover: the pickers inside open their own dropdowns in
 * portals, which a popover would take for outside clicks, and a phone needs the whole width.
 * The drawer stays mounted while closed, so half-written conditions are still there on reopening.
 */
export function FilterControl({
  opened: openedFromOutside,
  onOpenedChange,
  sheet = false,
  header,
  ...props
}: FilterControlProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [openedHere, disclosure] = useDisclosure(false);
  const opened = openedFromOutside ?? openedHere;
  const open = () => (onOpenedChange ? onOpenedChange(true) : disclosure.open());
  const close = () => (onOpenedChange ? onOpenedChange(false) : disclosure.close());
  const count = countConditions(props.value);
  return (
    <>
      <Button
        variant={count > 0 ? 'light' : 'default'}
        leftSection={<IconFilter size={16} aria-hidden />}
        rightSection={
          count > 0 ? (
            <Badge size="sm" circle>
              {count}
              {/* Read as "Filter 2 active conditions": the visible text stays in the name (WCAG 2.5.3). */}
              <VisuallyHidden> {t('filters:control.active', { count })}</VisuallyHidden>
            </Badge>
          ) : undefined
        }
        onClick={open}
        aria-haspopup="dialog"
        aria-expanded={opened}
      >
        {t('filters:control.button')}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position={sheet ? 'bottom' : 'right'}
        size={sheet ? '90%' : 'lg'}
        keepMounted
        title={t('filters:control.title', { object: pickLabel(props.meta.labels.many, locale) })}
        closeButtonProps={{ 'aria-label': t('filters:control.close') }}
      >
        {header && <Group mb="md">{header}</Group>}
        <FilterBuilder {...props} />
        <Group justify="flex-end" mt="lg">
          <Button onClick={close}>{t('filters:control.done')}</Button>
        </Group>
      </Drawer>
    </>
  );
}
