/**
 * The administration screens, loaded on first use: the router imports this file directly (not
 * the module's index, which the shell loads for everyone), so they make a chunk of their own.
 */
export { AccountsPage } from './AccountsPage.tsx';
export { DepartmentsPage } from './DepartmentsPage.tsx';
export { RoleEditorPage } from './RoleEditorPage.tsx';
export { RolesPage } from './RolesPage.tsx';
export { SecurityLogPage } from './SecurityLogPage.tsx';
export { WorkGroupsPage } from './WorkGroupsPage.tsx';
