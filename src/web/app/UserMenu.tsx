import { Box, Button, Menu, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES } from '../../shared/metadata/types.ts';
import { useLocale } from '../ui/format.ts';
import { LANGUAGE_NAMES, useChangeLanguage } from './language.ts';
import { isLocale } from './locale.ts';
import { useCurrentUser, useLogout } from './session.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const locale = useLocale();
  const changeLanguage = useChangeLanguage(true);
  const logout = useLogout();

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconUser size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          px="xs"
        >
          {/* Named by its text (WCAG 2.5.3): "User menu" for screen readers, the login for everyone. */}
          <VisuallyHidden>{t('shell:user.menu')}</VisuallyHidden>
          <Box component="span" visibleFrom="sm">
            {user?.login}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell:language.label')}</Menu.Label>
        <Menu.RadioGroup value={locale} onChange={(value) => isLocale(value) && void changeLanguage(value)}>
          {LOCALES.map((code) => (
            <Menu.RadioItem key={code} value={code} lang={code} closeMenuOnClick>
              {LANGUAGE_NAMES[code]}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={14} aria-hidden />}>
          {t('shell:user.settings')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={14} aria-hidden />} onClick={() => void logout()}>
          {t('shell:user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
