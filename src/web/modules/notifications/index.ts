/**
 * Notifications in the web app: the header's bell (unread count, the list, live updates over
 * Server-Sent Events, a toast for new ones) and the preferences section of the settings page.
 * Only the lazy bell is exported here, since the shell (and with it the login screen's bundle)
 * imports this file; the settings page, a chunk of its own, imports
 * `NotificationPreferences.tsx` directly.
 */
export { NotificationBell } from './LazyBell.tsx';
