import type { Migration } from 'kysely';
import * as core from './2026_11_23_0001_core.ts';
import * as foldFunction from './2026_11_23_0002_fold_function.ts';
import * as savedViews from './2026_11_23_0003_saved_views.ts';
import * as organisationAccess from './2026_11_27_0001_organisation_access.ts';
import * as loginHardening from './2026_11_27_0002_login_hardening.ts';
import * as ownerSortIndexes from './2026_11_27_0003_owner_sort_indexes.ts';
import * as clientCard from './2026_11_27_0004_client_card.ts';
import * as clientChildren from './2026_11_27_0005_client_children.ts';
import * as imports from './2026_11_27_0006_imports.ts';
import * as merges from './2026_11_27_0007_merges.ts';
import * as companyCampaign from './2026_11_28_0001_company_campaign.ts';
import * as searchTitleKey from './2026_11_28_0002_search_title_key.ts';
import * as eventConsumers from './2026_11_28_0003_event_consumers.ts';
import * as cases from './2026_11_28_0004_cases.ts';
import * as notifications from './2026_11_28_0005_notifications.ts';
import * as tasks from './2026_11_28_0006_tasks.ts';
import * as bookings from './2026_11_28_0007_bookings.ts';
import * as reminders from './2026_11_28_0008_reminders.ts';
import * as calendarFeeds from './2026_11_28_0009_calendar_feeds.ts';
import * as comments from './2026_11_28_0010_comments.ts';
import * as bookingOverlapBound from './2026_11_29_0001_booking_overlap_bound.ts';
import * as activityEmployeeStarts from './2026_11_29_0002_activity_employee_starts.ts';
import * as backupRuns from './2026_11_30_0001_backup_runs.ts';
import * as listIndexes from './2026_12_01_0001_list_indexes.ts';
import * as containsIndexes from './2026_12_01_0002_contains_indexes.ts';
import * as bulkRuns from './2026_12_02_0001_bulk_runs.ts';
import * as storedFoldedText from './2026_12_02_0002_stored_folded_text.ts';
import * as fasterFold from './2026_12_03_0001_faster_fold.ts';
import * as pricing from './2026_12_04_0001_pricing.ts';
import * as salesPipeline from './2026_12_04_0002_sales_pipeline.ts';

/** Every migration, in order. Names are dated; a migration is never edited once it has landed. */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_core': core,
  '2026_11_23_0002_fold_function': foldFunction,
  '2026_11_23_0003_saved_views': savedViews,
  '2026_11_27_0001_organisation_access': organisationAccess,
  '2026_11_27_0002_login_hardening': loginHardening,
  '2026_11_27_0003_owner_sort_indexes': ownerSortIndexes,
  '2026_11_27_0004_client_card': clientCard,
  '2026_11_27_0005_client_children': clientChildren,
  '2026_11_27_0006_imports': imports,
  '2026_11_27_0007_merges': merges,
  '2026_11_28_0001_company_campaign': companyCampaign,
  '2026_11_28_0002_search_title_key': searchTitleKey,
  '2026_11_28_0003_event_consumers': eventConsumers,
  '2026_11_28_0004_cases': cases,
  '2026_11_28_0005_notifications': notifications,
  '2026_11_28_0006_tasks': tasks,
  '2026_11_28_0007_bookings': bookings,
  '2026_11_28_0008_reminders': reminders,
  '2026_11_28_0009_calendar_feeds': calendarFeeds,
  '2026_11_28_0010_comments': comments,
  '2026_11_29_0001_booking_overlap_bound': bookingOverlapBound,
  '2026_11_29_0002_activity_employee_starts': activityEmployeeStarts,
  '2026_11_30_0001_backup_runs': backupRuns,
  '2026_12_01_0001_list_indexes': listIndexes,
  '2026_12_01_0002_contains_indexes': containsIndexes,
  '2026_12_02_0001_bulk_runs': bulkRuns,
  '2026_12_02_0002_stored_folded_text': storedFoldedText,
  '2026_12_03_0001_faster_fold': fasterFold,
  '2026_12_04_0001_pricing': pricing,
  '2026_12_04_0002_sales_pipeline': salesPipeline,
};
