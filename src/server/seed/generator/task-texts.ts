// What task registers, their topics and their tasks say, per language: short to-dos a
// colleague would type. `{client}` in a title becomes the client's short name, `{fair}` a trade
// fair's name, `{year}` in a fair's name the year it takes place.
import type { Language } from './locale.ts';
import { TASK_TEXTS_EN } from './task-texts-en.ts';
import { TASK_TEXTS_HU } from './task-texts-hu.ts';
import { TASK_TEXTS_PL } from './task-texts-pl.ts';

export const TASK_REGISTER_KEYS = ['sales', 'complaints', 'internal', 'office'] as const;
export type TaskRegisterKey = (typeof TASK_REGISTER_KEYS)[number];

/** The breakdowns of work into subtasks the generator knows. */
export const TASK_TREE_KINDS = ['trade_fair', 'onboarding', 'complaint'] as const;
export type TaskTreeKind = (typeof TASK_TREE_KINDS)[number];

type Texts = readonly string[];

export interface TaskTopicTexts {
  name: string;
  /** Titles of single tasks on the topic; a client topic's all name `{client}`. */
  titles: Texts;
}

export interface TaskRegisterTexts {
  name: string;
  description: string;
  /** In the order of the register's topics in task-registers.ts (the same in every language). */
  topics: readonly TaskTopicTexts[];
}

/** A task of a breakdown with its subtasks; the same shape in every language. */
export interface TaskNodeText {
  title: string;
  children?: readonly TaskNodeText[];
}

export interface TaskTexts {
  registers: Readonly<Record<TaskRegisterKey, TaskRegisterTexts>>;
  /** One-sentence descriptions. */
  descriptions: Texts;
  /** Steps listed under a description. */
  checklist: Texts;
  /** Trade fairs, with `{year}`. */
  fairs: Texts;
  trees: Readonly<Record<TaskTreeKind, TaskNodeText>>;
}

export const TASK_TEXTS: Readonly<Record<Language, TaskTexts>> = {
  pl: TASK_TEXTS_PL,
  hu: TASK_TEXTS_HU,
  en: TASK_TEXTS_EN,
};

/** Fills `{client}`, `{fair}` and `{year}` where a template has them. */
export function fillTaskText(
  template: string,
  values: { client?: string; fair?: string; year?: number },
): string {
  let text = template;
  if (values.client !== undefined) text = text.replace('{client}', values.client);
  if (values.fair !== undefined) text = text.replace('{fair}', values.fair);
  if (values.year !== undefined) text = text.replace('{year}', String(values.year));
  return text;
}
