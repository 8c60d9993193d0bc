import type { Locale } from '../../../shared/metadata/types.ts';
import type { RecordEvent } from '../../records/events.ts';
import { titleOf } from '../../records/present.ts';
import {
  addedMentions,
  changeOf,
  excerpt,
  mentionedAccounts,
  type NotificationRule,
  type Plan,
  parseMentions,
  type RuleContext,
} from '../notifications/index.ts';
import { COMMENT_EVENT_OBJECT } from './store.ts';

const WORDS: Record<
  Locale,
  { commented: (who: string, what: string) => string; mentioned: (who: string, what: string) => string }
> = {
  en: {
    commented: (who, what) => `${who} commented on ${what}`,
    mentioned: (who, what) => `${who} mentioned you in a comment on ${what}`,
  },
  pl: {
    commented: (who, what) => `Nowy komentarz (${who}): ${what}`,
    mentioned: (who, what) => `${who} wspomina o Tobie w komentarzu: ${what}`,
  },
  hu: {
    commented: (who, what) => `${who} hozzászólt: ${what}`,
    mentioned: (who, what) => `${who} megemlítette Önt egy hozzászólásban: ${what}`,
  },
};

/** The employees following a record's conversation, by the fields its object names. */
async function followersOf(context: RuleContext, object: string, id: number): Promise<number[]> {
  const definition = context.registry.get(object);
  const found: number[] = [];
  for (const key of definition?.comments?.followers ?? []) {
    const field = definition?.field(key);
    if (!definition || !field) continue;
    if (field.through) {
      const rows = await context.trx
        .selectFrom(field.through.table)
        .select(field.through.targetColumn)
        .where(field.through.sourceColumn, '=', id)
        .execute();
      for (const row of rows as Array<Record<string, unknown>>)
        found.push(Number(row[field.through.targetColumn]));
    } else if (field.column) {
      const row: Record<string, unknown> | undefined = await context.trx
        .selectFrom(definition.table)
        .select(field.column)
        .where('id', '=', id)
        .executeTakeFirst();
      const value = row?.[field.column];
      if (value !== null && value !== undefined) found.push(Number(value));
    }
  }
  return [...new Set(found)];
}

/** A new comment: to the record's followers; a mention (new, or added by an edit): to whom it names. */
async function commentPlans(context: RuleContext, event: RecordEvent): Promise<Plan[]> {
  const object = typeof event.payload.object === 'string' ? event.payload.object : null;
  const recordId = typeof event.payload.recordId === 'number' ? event.payload.recordId : null;
  const definition = object ? context.registry.get(object) : undefined;
  const body = changeOf(event, 'body');
  if (!definition || recordId === null || !body) return [];
  const row: Record<string, unknown> | undefined = await context.trx
    .selectFrom(definition.table)
    .selectAll()
    .where('id', '=', recordId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return [];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const base = {
    object: definition.key,
    recordId,
    requires: [{ object: definition.key, id: recordId }],
  };
  const what = (locale: Locale, hidden: (object: string, field: string) => boolean) =>
    definition.titleFields.some((key) => hidden(definition.key, key))
      ? `#${recordId}`
      : titleOf(definition, row, locale) || `#${recordId}`;
  const plans: Plan[] = [];
  if (event.type === 'created') {
    plans.push({
      ...base,
      kind: 'comment',
      employees: await followersOf(context, definition.key, recordId),
      accounts: [],
      render: (locale, hidden, actor) => ({
        title: WORDS[locale].commented(actor, what(locale, hidden)),
        body: excerpt(text(body.new)) ?? '',
      }),
    });
  }
  const after = parseMentions(text(body.new));
  const mentions = event.type === 'created' ? after : addedMentions(parseMentions(text(body.old)), after);
  if (mentions.logins.length > 0 || mentions.names.length > 0) {
    const accounts = await mentionedAccounts(context.trx, context.dialect, mentions);
    if (accounts.length > 0)
      plans.push({
        ...base,
        kind: 'mention',
        employees: [],
        accounts,
        render: (locale, hidden, actor) => ({
          title: WORDS[locale].mentioned(actor, what(locale, hidden)),
          body: excerpt(text(body.new)) ?? '',
        }),
      });
  }
  return plans;
}

export const COMMENT_RULES: NotificationRule = { objects: [COMMENT_EVENT_OBJECT], plans: commentPlans };
