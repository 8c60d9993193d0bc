// What other capabilities use to declare their own notification rules (NotificationRule).
export { addedMentions, mentionedAccounts, parseMentions } from './mentions.ts';
export { excerpt } from './messages.ts';
export { markReadAbout } from './read-about.ts';
export type { RuleContext } from './rule-context.ts';
export {
  CLIENT_WORK_RULES,
  changeOf,
  type Hidden,
  type NotificationRule,
  numberOr,
  type Plan,
} from './rules.ts';
