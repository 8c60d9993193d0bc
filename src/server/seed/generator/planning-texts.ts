// What the demo's chain templates, reminders, resources and bookings say, per language: the
// words a colleague would type into them. `{client}` in a reminder becomes a client's short name.
import type { Language } from './locale.ts';
import { PLANNING_TEXTS_EN } from './planning-texts-en.ts';
import { PLANNING_TEXTS_HU } from './planning-texts-hu.ts';
import { PLANNING_TEXTS_PL } from './planning-texts-pl.ts';

type Texts = readonly string[];

/** The chain templates the generator knows, in the order they are loaded. */
export const TASK_CHAIN_KEYS = ['onboarding', 'complaint'] as const;
export type TaskChainKey = (typeof TASK_CHAIN_KEYS)[number];

export interface TaskChainTexts {
  name: string;
  description: string;
  /** Step titles, in the order of the chain's steps in task-chains.ts (the same in every language). */
  steps: Texts;
}

/** Repeating reminders the generator knows; their rules and times are in reminders.ts. */
export const REPEATING_REMINDER_KEYS = [
  'weekly_plan',
  'month_report',
  'timesheet',
  'invoices',
  'complaints_inbox',
  'car_insurance',
] as const;
export type RepeatingReminderKey = (typeof REPEATING_REMINDER_KEYS)[number];

export interface ReminderText {
  title: string;
  note: string | null;
}

/** The resources the generator knows, in the order they are loaded; their kinds in bookings.ts. */
export const RESOURCE_KEYS = ['large_room', 'small_room', 'quiet_room', 'car', 'projector'] as const;
export type ResourceKey = (typeof RESOURCE_KEYS)[number];

export interface ResourceText {
  name: string;
  description: string;
  location: string;
}

export interface PlanningTexts {
  chains: Readonly<Record<TaskChainKey, TaskChainTexts>>;
  repeating: Readonly<Record<RepeatingReminderKey, ReminderText>>;
  /** One-off reminders about a client: every title names `{client}`. */
  aboutClient: Texts;
  /** One-off reminders about nothing in particular. */
  personal: Texts;
  /** Now and then under a one-off reminder. */
  notes: Texts;
  resources: Readonly<Record<ResourceKey, ResourceText>>;
  /** What people book a room, the car or the projector for, when it is not a client's activity. */
  bookings: Readonly<Record<'room' | 'car' | 'projector', Texts>>;
  /** Under a booking of the car for a client's visit. */
  travelNote: string;
}

export const PLANNING_TEXTS: Readonly<Record<Language, PlanningTexts>> = {
  pl: PLANNING_TEXTS_PL,
  hu: PLANNING_TEXTS_HU,
  en: PLANNING_TEXTS_EN,
};
