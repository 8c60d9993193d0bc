import {
  IconArrowsExchange,
  IconBriefcase,
  IconBuilding,
  IconCalendar,
  IconCalendarEvent,
  IconChecklist,
  IconDatabaseExport,
  IconFolder,
  IconFolders,
  IconHierarchy2,
  IconIdBadge2,
  IconKey,
  IconList,
  IconListDetails,
  IconPackage,
  IconReceiptTax,
  IconRoute,
  IconShieldLock,
  IconSun,
  IconTargetArrow,
  IconUser,
  IconUsers,
  IconUsersGroup,
  IconZoomScan,
  type TablerIcon,
} from '@tabler/icons-react';

/**
 * The main menu. Feature modules to come (cases, sales, calendar…) add their entries here;
 * `labelKey` is a full i18n key (`namespace:key`).
 */
export interface NavItem {
  key: string;
  labelKey: string;
  to: string;
  icon: TablerIcon;
  /** The object the entry lists: the entry is shown only to readers who may read it. */
  object?: string;
  /** Objects the entry shows together: shown to readers who may read any of them. */
  anyOf?: string[];
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'today', labelKey: 'shell:nav.today', to: '/', icon: IconSun },
  {
    key: 'clients',
    labelKey: 'shell:nav.companies',
    to: '/records/company',
    icon: IconBuilding,
    object: 'company',
  },
  { key: 'people', labelKey: 'shell:nav.people', to: '/records/person', icon: IconUser, object: 'person' },
  {
    key: 'opportunities',
    labelKey: 'shell:nav.opportunities',
    to: '/records/opportunity',
    icon: IconTargetArrow,
    object: 'opportunity',
  },
  { key: 'cases', labelKey: 'shell:nav.cases', to: '/records/case', icon: IconBriefcase, object: 'case' },
  {
    key: 'activities',
    labelKey: 'shell:nav.activities',
    to: '/records/activity',
    icon: IconCalendarEvent,
    object: 'activity',
  },
  {
    key: 'calendar',
    labelKey: 'shell:nav.calendar',
    to: '/calendar',
    icon: IconCalendar,
    anyOf: ['activity', 'task', 'reminder', 'booking'],
  },
  { key: 'tasks', labelKey: 'shell:nav.tasks', to: '/records/task', icon: IconChecklist, object: 'task' },
  {
    key: 'taskRegisters',
    labelKey: 'shell:nav.taskRegisters',
    to: '/records/task_register',
    icon: IconFolder,
    object: 'task_register',
  },
  {
    key: 'products',
    labelKey: 'shell:nav.products',
    to: '/records/product',
    icon: IconPackage,
    object: 'product',
  },
  {
    key: 'priceLists',
    labelKey: 'shell:nav.priceLists',
    to: '/records/price_list',
    icon: IconListDetails,
    object: 'price_list',
  },
  {
    key: 'companyGroups',
    labelKey: 'shell:nav.companyGroups',
    to: '/records/company_group',
    icon: IconFolders,
    object: 'company_group',
  },
  {
    key: 'personGroups',
    labelKey: 'shell:nav.personGroups',
    to: '/records/person_group',
    icon: IconUsersGroup,
    object: 'person_group',
  },
  {
    key: 'employees',
    labelKey: 'shell:nav.employees',
    to: '/records/employee',
    icon: IconIdBadge2,
    object: 'employee',
  },
];

/** The administration section: shown to administrators only (the server refuses everyone else). */
export const ADMIN_NAV_ITEMS: NavItem[] = [
  { key: 'accounts', labelKey: 'access:nav.accounts', to: '/admin/accounts', icon: IconKey },
  { key: 'roles', labelKey: 'access:nav.roles', to: '/admin/roles', icon: IconShieldLock },
  { key: 'departments', labelKey: 'access:nav.departments', to: '/admin/departments', icon: IconHierarchy2 },
  { key: 'workGroups', labelKey: 'access:nav.workGroups', to: '/admin/work-groups', icon: IconUsers },
  { key: 'securityLog', labelKey: 'access:nav.securityLog', to: '/admin/security-log', icon: IconZoomScan },
  { key: 'dictionaries', labelKey: 'access:nav.dictionaries', to: '/admin/dictionaries', icon: IconList },
  {
    key: 'salesScenarios',
    labelKey: 'access:nav.salesScenarios',
    to: '/records/sales_scenario',
    icon: IconRoute,
  },
  { key: 'taxRates', labelKey: 'access:nav.taxRates', to: '/records/tax_rate', icon: IconReceiptTax },
  {
    key: 'exchangeRates',
    labelKey: 'access:nav.exchangeRates',
    to: '/records/exchange_rate',
    icon: IconArrowsExchange,
  },
  { key: 'backups', labelKey: 'backups:nav', to: '/admin/backups', icon: IconDatabaseExport },
];
