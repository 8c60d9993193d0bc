import {
  IconBuilding,
  IconFolders,
  IconIdBadge2,
  IconUser,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';

/**
 * The main menu. Feature modules to come (cases, sales, calendar…) add their entries here;
 * `labelKey` is an i18n key in the `shell` namespace.
 */
export interface NavItem {
  key: string;
  labelKey: string;
  to: string;
  icon: TablerIcon;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'clients', labelKey: 'shell:nav.clients', to: '/records/company', icon: IconBuilding },
  { key: 'people', labelKey: 'shell:nav.people', to: '/records/person', icon: IconUser },
  {
    key: 'companyGroups',
    labelKey: 'shell:nav.companyGroups',
    to: '/records/company_group',
    icon: IconFolders,
  },
  {
    key: 'personGroups',
    labelKey: 'shell:nav.personGroups',
    to: '/records/person_group',
    icon: IconUsersGroup,
  },
  { key: 'employees', labelKey: 'shell:nav.employees', to: '/records/employee', icon: IconIdBadge2 },
];
